package cn.pes.casework.events.replay;

/** Drops a finished (not running) replay's database and forgets the replay. */
public record DeleteReplayCommand(String replayId) {
}
