package cn.pes.casework.events.jobseeking;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The job seeker's intentions changed; matching uses the new ones from now on. */
@Revision("1")
public record JobIntentionsUpdated(String caseId, String jobSeekingId, JobIntentions intentions, LocalDate updatedOn) {
}
