package cn.pes.casework.events.cancellation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The registration spell was cancelled (CAN-1, CAN-2); the case stays and may register again. */
@Revision("1")
public record RegistrationCancelled(String caseId, int spell, CancellationGround ground, Evidence evidence,
                                    LocalDate effectiveDate, Notification notification,
                                    String responsibleAgencyId) {
}
