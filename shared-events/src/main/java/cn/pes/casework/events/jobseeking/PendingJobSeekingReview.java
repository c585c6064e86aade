package cn.pes.casework.events.jobseeking;

import cn.pes.casework.events.shared.PersonalData;

import java.time.LocalDate;

/**
 * One registration waiting for review.
 *
 * @param person  as stored (opened with the person's key); the web layer masks it on the way out
 * @param overdue the due date has passed on the query's day
 */
public record PendingJobSeekingReview(String caseId, String jobSeekingId, PersonalData person, String agencyId,
                                      JobIntentions intentions, LocalDate receivedOn, LocalDate reviewDueOn,
                                      boolean overdue) {
}
