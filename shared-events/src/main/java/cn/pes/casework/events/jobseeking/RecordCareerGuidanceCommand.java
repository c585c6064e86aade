package cn.pes.casework.events.jobseeking;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Record a career guidance session for a person (职业指导, JOB-1). The caller chooses
 * {@code sessionId}; sending it twice records it once.
 *
 * @param followUp what is to happen next, or null
 */
public record RecordCareerGuidanceCommand(@TargetAggregateIdentifier String caseId, String sessionId,
                                          GuidanceTopic topic, String notes, String followUp, LocalDate heldOn,
                                          LocalDate recordedOn) {
}
