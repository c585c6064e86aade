package cn.pes.casework.events.audit;

import java.time.LocalDate;

/**
 * Every event recorded at one agency (the acting officer's agency, not the case's) between two days
 * of the agencies' calendar, both inclusive, at most {@link FindOfficerActionsQuery#MAX_DAYS} days.
 * Answers {@link RecordedActionsView}.
 */
public record FindAgencyActionsQuery(String agencyId, LocalDate from, LocalDate to) {
}
