package cn.pes.casework.events.tracking;

import java.time.YearMonth;
import java.util.List;

/**
 * A page of a month's tracking ledger; {@code totalRows} counts the whole ledger, so that
 * {@code ceil(totalRows / size)} pages exist. A page past the last is empty.
 */
public record TrackingLedgerPage(String agencyId, YearMonth month, int page, int size, int totalRows,
                                 List<LedgerRow> rows) {
}
