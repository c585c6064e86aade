package cn.pes.casework.query.replay;

import cn.pes.casework.events.replay.ReplayCollection;
import cn.pes.casework.events.replay.ReplayState;
import cn.pes.casework.events.replay.ReplayView;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.mongo.ReadModelStore;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The replays and their progress: one document per replay in the {@value #COLLECTION} collection of
 * the live read-model database (the replays' own documents, not a live view), {@code {_id: replayId,
 * target, live, database, recordedUpTo, startedBy, startedAt, state, eventsRead, eventsApplied,
 * totalEstimate, eventsPerSecond, etaSeconds, finishedAt, failure, cancelRequested, collections: [..]}}.
 * Lists are a scan of this small collection; one replay is an {@code _id} lookup.
 */
public class ReplayRecords {

    public static final String COLLECTION = "replays";

    private final MongoCollection<Document> replays;

    public ReplayRecords(ReadModelStore liveStore) {
        this.replays = liveStore.collection(COLLECTION);
    }

    /** @return false when a replay of that ID exists already */
    public boolean create(String replayId, String target, boolean live, String database, Instant recordedUpTo,
                          String startedBy, Instant startedAt) {
        Document document = new Document("_id", replayId)
                .append("target", target)
                .append("live", live)
                .append("database", database)
                .append("recordedUpTo", Docs.instant(recordedUpTo))
                .append("startedBy", startedBy)
                .append("startedAt", Docs.instant(startedAt))
                .append("state", ReplayState.QUEUED.name())
                .append("eventsRead", 0L)
                .append("eventsApplied", 0L)
                .append("totalEstimate", 0L)
                .append("eventsPerSecond", 0.0)
                .append("cancelRequested", false);
        try {
            replays.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Document find(String replayId) {
        return replays.find(Filters.eq("_id", replayId)).first();
    }

    public List<Document> recent(int limit) {
        List<Document> found = new ArrayList<>();
        replays.find().sort(Sorts.descending("startedAt")).limit(Math.max(1, limit)).into(found);
        return found;
    }

    public void running(String replayId, long totalEstimate) {
        replays.updateOne(Filters.eq("_id", replayId), Updates.combine(
                Updates.set("state", ReplayState.RUNNING.name()), Updates.set("totalEstimate", totalEstimate)));
    }

    public void progress(String replayId, Progress progress) {
        replays.updateOne(Filters.eq("_id", replayId), Updates.combine(progressUpdates(progress)));
    }

    public void finished(String replayId, ReplayState state, Progress progress, Instant finishedAt, String failure,
                         List<ReplayCollection> collections) {
        List<Bson> updates = new ArrayList<>(progressUpdates(progress));
        updates.add(Updates.set("state", state.name()));
        updates.add(Updates.set("finishedAt", Docs.instant(finishedAt)));
        updates.add(Updates.set("etaSeconds", null));
        updates.add(Updates.set("failure", failure));
        if (collections != null) {
            updates.add(Updates.set("collections", collections.stream().map(ReplayRecords::collection).toList()));
        }
        replays.updateOne(Filters.eq("_id", replayId), Updates.combine(updates));
    }

    /** Asks the replay to stop; it notices at its next progress update. */
    public boolean requestCancel(String replayId) {
        return replays.updateOne(Filters.and(Filters.eq("_id", replayId),
                                             Filters.in("state", ReplayState.QUEUED.name(), ReplayState.RUNNING.name())),
                                 Updates.set("cancelRequested", true)).getMatchedCount() > 0;
    }

    public boolean cancelRequested(String replayId) {
        Document document = replays.find(Filters.eq("_id", replayId)).first();
        return document == null || document.getBoolean("cancelRequested", false);
    }

    /**
     * Replays left queued or running by a process that stopped: their thread is gone, so they will not
     * finish. Only one query-side node runs replays ({@code pes.replays.enabled}), which is why this
     * may look at every replay.
     */
    public long interruptLeftovers(Instant now) {
        return replays.updateMany(Filters.in("state", ReplayState.QUEUED.name(), ReplayState.RUNNING.name()),
                                  Updates.combine(Updates.set("state", ReplayState.INTERRUPTED.name()),
                                                  Updates.set("finishedAt", Docs.instant(now)),
                                                  Updates.set("etaSeconds", null)))
                      .getModifiedCount();
    }

    public void delete(String replayId) {
        replays.deleteOne(Filters.eq("_id", replayId));
    }

    private static List<Bson> progressUpdates(Progress progress) {
        return List.of(Updates.set("eventsRead", progress.eventsRead()),
                       Updates.set("eventsApplied", progress.eventsApplied()),
                       Updates.set("totalEstimate", progress.totalEstimate()),
                       Updates.set("eventsPerSecond", progress.eventsPerSecond()),
                       Updates.set("etaSeconds", progress.etaSeconds()));
    }

    private static Document collection(ReplayCollection collection) {
        return new Document("collection", collection.collection())
                .append("documents", collection.documents())
                .append("liveDocuments", collection.liveDocuments())
                .append("equal", collection.equal())
                .append("differing", collection.differing())
                .append("onlyInReplay", collection.onlyInReplay())
                .append("onlyLive", collection.onlyLive())
                .append("sampleIds", collection.sampleIds());
    }

    public static ReplayView view(Document document) {
        List<ReplayCollection> collections = new ArrayList<>();
        for (Document collection : document.getList("collections", Document.class, List.of())) {
            Object live = collection.get("liveDocuments");
            collections.add(new ReplayCollection(collection.getString("collection"),
                                                 Docs.longValue(collection, "documents", 0),
                                                 live == null ? null : ((Number) live).longValue(),
                                                 Docs.longValue(collection, "equal", 0),
                                                 Docs.longValue(collection, "differing", 0),
                                                 Docs.longValue(collection, "onlyInReplay", 0),
                                                 Docs.longValue(collection, "onlyLive", 0),
                                                 collection.getList("sampleIds", String.class, List.of())));
        }
        Object eta = document.get("etaSeconds");
        Object perSecond = document.get("eventsPerSecond");
        return new ReplayView(document.getString("_id"),
                              document.getString("target"),
                              document.getBoolean("live", false),
                              Docs.instant(document, "recordedUpTo"),
                              document.getString("startedBy"),
                              Docs.instant(document, "startedAt"),
                              ReplayState.valueOf(document.getString("state")),
                              Docs.longValue(document, "eventsRead", 0),
                              Docs.longValue(document, "eventsApplied", 0),
                              Docs.longValue(document, "totalEstimate", 0),
                              perSecond == null ? 0.0 : ((Number) perSecond).doubleValue(),
                              eta == null ? null : ((Number) eta).longValue(),
                              Docs.instant(document, "finishedAt"),
                              document.getString("failure"),
                              List.copyOf(collections));
    }

    /** Counters of a running replay. */
    public record Progress(long eventsRead, long eventsApplied, long totalEstimate, double eventsPerSecond,
                           Long etaSeconds) {
    }
}
