package cn.pes.casework.events.jobseeking;

import java.time.LocalDate;

/** A career guidance session in a person's profile. */
public record GuidanceSessionView(String sessionId, GuidanceTopic topic, String notes, String followUp,
                                  LocalDate heldOn, String agencyId) {
}
