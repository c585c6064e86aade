package cn.pes.casework.events.replay;

import java.util.List;

/**
 * A projection a replay can build.
 *
 * @param name        the live projection's processing group, or the replay-only projection's name
 * @param live        whether the platform keeps this projection live (then a replay is compared with it)
 * @param collections the collections it writes
 */
public record ReplayTarget(String name, boolean live, List<String> collections) {
}
