package cn.pes.casework.events.subsidy;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** No review opinion by the SUB-3 due date: recorded when the day is over, for auditors. */
@Revision("1")
public record SubsidyReviewDeadlineMissed(String caseId, String applicationId, String departmentId, LocalDate dueOn) {
}
