package cn.pes.casework.events.jobseeking;

import cn.pes.casework.events.registration.PresentedDocument;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A job-seeking registration was received (JOB-2) and waits for review, due on {@code reviewDueOn}
 * (working days on the official calendar).
 *
 * @param spell         the unemployment registration spell it belongs to
 * @param agencyId      the agency responsible for the case, which reviews it
 * @param policyVersion the job-service policy version whose clock was used
 */
@Revision("1")
public record JobSeekingRegistered(String caseId, int spell, String jobSeekingId, PresentedDocument identityDocument,
                                   BasicInformation basics, JobIntentions intentions, String agencyId,
                                   LocalDate receivedOn, LocalDate reviewDueOn, boolean reviewDueOnProvisional,
                                   String policyVersion) {
}
