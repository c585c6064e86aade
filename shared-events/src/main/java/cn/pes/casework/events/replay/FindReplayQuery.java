package cn.pes.casework.events.replay;

/** One replay with its progress and result. Answers {@link ReplayView}; null when there is none. */
public record FindReplayQuery(String replayId) {
}
