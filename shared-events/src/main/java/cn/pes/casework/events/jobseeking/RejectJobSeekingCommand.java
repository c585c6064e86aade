package cn.pes.casework.events.jobseeking;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Review a job-seeking registration and send it back with a reason (审核不通过, JOB-2). */
public record RejectJobSeekingCommand(@TargetAggregateIdentifier String caseId, String jobSeekingId, String reason,
                                      LocalDate decidedOn) {
}
