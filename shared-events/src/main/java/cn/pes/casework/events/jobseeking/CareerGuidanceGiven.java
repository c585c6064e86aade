package cn.pes.casework.events.jobseeking;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A career guidance session for the person was held (JOB-1).
 *
 * @param agencyId the agency responsible for the case
 */
@Revision("1")
public record CareerGuidanceGiven(String caseId, String sessionId, GuidanceTopic topic, String notes, String followUp,
                                  LocalDate heldOn, String agencyId) {
}
