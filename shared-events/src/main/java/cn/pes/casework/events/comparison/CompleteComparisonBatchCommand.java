package cn.pes.casework.events.comparison;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Every staged row of the batch has been matched. */
public record CompleteComparisonBatchCommand(@TargetAggregateIdentifier String batchId, LocalDate completedOn) {
}
