package cn.pes.casework.events.entrepreneurship;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Record that the person finished the course with its certificate (创业培训合格证书). */
public record CompleteEntrepreneurshipTrainingCommand(@TargetAggregateIdentifier String caseId, String trainingId,
                                                      LocalDate completedOn, String certificateNumber) {
}
