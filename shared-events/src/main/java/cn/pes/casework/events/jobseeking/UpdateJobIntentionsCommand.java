package cn.pes.casework.events.jobseeking;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Change what an open job-seeking registration looks for (求职意向变更). */
public record UpdateJobIntentionsCommand(@TargetAggregateIdentifier String caseId, String jobSeekingId,
                                         JobIntentions intentions, LocalDate recordedOn) {
}
