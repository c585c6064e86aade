package cn.pes.casework.events.tracking;

import java.time.YearMonth;
import java.util.List;

public record TrackingLedgerView(String agencyId, YearMonth month, List<LedgerRow> rows) {
}
