package cn.pes.casework.events.comparison;

import org.axonframework.serialization.Revision;

/**
 * A chunk of the batch's rows was matched.
 *
 * @param throughLine the last line of the chunk
 * @param chunk       how the chunk's rows came out
 * @param total       how all rows matched so far came out
 */
@Revision("1")
public record ComparisonRowsProcessed(String batchId, int throughLine, MatchCounts chunk, MatchCounts total) {
}
