package cn.pes.casework.events.entrepreneurship;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A guarantee loan application was received (ENT-2); its assessment follows in the same unit of work. */
@Revision("1")
public record GuaranteeLoanApplied(String caseId, String loanId, LoanApplication application, String agencyId,
                                   LocalDate appliedOn, LocalDate recordedOn) {
}
