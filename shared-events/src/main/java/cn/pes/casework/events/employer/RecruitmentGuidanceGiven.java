package cn.pes.casework.events.employer;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A guidance session for the employer was held (JOB-1).
 *
 * @param agencyId the agency whose officer held it
 */
@Revision("1")
public record RecruitmentGuidanceGiven(String employerId, String sessionId, RecruitmentGuidanceTopic topic,
                                       String notes, String followUp, LocalDate heldOn, String agencyId) {
}
