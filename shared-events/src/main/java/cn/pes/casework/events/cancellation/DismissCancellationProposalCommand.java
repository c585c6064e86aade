package cn.pes.casework.events.cancellation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** An officer dismisses a proposed cancellation with a reason (CAN-3). */
public record DismissCancellationProposalCommand(@TargetAggregateIdentifier String caseId, String proposalId,
                                                 String reason, LocalDate decidedOn) {
}
