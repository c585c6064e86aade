package cn.pes.casework.query.catchup;

import cn.pes.casework.query.projection.ProjectionStorage;
import cn.pes.casework.query.projection.ProjectionWriter;
import cn.pes.casework.query.replay.ReplayTargets;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.StreamableMessageSource;
import org.bson.Document;
import com.mongodb.client.model.WriteModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Catch-up (追赶) of read models that are far behind the event stream (a first start on a loaded event
 * store, a new read-model layout, a query node that was down for long): one read of the stream feeds
 * every such read model, in large chunks, instead of each processing group reading and handling the
 * whole stream on its own.
 *
 * <p>Why: with 21 read models, a pooled streaming processor per model reads and deserialises every
 * event 21 times, and its coordinator threads spend a fifth of the CPU of a build checking their work
 * packages' queues (a profile of a 90,000-event build: {@code WorkPackage.hasRemainingCapacity} counts
 * a {@code ConcurrentLinkedQueue} for every event). Here each event is read and deserialised once,
 * each read model gets a chunk of a few thousand events in one batch (one bulk write per collection),
 * and the read-model store commits once per chunk for all of them.
 *
 * <p>The same projections (their replay instances, {@link ReplayTargets}) through the same
 * {@link ProjectionWriter}, so a read model built here equals one built by its processor. The
 * processors are kept off by the token store's own lock: the catch-up claims every segment of the
 * groups it builds under an owner of its own ({@link #claim}), stores their tokens after each chunk,
 * and releases the claims at the end, when the processors claim them and go on from there. A group
 * is caught up here only if all its segments stand at one position (as a new or reset group's do; for a
 * reset group, the position its replay is at) at least {@code minEvents} behind the head, and no one
 * else holds a claim on it; any other group is left to its processor.
 */
public final class ReadModelCatchUp {

    private static final Logger log = LoggerFactory.getLogger(ReadModelCatchUp.class);
    /** How long the stream may stay empty before the catch-up counts as arrived. */
    private static final long IDLE_MILLIS = 200;
    private static final long REPORT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(30);

    /**
     * @param minEvents how far behind the head a group must be to be caught up here
     * @param chunkSize events per chunk: per batch of each read model and per commit
     * @param threads   read models handled in parallel within a chunk (their store round trips overlap)
     */
    public record Settings(long minEvents, int chunkSize, int threads) {
        public Settings {
            if (minEvents < 1 || chunkSize < 1 || threads < 1) {
                throw new IllegalArgumentException("catch-up settings must be positive");
            }
        }
    }

    /**
     * A group this catch-up holds: the token of each of its segments, and the position they all stand
     * at (a reset group's segments keep, each, the token it had at the reset, for as long as its replay
     * has not passed it).
     */
    public record ClaimedGroup(String name, Map<Integer, TrackingToken> segments, TrackingToken position) {
    }

    /** What a run did. */
    public record Outcome(List<String> caughtUp, List<String> failed, long events, double seconds, boolean completed) {
    }

    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final TokenStore tokens;
    private final ProjectionStorage storage;
    private final Runnable commit;
    private final ReplayTargets targets;
    private final Settings settings;
    private final Set<String> released = ConcurrentHashMap.newKeySet();

    /**
     * @param tokens  the processors' token store under an owner name of its own, so that its claims
     *                keep this node's processors off the groups too
     * @param storage the read-model store; its per-batch commits are replaced by {@code commit}, run
     *                once per chunk
     */
    public ReadModelCatchUp(StreamableMessageSource<TrackedEventMessage<?>> events, TokenStore tokens,
                            ProjectionStorage storage, Runnable commit, ReplayTargets targets, Settings settings) {
        this.events = events;
        this.tokens = tokens;
        this.storage = storage;
        this.commit = commit;
        this.targets = targets;
        this.settings = settings;
    }

    /**
     * Claims every segment of each group that qualifies (see the class comment), creating the segments
     * of a group that has none. Call before the processors start, so that a qualifying group is not
     * half claimed by its processor.
     */
    public List<ClaimedGroup> claim(List<String> groups, int initialSegments) {
        TrackingToken head = events.createHeadToken();
        long headPosition = position(head);
        List<ClaimedGroup> claimed = new ArrayList<>();
        for (String group : groups) {
            if (targets.find(group).isEmpty()) {
                continue;
            }
            claimGroup(group, initialSegments, headPosition).ifPresent(claimed::add);
        }
        return claimed;
    }

    private Optional<ClaimedGroup> claimGroup(String group, int initialSegments, long headPosition) {
        int[] segments = tokens.fetchSegments(group);
        if (segments.length == 0) {
            try {
                tokens.initializeTokenSegments(group, initialSegments);
            } catch (RuntimeException e) {
                // Another node created them a moment ago: its processors will build the group.
                return Optional.empty();
            }
            segments = tokens.fetchSegments(group);
        }
        Map<Integer, TrackingToken> held = new LinkedHashMap<>();
        TrackingToken common = null;
        boolean qualifies = segments.length > 0;
        try {
            for (int segment : segments) {
                TrackingToken token = tokens.fetchToken(group, segment);
                if (!held.isEmpty() && !Objects.equals(current(token), common)) {
                    qualifies = false;
                }
                held.put(segment, token);
                common = current(token);
            }
        } catch (UnableToClaimTokenException e) {
            log.debug("Read-model catch-up leaves {} to its processor: a segment is claimed elsewhere", group);
            qualifies = false;
        }
        if (qualifies && headPosition - position(common) >= settings.minEvents()) {
            return Optional.of(new ClaimedGroup(group, held, common));
        }
        held.keySet().forEach(segment -> tokens.releaseClaim(group, segment));
        return Optional.empty();
    }

    /** Keeps the claims alive while a chunk takes its time; call every few seconds from another thread. */
    public void extendClaims(List<ClaimedGroup> groups) {
        for (ClaimedGroup group : groups) {
            if (released.contains(group.name())) {
                continue;
            }
            for (int segment : group.segments().keySet()) {
                try {
                    tokens.extendClaim(group.name(), segment);
                } catch (RuntimeException e) {
                    log.warn("Read-model catch-up could not extend its claim on {} segment {}: {}", group.name(),
                             segment, e.getClass().getSimpleName());
                }
            }
        }
    }

    /** Lets the processors have the groups again (those not released yet). */
    public void release(List<ClaimedGroup> groups) {
        for (ClaimedGroup group : groups) {
            if (!released.add(group.name())) {
                continue;
            }
            for (int segment : group.segments().keySet()) {
                try {
                    tokens.releaseClaim(group.name(), segment);
                } catch (RuntimeException e) {
                    log.warn("Read-model catch-up could not release {} segment {}: {}", group.name(), segment,
                             e.getClass().getSimpleName());
                }
            }
        }
    }

    /**
     * Feeds the claimed groups from their common lowest token until the stream has nothing more, storing
     * every group's token after each chunk. Does not release the claims.
     *
     * @param keepGoing asked between chunks; false stops after the chunk in hand is stored
     * @param workers   runs the groups of a chunk in parallel
     */
    public Outcome run(List<ClaimedGroup> claimed, ExecutorService workers, BooleanSupplier keepGoing)
            throws InterruptedException {
        long started = System.nanoTime();
        Map<String, Runner> runners = new LinkedHashMap<>();
        TrackingToken from = null;
        boolean first = true;
        for (ClaimedGroup group : claimed) {
            runners.put(group.name(), new Runner(group));
            TrackingToken token = group.position();
            from = first ? token : (from == null || token == null ? null : from.lowerBound(token));
            first = false;
        }
        List<String> failed = new ArrayList<>();
        long read = 0;
        boolean completed = false;
        if (runners.isEmpty()) {
            return new Outcome(List.of(), List.of(), 0, 0, true);
        }
        long headAtStart = position(events.createHeadToken());
        log.info("Read-model catch-up: {} read models from position {} to at least {}, with one read of the stream",
                 runners.size(), position(from), headAtStart);
        long lastReport = started;
        long readAtReport = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(from)) {
            List<TrackedEventMessage<?>> chunk = nextChunk(stream);
            while (!chunk.isEmpty() && !runners.isEmpty()) {
                List<TrackedEventMessage<?>> current = chunk;
                Map<String, Future<?>> running = new LinkedHashMap<>();
                runners.forEach((name, runner) -> running.put(name, workers.submit(() -> runner.deliver(current))));
                read += current.size();
                boolean more = keepGoing.getAsBoolean();
                // Read and deserialise the next chunk while the read models handle this one.
                chunk = more ? nextChunk(stream) : List.of();
                for (Map.Entry<String, Future<?>> entry : running.entrySet()) {
                    try {
                        entry.getValue().get();
                    } catch (ExecutionException e) {
                        Throwable cause = e.getCause() == null ? e : e.getCause();
                        log.error("Read-model catch-up: {} failed at position {}; its processor takes over from its"
                                          + " last stored token", entry.getKey(), position(current.get(0).trackingToken()),
                                  cause);
                        failed.add(entry.getKey());
                        release(List.of(runners.remove(entry.getKey()).group));
                    }
                }
                commit.run();
                TrackingToken last = current.get(current.size() - 1).trackingToken();
                for (Runner runner : runners.values()) {
                    runner.advanceTo(last);
                }
                long now = System.nanoTime();
                if (now - lastReport >= REPORT_EVERY_NANOS) {
                    log.info("Read-model catch-up: at position {}, {} events read ({} events/s over the last {} s)",
                             position(last), read, Math.round((read - readAtReport) / ((now - lastReport) / 1e9)),
                             Math.round((now - lastReport) / 1e9));
                    lastReport = now;
                    readAtReport = read;
                }
                if (!more) {
                    break;
                }
            }
            completed = chunk.isEmpty() && keepGoing.getAsBoolean();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<String> done = new ArrayList<>(runners.keySet());
        log.info("Read-model catch-up {}: {} read models, {} events in {} s ({} events/s){}",
                 completed ? "done" : "stopped", done.size(), read, Math.round(seconds),
                 Math.round(read / Math.max(seconds, 1e-3)), failed.isEmpty() ? "" : "; failed: " + failed);
        return new Outcome(done, failed, read, seconds, completed);
    }

    /** Up to a chunk of events; fewer once the stream has stayed empty a moment (the head reached). */
    private List<TrackedEventMessage<?>> nextChunk(BlockingStream<TrackedEventMessage<?>> stream)
            throws InterruptedException {
        List<TrackedEventMessage<?>> chunk = new ArrayList<>(settings.chunkSize());
        while (chunk.size() < settings.chunkSize() && stream.hasNextAvailable((int) IDLE_MILLIS, TimeUnit.MILLISECONDS)) {
            TrackedEventMessage<?> event = stream.nextAvailable();
            // Deserialised here, once, on the reading thread: every read model's handlers share the message.
            event.getPayload();
            event.getMetaData();
            chunk.add(event);
        }
        return chunk;
    }

    /** One group's projection, its writer and the token its segments stand at. */
    private final class Runner {
        final ClaimedGroup group;
        final ProjectionWriter writer;
        final AnnotationEventHandlerAdapter adapter;
        final Map<Integer, TrackingToken> segments;
        TrackingToken position;

        Runner(ClaimedGroup group) {
            this.group = group;
            this.writer = new ProjectionWriter(new DeferredCommit(storage));
            this.adapter = new AnnotationEventHandlerAdapter(
                    targets.find(group.name()).orElseThrow().factory().apply(writer));
            this.segments = new LinkedHashMap<>(group.segments());
            this.position = group.position();
        }

        void deliver(List<TrackedEventMessage<?>> chunk) {
            List<EventMessage<?>> unseen = new ArrayList<>(chunk.size());
            for (TrackedEventMessage<?> event : chunk) {
                if (position == null || !position.covers(event.trackingToken())) {
                    unseen.add(event);
                }
            }
            writer.deliverBatch(adapter, unseen);
        }

        void advanceTo(TrackingToken last) {
            for (Map.Entry<Integer, TrackingToken> segment : segments.entrySet()) {
                TrackingToken token = segment.getValue();
                TrackingToken next;
                if (token instanceof ReplayToken replay) {
                    // Still a replay until it passes where this segment stood at the reset.
                    next = replay.advancedTo(last);
                } else {
                    next = token == null ? last : last.upperBound(token);
                }
                tokens.storeToken(next, group.name(), segment.getKey());
                segment.setValue(next);
            }
            position = position == null ? last : last.upperBound(position);
        }
    }

    /** The store with its per-batch commit left out: the catch-up commits once per chunk. */
    private record DeferredCommit(ProjectionStorage store) implements ProjectionStorage {
        @Override
        public void find(String collection, List<String> ids, Consumer<Document> found) {
            store.find(collection, ids, found);
        }

        @Override
        public void write(String collection, List<WriteModel<Document>> writes) {
            store.write(collection, writes);
        }

        @Override
        public boolean serverSideGuards() {
            return store.serverSideGuards();
        }

        @Override
        public void commit() {
        }

        @Override
        public void drop(String collection) {
            store.drop(collection);
        }
    }

    /** Where a reset group's replay stands, or the token itself. */
    private static TrackingToken current(TrackingToken token) {
        return token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
