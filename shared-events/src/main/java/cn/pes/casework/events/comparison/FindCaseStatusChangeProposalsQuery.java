package cn.pes.casework.events.comparison;

/** Every status-change proposal of one case, open and decided, oldest first. Answers {@link StatusChangeProposalsView}. */
public record FindCaseStatusChangeProposalsQuery(String caseId) {
}
