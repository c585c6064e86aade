package cn.pes.casework.events.employer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The agency's review passes a pending vacancy: publish it (岗位审核发布, JOB-3). */
public record PublishVacancyCommand(@TargetAggregateIdentifier String employerId, String vacancyId,
                                    LocalDate reviewedOn) {
}
