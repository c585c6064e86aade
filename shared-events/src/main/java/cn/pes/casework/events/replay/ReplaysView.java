package cn.pes.casework.events.replay;

import java.util.List;

/**
 * @param replays newest first
 * @param targets what can be replayed into, by name
 */
public record ReplaysView(List<ReplayView> replays, List<ReplayTarget> targets) {
}
