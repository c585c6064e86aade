package cn.pes.casework.events.comparison;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** An officer dismisses an open proposal of the case with a reason (CAN-3), whatever raised it. */
public record DismissStatusChangeProposalCommand(@TargetAggregateIdentifier String caseId, String proposalId,
                                                 String reason, LocalDate decidedOn) {
}
