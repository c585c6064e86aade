package cn.pes.casework.events.entrepreneurship;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The approved amount was paid out.
 *
 * @param maturesOn the day the term ends (TIME-2: the same-numbered day {@code termMonths} later); the
 *                  loan is overdue when it is not repaid by then
 */
@Revision("1")
public record GuaranteeLoanDisbursed(String caseId, String loanId, BigDecimal amount, LocalDate disbursedOn,
                                     LocalDate maturesOn) {
}
