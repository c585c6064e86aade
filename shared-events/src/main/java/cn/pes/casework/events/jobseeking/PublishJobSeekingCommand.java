package cn.pes.casework.events.jobseeking;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Review a job-seeking registration and publish it (审核发布, JOB-2). */
public record PublishJobSeekingCommand(@TargetAggregateIdentifier String caseId, String jobSeekingId,
                                       LocalDate decidedOn) {
}
