package cn.pes.casework.events.jobseeking;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** No review by the JOB-2 due date: recorded when the day is over, for auditors. */
@Revision("1")
public record JobSeekingReviewDeadlineMissed(String caseId, String jobSeekingId, String agencyId, LocalDate dueOn) {
}
