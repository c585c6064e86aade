package cn.pes.casework.events.jobseeking;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The review did not pass; the person may register again with corrected information. */
@Revision("1")
public record JobSeekingRejected(String caseId, String jobSeekingId, String reason, LocalDate decidedOn,
                                 boolean late) {
}
