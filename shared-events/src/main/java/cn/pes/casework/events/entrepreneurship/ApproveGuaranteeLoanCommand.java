package cn.pes.casework.events.entrepreneurship;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Record that an eligible application was guaranteed and approved (担保审核通过、贷款审批) with the amount
 * and term granted — at most what was asked and within the limits the assessment recorded.
 *
 * @param lender                  the lending bank
 * @param guaranteeContractNumber the guarantee institution's contract number
 */
public record ApproveGuaranteeLoanCommand(@TargetAggregateIdentifier String caseId, String loanId,
                                          BigDecimal amount, int termMonths, String lender,
                                          String guaranteeContractNumber, LocalDate approvedOn) {
}
