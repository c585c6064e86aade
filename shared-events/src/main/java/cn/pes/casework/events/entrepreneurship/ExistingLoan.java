package cn.pes.casework.events.entrepreneurship;

import java.math.BigDecimal;

/** A loan the applicant or spouse holds at application (ENT-4), as declared and seen in the credit report. */
public record ExistingLoan(LoanHolder holder, ExistingLoanType type, BigDecimal amount) {
}
