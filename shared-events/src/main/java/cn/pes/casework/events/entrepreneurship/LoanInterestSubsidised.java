package cn.pes.casework.events.entrepreneurship;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The interest subsidy for one period of the loan (from and to inclusive). */
@Revision("1")
public record LoanInterestSubsidised(String caseId, String loanId, LocalDate periodFrom, LocalDate periodTo,
                                     BigDecimal interest, BigDecimal subsidy, LocalDate paidOn) {
}
