package cn.pes.casework.events.entrepreneurship;

import java.math.BigDecimal;
import java.time.LocalDate;

public record LoanRepaymentLine(String repaymentId, LocalDate paidOn, BigDecimal principal, BigDecimal interest,
                                BigDecimal outstandingAfter) {
}
