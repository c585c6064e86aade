package cn.pes.casework.events.casefile;

/** Every event of a case in order, in words a caseworker reads. Answers {@link CaseHistoryView}, or null. */
public record FindCaseHistoryQuery(String caseId) {
}
