package cn.pes.casework.events.cancellation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * An officer confirms a proposed cancellation (CAN-3): the registration is cancelled on the
 * proposal's ground and evidence.
 */
public record ConfirmCancellationProposalCommand(@TargetAggregateIdentifier String caseId, String proposalId,
                                                 LocalDate effectiveDate, Notification notification,
                                                 LocalDate recordedOn) {
}
