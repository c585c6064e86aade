package cn.pes.casework.command.web.request;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A repayment reported by the bank (还款).
 *
 * @param repaymentId optional; set it to resend safely
 * @param interest    yuan of interest paid with it; 0 when absent
 */
public record LoanRepaymentRequest(String repaymentId, LocalDate paidOn, BigDecimal principal, BigDecimal interest) {
}
