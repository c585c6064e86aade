package cn.pes.casework.events.jobseeking;

import cn.pes.casework.events.registration.PresentedDocument;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Register a person with a valid unemployment registration as a job seeker (求职登记, JOB-2). The
 * caller chooses {@code jobSeekingId}; sending it twice records it once.
 *
 * @param identityDocument the document the officer verified the person's identity with
 * @param receivedOn       the day the registration was received: the 1-working-day review starts here
 * @param recordedOn       the day the officer records it
 */
public record RegisterJobSeekingCommand(@TargetAggregateIdentifier String caseId, String jobSeekingId,
                                        PresentedDocument identityDocument, BasicInformation basics,
                                        JobIntentions intentions, LocalDate receivedOn, LocalDate recordedOn) {
}
