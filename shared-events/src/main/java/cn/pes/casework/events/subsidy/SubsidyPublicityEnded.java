package cn.pes.casework.events.subsidy;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * Publicity is over (by itself, when its period has passed — a deadline, not an officer). Without an
 * open objection payment is due within 60 working days (SUB-5); with one, {@code paymentDueOn} is
 * null and payment waits for its resolution.
 */
@Revision("1")
public record SubsidyPublicityEnded(String caseId, String applicationId, LocalDate endedOn, boolean heldByObjection,
                                    LocalDate paymentDueOn, boolean paymentDueOnProvisional) {
}
