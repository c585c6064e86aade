package cn.pes.casework.events.entrepreneurship;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Record the bank's report that a disbursed loan is overdue (逾期) since a day. */
public record ReportLoanOverdueCommand(@TargetAggregateIdentifier String caseId, String loanId,
                                       LocalDate overdueSince) {
}
