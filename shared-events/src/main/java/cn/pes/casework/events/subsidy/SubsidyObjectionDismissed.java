package cn.pes.casework.events.subsidy;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The objection did not hold. When publicity is already over, payment falls due from now:
 * {@code paymentDueOn} is 60 working days after {@code resolvedOn} (SUB-5); otherwise it is null
 * and the payment clock starts when publicity ends.
 */
@Revision("1")
public record SubsidyObjectionDismissed(String caseId, String applicationId, String objectionId, String finding,
                                        LocalDate resolvedOn, LocalDate paymentDueOn,
                                        boolean paymentDueOnProvisional) {
}
