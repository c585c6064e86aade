package cn.pes.casework.events.registration;

import java.time.LocalDate;

/**
 * Online applications of an agency awaiting a decision; those whose REG-5 due date is before
 * {@code asOf} are flagged overdue. Answers {@link PendingApplicationsView}.
 */
public record FindPendingApplicationsQuery(String agencyId, LocalDate asOf, boolean overdueOnly) {
}
