package cn.pes.casework.events.employer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The agency's review refuses a pending vacancy (岗位审核不通过, JOB-3), with the reason told to the employer. */
public record RejectVacancyCommand(@TargetAggregateIdentifier String employerId, String vacancyId, String reason,
                                   LocalDate reviewedOn) {
}
