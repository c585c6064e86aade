package cn.pes.casework.events.casefile;

/** A case's current state: spells, categories, last contact. Answers {@link CaseView}, or null if unknown. */
public record FindCaseQuery(String caseId) {
}
