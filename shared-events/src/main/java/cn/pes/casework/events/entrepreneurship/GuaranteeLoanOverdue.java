package cn.pes.casework.events.entrepreneurship;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The loan became overdue (ENT-5: no guarantee loan after an overdue one, even when repaid later).
 *
 * @param outstanding principal owed when it became overdue
 */
@Revision("1")
public record GuaranteeLoanOverdue(String caseId, String loanId, LocalDate overdueSince, BigDecimal outstanding,
                                   OverdueSource source) {
}
