package cn.pes.casework.events.replay;

import java.util.List;

/**
 * One collection a replay built, and how it compares with the live collection of the same name (for
 * live targets; the live view keeps moving while and after the replay runs, so differences can also
 * be events recorded since the replay's head).
 *
 * @param documents       documents the replay built
 * @param liveDocuments   documents in the live collection, null when the target is not live
 * @param equal           documents present on both sides and equal
 * @param differing       documents present on both sides and different
 * @param onlyInReplay    documents the live collection lacks
 * @param onlyLive        documents the replay lacks
 * @param sampleIds       a few document IDs of the differences, to look at
 */
public record ReplayCollection(String collection, long documents, Long liveDocuments, long equal, long differing,
                               long onlyInReplay, long onlyLive, List<String> sampleIds) {

    public boolean isEqualToLive() {
        return liveDocuments != null && differing == 0 && onlyInReplay == 0 && onlyLive == 0;
    }
}
