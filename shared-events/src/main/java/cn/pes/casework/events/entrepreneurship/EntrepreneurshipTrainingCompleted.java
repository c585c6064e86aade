package cn.pes.casework.events.entrepreneurship;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The person completed the course and holds its certificate. */
@Revision("1")
public record EntrepreneurshipTrainingCompleted(String caseId, String trainingId, String institutionId,
                                                LocalDate completedOn, String certificateNumber) {
}
