package cn.pes.casework.events.replay;

/** Stops a queued or running replay; what it wrote so far stays until the replay is deleted. */
public record CancelReplayCommand(String replayId) {
}
