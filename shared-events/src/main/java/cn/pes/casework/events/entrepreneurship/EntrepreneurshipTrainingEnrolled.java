package cn.pes.casework.events.entrepreneurship;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The person was enrolled in entrepreneurship training (ENT-1).
 *
 * @param institutionName the institution's name at enrolment, so that lists and history need no lookup
 * @param agencyId        the agency of the officer who enrolled the person: trainees are counted there
 */
@Revision("1")
public record EntrepreneurshipTrainingEnrolled(String caseId, String trainingId, String institutionId,
                                               String institutionName, TrainingType trainingType,
                                               LocalDate startsOn, String agencyId, LocalDate recordedOn) {
}
