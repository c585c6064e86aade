package cn.pes.casework.events.entrepreneurship;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Record that the bank paid out the approved loan (放款); the term runs from this day. */
public record RecordLoanDisbursementCommand(@TargetAggregateIdentifier String caseId, String loanId,
                                            LocalDate disbursedOn) {
}
