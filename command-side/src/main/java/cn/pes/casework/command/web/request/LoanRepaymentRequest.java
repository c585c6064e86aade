package cn.pes.casework.command.web.request;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A repayment reported by the bank (还款).
 *
 * @param repaymentId optional; set it to resend safely
 * @param interest    yuan of interest paid with it; 0 when absent
 */
public record LoanRepaymentRequest(@Pattern(regexp = "[A-Za-z0-9-]{8,64}") String repaymentId, LocalDate paidOn,
                                   @Digits(integer = 9, fraction = 2) BigDecimal principal,
                                   @Digits(integer = 9, fraction = 2) BigDecimal interest) {
}
