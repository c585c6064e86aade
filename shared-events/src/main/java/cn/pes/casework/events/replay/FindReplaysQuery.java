package cn.pes.casework.events.replay;

/** The most recent replays, newest first. Answers {@link ReplaysView}. */
public record FindReplaysQuery(int limit) {
}
