package cn.pes.casework.events.tracking;

import java.time.YearMonth;

/**
 * One page of an agency's tracking ledger (台账) for a month, in the ledger's order (contact date, then
 * when recorded). Answers {@link TrackingLedgerPage}; only the page's rows open personal data, so a
 * caseworker paging through a ledger of thousands of contacts pays for the rows shown.
 *
 * @param page 1 for the first page
 * @param size rows per page
 */
public record FindTrackingLedgerPageQuery(String agencyId, YearMonth month, int page, int size) {
}
