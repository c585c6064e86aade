package cn.pes.casework.events.comparison;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that the batch's staged rows up to and including {@code throughLine} have been matched.
 * A chunk already recorded (a resend after a restart) records nothing.
 *
 * @param chunk how the chunk's rows came out
 */
public record RecordComparisonProgressCommand(@TargetAggregateIdentifier String batchId, int throughLine,
                                              MatchCounts chunk) {
}
