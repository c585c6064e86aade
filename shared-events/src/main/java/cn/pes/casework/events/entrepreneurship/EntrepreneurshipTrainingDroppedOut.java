package cn.pes.casework.events.entrepreneurship;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The person left the course before its end. */
@Revision("1")
public record EntrepreneurshipTrainingDroppedOut(String caseId, String trainingId, String institutionId,
                                                 LocalDate droppedOutOn, String reason) {
}
