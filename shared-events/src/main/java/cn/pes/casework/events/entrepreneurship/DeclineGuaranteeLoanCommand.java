package cn.pes.casework.events.entrepreneurship;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Record that the guarantee institution or the bank declined an eligible application, with its reason. */
public record DeclineGuaranteeLoanCommand(@TargetAggregateIdentifier String caseId, String loanId,
                                          LocalDate declinedOn, String reason) {
}
