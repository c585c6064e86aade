package cn.pes.casework.events.jobseeking;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The job-seeking registration closed with the unemployment registration it belonged to (JOB-6). */
@Revision("1")
public record JobSeekingClosed(String caseId, String jobSeekingId, JobSeekingCloseReason reason, LocalDate closedOn) {
}
