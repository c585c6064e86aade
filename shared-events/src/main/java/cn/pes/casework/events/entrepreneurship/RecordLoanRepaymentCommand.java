package cn.pes.casework.events.entrepreneurship;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Record a repayment (还款) reported by the bank. The caller chooses {@code repaymentId}; sending it
 * twice records it once.
 *
 * @param principal yuan of principal repaid; at most what is outstanding
 * @param interest  yuan of interest paid with it (0 or more)
 */
public record RecordLoanRepaymentCommand(@TargetAggregateIdentifier String caseId, String loanId, String repaymentId,
                                         LocalDate paidOn, BigDecimal principal, BigDecimal interest) {
}
