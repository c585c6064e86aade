package cn.pes.casework.events.subsidy;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Not paid by the SUB-5 due date: recorded when the day is over, for auditors. */
@Revision("1")
public record SubsidyPaymentDeadlineMissed(String caseId, String applicationId, String departmentId, LocalDate dueOn) {
}
