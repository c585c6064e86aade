package cn.pes.casework.events.tracking;

import java.time.YearMonth;
import java.util.List;

/**
 * A page of the TRK-1 list: {@code totalUncontacted} counts the whole list, so that
 * {@code ceil(totalUncontacted / size)} pages exist, and {@code activeCases} is the agency's active
 * caseload it is taken from. A page past the last is empty.
 */
public record UncontactedCasesPage(String agencyId, YearMonth month, int page, int size, int activeCases,
                                   int totalUncontacted, List<UncontactedCase> cases) {
}
