package cn.pes.casework.events.entrepreneurship;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An eligible application was guaranteed and approved with this amount (yuan) and term. */
@Revision("1")
public record GuaranteeLoanApproved(String caseId, String loanId, BigDecimal amount, int termMonths, String lender,
                                    String guaranteeContractNumber, LocalDate approvedOn, String agencyId) {
}
