package cn.pes.casework.command.web.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * @param objectionId optional; set it to resend safely
 * @param summary     what the objection says, without the objector's personal data
 * @param raisedOn    the day it came in; today when absent
 */
public record ObjectionRequest(@Pattern(regexp = "[A-Za-z0-9-]{8,64}") String objectionId,
                               @NotBlank @Size(max = 1000) String summary,
                               LocalDate raisedOn) {
}
