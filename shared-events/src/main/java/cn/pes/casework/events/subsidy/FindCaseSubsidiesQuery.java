package cn.pes.casework.events.subsidy;

import java.time.LocalDate;

/** A person's skills subsidy applications, newest first. Answers {@link CaseSubsidiesView}. */
public record FindCaseSubsidiesQuery(String caseId, LocalDate asOf) {
}
