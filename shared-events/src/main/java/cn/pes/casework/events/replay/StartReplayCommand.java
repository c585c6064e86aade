package cn.pes.casework.events.replay;

import java.time.Instant;

/**
 * Starts a replay (重放) of the event history into a fresh copy of a projection, apart from the live
 * views. Handled by the query side; the officer who starts it comes from the command's metadata.
 *
 * @param replayId     chosen by the caller (letters, digits and '-', at most 40); also names the
 *                     replay's own database
 * @param target       a name from {@link ReplaysView#targets()}: a live projection's
 *                     processing group, or a statistics projection that exists only for replays
 * @param recordedUpTo the cut-off: only events recorded at or before it are applied; null for the
 *                     whole history
 */
public record StartReplayCommand(String replayId, String target, Instant recordedUpTo) {
}
