package cn.pes.casework.events.tracking;

import java.time.YearMonth;
import java.util.List;

/** @param activeCases how many active cases the agency has; {@code cases} are those not yet contacted */
public record UncontactedCasesView(String agencyId, YearMonth month, int activeCases, List<UncontactedCase> cases) {
}
