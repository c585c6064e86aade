package cn.pes.casework.command.web.request;

import cn.pes.casework.events.employer.RecruitmentGuidanceTopic;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A guidance session held for an employer (JOB-1).
 *
 * @param sessionId optional; a client that may resend sets it so the session is recorded once
 * @param followUp  what is to happen next; optional
 * @param heldOn    the day it was held; today when absent, never later than today
 */
public record GuidanceRequest(@Pattern(regexp = "[A-Za-z0-9-]{8,64}") String sessionId,
                              @NotNull RecruitmentGuidanceTopic topic,
                              @NotBlank @Size(max = 1000) String notes,
                              @Size(max = 1000) String followUp,
                              LocalDate heldOn) {
}
