package cn.pes.casework.command.web.request;

import cn.pes.casework.events.entrepreneurship.TrainingType;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * Enrolment in entrepreneurship training (创业培训报名, ENT-1). What is missing is named by the case.
 *
 * @param trainingId optional; set it to resend safely
 */
public record TrainingEnrolmentRequest(@Pattern(regexp = "[A-Za-z0-9-]{8,64}") String trainingId,
                                       @Size(max = 64) String institutionId, TrainingType trainingType,
                                       LocalDate startsOn) {
}
