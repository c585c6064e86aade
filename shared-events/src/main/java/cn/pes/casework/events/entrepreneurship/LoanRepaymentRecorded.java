package cn.pes.casework.events.entrepreneurship;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A repayment; {@code outstandingAfter} is the principal still owed after it. */
@Revision("1")
public record LoanRepaymentRecorded(String caseId, String loanId, String repaymentId, LocalDate paidOn,
                                    BigDecimal principal, BigDecimal interest, BigDecimal outstandingAfter) {
}
