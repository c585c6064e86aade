package cn.pes.casework.events.subsidy;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Record a certificate and the skills subsidy application on it (职业技能提升补贴申请, SUB-1, SUB-2)
 * in the person's case. The caller chooses {@code applicationId}; sending it twice records it once.
 *
 * @param departmentId   the agency of the HR&SS department applied to, which reviews it
 * @param allowanceClaim the person's claim to the SUB-6 living allowance, or null
 * @param receivedOn     the day the department received the application: the review clock starts here
 * @param recordedOn     the day the officer records it
 */
public record SubmitCertificateCommand(@TargetAggregateIdentifier String caseId, String applicationId,
                                       Certificate certificate, ApplicationPlace place, String departmentId,
                                       LivingAllowanceClaim allowanceClaim, LocalDate receivedOn,
                                       LocalDate recordedOn) {
}
