package cn.pes.casework.command.web.request;

import cn.pes.casework.events.jobseeking.GuidanceTopic;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A career guidance session (职业指导, JOB-1); topic and notes are checked by the case.
 *
 * @param sessionId optional; a client that may resend sets it so the session is recorded once
 * @param heldOn    today when absent
 */
public record CareerGuidanceRequest(@Pattern(regexp = "[A-Za-z0-9-]{8,64}") String sessionId,
                                    GuidanceTopic topic, @Size(max = 1000) String notes,
                                    @Size(max = 1000) String followUp, LocalDate heldOn) {
}
