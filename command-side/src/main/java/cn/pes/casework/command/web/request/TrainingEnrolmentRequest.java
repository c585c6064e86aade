package cn.pes.casework.command.web.request;

import cn.pes.casework.events.entrepreneurship.TrainingType;

import java.time.LocalDate;

/**
 * Enrolment in entrepreneurship training (创业培训报名, ENT-1).
 *
 * @param trainingId optional; set it to resend safely
 */
public record TrainingEnrolmentRequest(String trainingId, String institutionId, TrainingType trainingType,
                                       LocalDate startsOn) {
}
