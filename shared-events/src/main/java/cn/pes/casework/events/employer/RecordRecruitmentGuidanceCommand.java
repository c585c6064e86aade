package cn.pes.casework.events.employer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Record a guidance session for an employer (JOB-1). The caller chooses {@code sessionId}; sending
 * it twice records it once.
 *
 * @param followUp what is to happen next, or null
 */
public record RecordRecruitmentGuidanceCommand(@TargetAggregateIdentifier String employerId, String sessionId,
                                               RecruitmentGuidanceTopic topic, String notes, String followUp,
                                               LocalDate heldOn, LocalDate recordedOn) {
}
