package cn.pes.casework.events.employer;

import java.time.LocalDate;

/**
 * A guidance session held for an employer.
 *
 * @param agencyId the agency whose officer held it
 */
public record EmployerGuidanceSession(String sessionId, RecruitmentGuidanceTopic topic, String notes, String followUp,
                                      LocalDate heldOn, String agencyId) {
}
