package cn.pes.casework.events.entrepreneurship;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The guarantee institution or the bank declined the application. */
@Revision("1")
public record GuaranteeLoanDeclined(String caseId, String loanId, LocalDate declinedOn, String reason) {
}
