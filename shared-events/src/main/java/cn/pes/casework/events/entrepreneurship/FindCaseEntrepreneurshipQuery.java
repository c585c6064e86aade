package cn.pes.casework.events.entrepreneurship;

/** A person's entrepreneurship training and guarantee loans (创业服务). Answers {@link CaseEntrepreneurshipView}. */
public record FindCaseEntrepreneurshipQuery(String caseId) {
}
