package cn.pes.casework.events.jobseeking;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The registration was reviewed and published (JOB-2): the person can be matched and referred.
 *
 * @param late decided after the review due date
 */
@Revision("1")
public record JobSeekingPublished(String caseId, String jobSeekingId, LocalDate decidedOn, boolean late) {
}
