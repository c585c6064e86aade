package cn.pes.casework.events.subsidy;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * An objection to an approved application during its publicity (公示异议, SUB-4). The caller
 * chooses {@code objectionId}.
 *
 * @param summary what the objection says, without the objector's personal data
 */
public record RaiseSubsidyObjectionCommand(@TargetAggregateIdentifier String caseId, String applicationId,
                                           String objectionId, String summary, LocalDate raisedOn) {
}
