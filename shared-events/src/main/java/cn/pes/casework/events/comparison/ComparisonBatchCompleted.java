package cn.pes.casework.events.comparison;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Every valid row of the batch was matched; {@code total} says how they came out. */
@Revision("1")
public record ComparisonBatchCompleted(String batchId, MatchCounts total, LocalDate completedOn) {
}
