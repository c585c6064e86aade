package cn.pes.casework.events.replay;

import java.time.Instant;
import java.util.List;

/**
 * A replay's progress and, once done, its result.
 *
 * @param eventsRead       events read from the history so far (also those after the cut-off, skipped)
 * @param eventsApplied    events recorded up to the cut-off and handed to the projection
 * @param totalEstimate    events in the history up to the head captured at the start (the store's
 *                         positions may have gaps, so exact only once done)
 * @param eventsPerSecond  events read per second since the start
 * @param etaSeconds       estimated seconds left, null when unknown or finished
 * @param failure          what went wrong, for a failed replay (an exception type, never data)
 * @param collections      per collection: documents built and, for a live target, the comparison with the live view
 */
public record ReplayView(String replayId, String target, boolean liveTarget, Instant recordedUpTo,
                         String startedBy, Instant startedAt, ReplayState state, long eventsRead,
                         long eventsApplied, long totalEstimate, double eventsPerSecond, Long etaSeconds,
                         Instant finishedAt, String failure, List<ReplayCollection> collections) {

    /** Whether every collection of a live target equals its live view (false before the comparison). */
    public boolean isEqualToLive() {
        return liveTarget && state == ReplayState.DONE && collections != null && !collections.isEmpty()
                && collections.stream().allMatch(ReplayCollection::isEqualToLive);
    }

    /** Share of the estimated total read so far, 0..1. */
    public double getProgress() {
        if (state == ReplayState.DONE) {
            return 1.0;
        }
        return totalEstimate <= 0 ? 0.0 : Math.min(1.0, (double) eventsRead / totalEstimate);
    }
}
