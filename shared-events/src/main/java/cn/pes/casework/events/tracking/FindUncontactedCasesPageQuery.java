package cn.pes.casework.events.tracking;

import java.time.YearMonth;

/**
 * One page of the TRK-1 list ({@link FindUncontactedCasesQuery}), in the list's order (registration
 * date, then case ID). Answers {@link UncontactedCasesPage}; only the page's cases open personal data,
 * so a caseworker paging through a street of thousands of uncontacted cases pays for the ones shown.
 *
 * @param page 1 for the first page
 * @param size cases per page
 */
public record FindUncontactedCasesPageQuery(String agencyId, YearMonth month, int page, int size) {
}
