package cn.pes.casework.events.jobseeking;

import java.time.LocalDate;

/**
 * Job-seeking registrations waiting for review at the agency and those it covers (待审核求职登记).
 * Answers {@link PendingJobSeekingReviewsView}.
 *
 * @param asOf the day overdue is judged on; null means today
 */
public record FindPendingJobSeekingReviewsQuery(String agencyId, LocalDate asOf) {
}
