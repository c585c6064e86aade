package cn.pes.casework.events.entrepreneurship;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Record that the person left the course before its end (退训), with the reason given. */
public record RecordTrainingDropOutCommand(@TargetAggregateIdentifier String caseId, String trainingId,
                                           LocalDate droppedOutOn, String reason) {
}
