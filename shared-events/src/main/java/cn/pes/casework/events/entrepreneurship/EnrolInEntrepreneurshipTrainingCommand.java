package cn.pes.casework.events.entrepreneurship;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Enrol the person in entrepreneurship training (创业培训报名, ENT-1) at a designated institution. The
 * caller chooses {@code trainingId}; sending it twice records it once.
 *
 * @param startsOn   the first day of the course; the institution must be designated for the type then
 * @param recordedOn the day the officer records it
 */
public record EnrolInEntrepreneurshipTrainingCommand(@TargetAggregateIdentifier String caseId, String trainingId,
                                                     String institutionId, TrainingType trainingType,
                                                     LocalDate startsOn, LocalDate recordedOn) {
}
