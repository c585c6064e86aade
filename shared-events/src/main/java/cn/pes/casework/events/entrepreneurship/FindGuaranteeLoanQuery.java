package cn.pes.casework.events.entrepreneurship;

/** One loan of a case. Answers {@link GuaranteeLoanView}, or null when the case has no such loan. */
public record FindGuaranteeLoanQuery(String caseId, String loanId) {
}
