package cn.pes.casework.events.entrepreneurship;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The whole principal is repaid (结清).
 *
 * @param afterMaturity the last repayment came after the day the term ended
 */
@Revision("1")
public record GuaranteeLoanRepaid(String caseId, String loanId, LocalDate repaidOn, boolean afterMaturity) {
}
