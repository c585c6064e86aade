package cn.pes.casework.query.catchup;

import cn.pes.casework.query.projection.ProjectionStorage;
import cn.pes.casework.query.projection.ProjectionWriter;
import cn.pes.casework.query.replay.ReplayTargets;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import com.mongodb.client.model.WriteModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Catch-up (追赶) of read models that are behind the event stream (a first start on a loaded event
 * store, a new read-model layout, a query node that was down for long), and, when asked to
 * {@link #follow}, the live feed of those read models once they have arrived at the head: one read of
 * the stream feeds every such read model, instead of each processing group reading and handling the
 * stream on its own.
 *
 * <p>Why: with 21 read models, a pooled streaming processor per model reads and deserialises every
 * event 21 times, and its coordinator threads spend a fifth of the CPU of a build checking their work
 * packages' queues (a profile of a 90,000-event build: {@code WorkPackage.hasRemainingCapacity} counts
 * a {@code ConcurrentLinkedQueue} for every event). Here each event is read and deserialised once,
 * each read model gets a chunk of events in one batch (one bulk write per collection), and the
 * read-model store commits once per chunk for all of them. Live, the same holds for the few events
 * that arrive while a chunk is handled: where the processors' 84 work packages each waited for a
 * commit of their own (issue 10's profile: most of their time, at 200 contacts a second), there is
 * one commit per chunk.
 *
 * <p>The same projections (their replay instances, {@link ReplayTargets}) through the same
 * {@link ProjectionWriter}, so a read model built here equals one built by its processor. The
 * processors are kept off by the token store's own lock: the catch-up claims every segment of the
 * groups it feeds under an owner of its own ({@link #claim}), stores their tokens after chunks, and
 * releases the claims at the end, when the processors claim them and go on from there. Each segment
 * is fed from where its own token stands: an event goes to a read model unless the token of the
 * segment it belongs to (by case, as the processors divide them) already covers it. A group is taken
 * only if at least {@code minEvents} of the stream lie ahead of its lowest segment and no one else
 * holds a claim on it; any other group is left to its processor.
 */
public final class ReadModelCatchUp {

    private static final Logger log = LoggerFactory.getLogger(ReadModelCatchUp.class);
    /** How long the stream may stay empty before the catch-up counts as arrived. */
    private static final long IDLE_MILLIS = 200;
    /** How long a live feed waits for an event before it asks again whether to go on. */
    private static final long FOLLOW_WAIT_MILLIS = 100;
    private static final long REPORT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(30);

    /**
     * @param minEvents           how far behind the head a group must be to be caught up here, unless it
     *                            is followed
     * @param chunkSize           events per chunk: per batch of each read model and per commit
     * @param threads             read models handled in parallel within a chunk (their store round trips
     *                            overlap)
     * @param tokenIntervalMillis how often a live feed stores its tokens (busy or idle, and at its end); a
     *                            crash replays what came after, which the sequence guards make no-ops
     */
    public record Settings(long minEvents, int chunkSize, int threads, long tokenIntervalMillis) {
        public Settings {
            if (minEvents < 1 || chunkSize < 1 || threads < 1 || tokenIntervalMillis < 0) {
                throw new IllegalArgumentException("catch-up settings must be positive");
            }
        }

        public Settings(long minEvents, int chunkSize, int threads) {
            this(minEvents, chunkSize, threads, 1000);
        }
    }

    /**
     * A group this catch-up holds: the token of each of its segments, and the lowest position among them
     * (for a reset group's segments, where its replay is at), from which the stream is read for it.
     */
    public record ClaimedGroup(String name, Map<Integer, TrackingToken> segments, TrackingToken position) {
    }

    /** What a run did; {@code completed}: it reached the head. */
    public record Outcome(List<String> caughtUp, List<String> failed, long events, double seconds, boolean completed) {
    }

    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final TokenStore tokens;
    private final ProjectionStorage storage;
    private final Runnable commit;
    private final ReplayTargets targets;
    private final QueryUpdateEmitter announcer;
    private final Settings settings;
    private final Set<String> released = ConcurrentHashMap.newKeySet();
    /**
     * Groups whose claim another owner took: one went unextended past the token store's claim timeout (the
     * store stalled under load), and a processor counted it abandoned. The feed drops such a group and goes on
     * with the others; the processor carries it on from its last stored token.
     */
    private final Set<String> lost = ConcurrentHashMap.newKeySet();
    /** The groups being fed, and the lowest position of their segments that their read models show. */
    private final Map<String, Long> positions = new ConcurrentHashMap<>();

    /**
     * @param tokens  the processors' token store under an owner name of its own, so that its claims
     *                keep this node's processors off the groups too
     * @param storage the read-model store; its per-batch commits are replaced by {@code commit}, run
     *                once per chunk
     */
    public ReadModelCatchUp(StreamableMessageSource<TrackedEventMessage<?>> events, TokenStore tokens,
                            ProjectionStorage storage, Runnable commit, ReplayTargets targets, Settings settings) {
        this(events, tokens, storage, commit, targets, null, settings);
    }

    /**
     * @param announcer where the read models that announce their changes to live subscribers (the
     *                  statistics dashboards) announce them, as under their processors; null: nowhere
     */
    public ReadModelCatchUp(StreamableMessageSource<TrackedEventMessage<?>> events, TokenStore tokens,
                            ProjectionStorage storage, Runnable commit, ReplayTargets targets,
                            QueryUpdateEmitter announcer, Settings settings) {
        this.events = events;
        this.tokens = tokens;
        this.storage = storage;
        this.commit = commit;
        this.targets = targets;
        this.announcer = announcer;
        this.settings = settings;
    }

    /**
     * Claims every segment of each group at least {@code minEvents} behind (see the class comment),
     * creating the segments of a group that has none. Call before the processors start, so that a
     * qualifying group is not half claimed by its processor.
     */
    public List<ClaimedGroup> claim(List<String> groups, int initialSegments) {
        return claim(groups, initialSegments, settings.minEvents());
    }

    /** As {@link #claim(List, int)}, with a threshold of its own: 0 takes every group no one else holds. */
    public List<ClaimedGroup> claim(List<String> groups, int initialSegments, long minEvents) {
        TrackingToken head = events.createHeadToken();
        long headPosition = position(head);
        List<ClaimedGroup> claimed = new ArrayList<>();
        for (String group : groups) {
            if (targets.find(group).isEmpty()) {
                continue;
            }
            claimGroup(group, initialSegments, headPosition, minEvents).ifPresent(claimed::add);
        }
        return claimed;
    }

    private Optional<ClaimedGroup> claimGroup(String group, int initialSegments, long headPosition, long minEvents) {
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
        TrackingToken lowest = null;
        boolean qualifies = segments.length > 0;
        try {
            for (int segment : segments) {
                TrackingToken token = tokens.fetchToken(group, segment);
                TrackingToken current = current(token);
                lowest = held.isEmpty() ? current : lowerBound(lowest, current);
                held.put(segment, token);
            }
        } catch (UnableToClaimTokenException e) {
            log.debug("Read-model catch-up leaves {} to its processor: a segment is claimed elsewhere", group);
            qualifies = false;
        }
        if (qualifies && headPosition - position(lowest) >= minEvents) {
            return Optional.of(new ClaimedGroup(group, held, lowest));
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
                } catch (UnableToClaimTokenException e) {
                    lost.add(group.name());
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
            positions.remove(group.name());
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
     * The groups this catch-up feeds and the position each stands at (the lowest of its segments; -1
     * before the first event): its read model shows every event up to it, durably a commit later.
     */
    public Map<String, Long> positions() {
        return Collections.unmodifiableMap(positions);
    }

    /**
     * Feeds the claimed groups from their lowest token until the stream has nothing more, storing every
     * group's tokens after each chunk. Does not release the claims.
     *
     * @param keepGoing asked between chunks; false stops after the chunk in hand is stored
     * @param workers   runs the groups of a chunk in parallel
     */
    public Outcome run(List<ClaimedGroup> claimed, ExecutorService workers, BooleanSupplier keepGoing)
            throws InterruptedException {
        return feed(claimed, workers, keepGoing, false, outcome -> {
        });
    }

    /**
     * As {@link #run}, but at the head it goes on: each chunk is what arrived while the last one was
     * handled, and tokens are stored every {@code tokenIntervalMillis} and at the end. Returns once
     * {@code keepGoing} says stop, or every group failed.
     *
     * @param arrived told once, the first time the stream stays empty (what a {@link #run} returns there)
     */
    public Outcome follow(List<ClaimedGroup> claimed, ExecutorService workers, BooleanSupplier keepGoing,
                          Consumer<Outcome> arrived) throws InterruptedException {
        return feed(claimed, workers, keepGoing, true, arrived);
    }

    private Outcome feed(List<ClaimedGroup> claimed, ExecutorService workers, BooleanSupplier keepGoing,
                         boolean follow, Consumer<Outcome> arrival) throws InterruptedException {
        long started = System.nanoTime();
        Map<String, Runner> runners = new LinkedHashMap<>();
        TrackingToken from = null;
        boolean first = true;
        for (ClaimedGroup group : claimed) {
            runners.put(group.name(), new Runner(group));
            positions.put(group.name(), position(group.position()));
            from = first ? group.position() : lowerBound(from, group.position());
            first = false;
        }
        List<String> failed = new ArrayList<>();
        long read = 0;
        boolean arrived = false;
        if (runners.isEmpty()) {
            return new Outcome(List.of(), List.of(), 0, 0, true);
        }
        long headAtStart = position(events.createHeadToken());
        log.info("Read-model catch-up: {} read models from position {} to at least {}, with one read of the stream{}",
                 runners.size(), position(from), headAtStart, follow ? ", following it from there" : "");
        long lastReport = started;
        long readAtReport = 0;
        long tokensStoredAt = System.nanoTime();
        Durability durability = new Durability();
        boolean tokensBehind = false;
        long tokenIntervalNanos = TimeUnit.MILLISECONDS.toNanos(settings.tokenIntervalMillis());
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(from)) {
            List<TrackedEventMessage<?>> chunk = nextChunk(stream);
            while (!runners.isEmpty()) {
                if (chunk.isEmpty()) {
                    if (!arrived) {
                        arrived = true;
                        arrival.accept(outcome(runners, failed, read, started, true));
                    }
                    while (follow && chunk.isEmpty() && keepGoing.getAsBoolean()) {
                        dropLost(runners, failed);
                        if (runners.isEmpty()) {
                            break;
                        }
                        chunk = awaitEvents(stream);
                        if (chunk.isEmpty() && tokensBehind && System.nanoTime() - tokensStoredAt >= tokenIntervalNanos) {
                            // Idle at the head: the tokens of the last chunks go to the store all the same.
                            durability.afterChunk(runners.values(), true);
                            tokensStoredAt = System.nanoTime();
                            tokensBehind = false;
                        }
                    }
                    if (chunk.isEmpty()) {
                        break;
                    }
                }
                durability.check();
                dropLost(runners, failed);
                if (runners.isEmpty()) {
                    break;
                }
                List<TrackedEventMessage<?>> current = chunk;
                Map<String, Future<?>> running = new LinkedHashMap<>();
                // The slowest read models first: the chunk takes as long as the last one to finish, and one of
                // them (the officers' actions, three parts an event) takes longer than the rest.
                List<Runner> slowestFirst = new ArrayList<>(runners.values());
                slowestFirst.sort(Comparator.comparingLong((Runner runner) -> runner.lastNanos).reversed());
                for (Runner runner : slowestFirst) {
                    running.put(runner.group.name(), workers.submit(() -> runner.deliver(current)));
                }
                read += current.size();
                boolean more = keepGoing.getAsBoolean();
                // Read the next chunk while the read models handle this one: before arriving, a whole chunk
                // (deserialised here, once); after, whatever came meanwhile, so as not to hold this one back.
                chunk = !more ? List.of() : arrived ? availableEvents(stream) : nextChunk(stream);
                for (Map.Entry<String, Future<?>> entry : running.entrySet()) {
                    try {
                        entry.getValue().get();
                    } catch (ExecutionException e) {
                        Throwable cause = e.getCause() == null ? e : e.getCause();
                        log.error("Read-model catch-up: {} failed at position {}; its processor takes over from its"
                                          + " last stored token", entry.getKey(), position(current.get(0).trackingToken()),
                                  cause);
                        failed.add(entry.getKey());
                        Runner runner = runners.remove(entry.getKey());
                        // Its tokens stand at the last chunk it finished: stored once that chunk is durable.
                        durability.awaitIdle();
                        storeTokensUnlessLost(runner, runner.tokens.clone());
                        release(List.of(runner.group));
                    }
                }
                TrackingToken last = current.get(current.size() - 1).trackingToken();
                for (Runner runner : runners.values()) {
                    runner.advanceTo(last);
                    positions.put(runner.group.name(), runner.position());
                }
                long now = System.nanoTime();
                boolean storeTokens = !arrived || now - tokensStoredAt >= tokenIntervalNanos;
                if (storeTokens) {
                    tokensStoredAt = now;
                }
                durability.afterChunk(runners.values(), storeTokens);
                tokensBehind = !storeTokens;
                if (!arrived && now - lastReport >= REPORT_EVERY_NANOS) {
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
        } finally {
            // Tokens are stored now and then; whatever it stops for, they go as far as is durable.
            try {
                durability.awaitIdle();
                dropLost(runners, failed);
                for (Runner runner : runners.values()) {
                    storeTokensUnlessLost(runner, runner.tokens.clone());
                }
            } catch (RuntimeException e) {
                log.warn("Read-model catch-up could not make its last chunks durable or store their tokens: {}; the"
                                 + " processors repeat what came after the last stored ones", e.getClass().getSimpleName());
            } finally {
                durability.close();
            }
        }
        Outcome outcome = outcome(runners, failed, read, started, arrived);
        log.info("Read-model catch-up {}: {} read models, {} events in {} s ({} events/s){}",
                 follow ? "stopped following" : arrived ? "done" : "stopped", outcome.caughtUp().size(), read,
                 Math.round(outcome.seconds()), Math.round(read / Math.max(outcome.seconds(), 1e-3)),
                 failed.isEmpty() ? "" : "; failed: " + failed);
        return outcome;
    }

    /** Stops feeding the groups whose claim another owner took. */
    private void dropLost(Map<String, Runner> runners, List<String> failed) {
        for (String group : lost) {
            Runner runner = runners.remove(group);
            if (runner != null) {
                log.warn("Read-model catch-up lost its claim on {}: it went unextended past the claim timeout and a"
                                 + " processor took it, which carries it on from its last stored token", group);
                failed.add(group);
                // The segments still held go too (releasing one another owner holds changes nothing).
                release(List.of(runner.group));
            }
        }
    }

    /** Stores the tokens, or marks the group lost if another owner holds its claim now. */
    private void storeTokensUnlessLost(Runner runner, TrackingToken[] snapshot) {
        try {
            runner.storeTokens(snapshot);
        } catch (UnableToClaimTokenException e) {
            lost.add(runner.group.name());
        }
    }

    private static Outcome outcome(Map<String, Runner> runners, List<String> failed, long read, long started,
                                   boolean completed) {
        return new Outcome(List.copyOf(runners.keySet()), List.copyOf(failed), read,
                           (System.nanoTime() - started) / 1e9, completed);
    }

    /** Up to a chunk of events; fewer once the stream has stayed empty a moment (the head reached). */
    private List<TrackedEventMessage<?>> nextChunk(BlockingStream<TrackedEventMessage<?>> stream)
            throws InterruptedException {
        List<TrackedEventMessage<?>> chunk = new ArrayList<>(settings.chunkSize());
        while (chunk.size() < settings.chunkSize() && stream.hasNextAvailable((int) IDLE_MILLIS, TimeUnit.MILLISECONDS)) {
            chunk.add(deserialised(stream.nextAvailable()));
        }
        return chunk;
    }

    /** Up to a chunk of the events already there, without waiting. */
    private List<TrackedEventMessage<?>> availableEvents(BlockingStream<TrackedEventMessage<?>> stream)
            throws InterruptedException {
        List<TrackedEventMessage<?>> chunk = new ArrayList<>();
        while (chunk.size() < settings.chunkSize() && stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)) {
            chunk.add(deserialised(stream.nextAvailable()));
        }
        return chunk;
    }

    /** The events there are after a short wait for the first; empty if none came. */
    private List<TrackedEventMessage<?>> awaitEvents(BlockingStream<TrackedEventMessage<?>> stream)
            throws InterruptedException {
        return stream.hasNextAvailable((int) FOLLOW_WAIT_MILLIS, TimeUnit.MILLISECONDS) ? availableEvents(stream)
                : List.of();
    }

    /** Deserialised here, once, on the reading thread: every read model's handlers share the message. */
    private static TrackedEventMessage<?> deserialised(TrackedEventMessage<?> event) {
        event.getPayload();
        event.getMetaData();
        return event;
    }

    /**
     * One group's projection, its writer and where each of its segments stands. The segments divide
     * the events as the group's pooled streaming processor does: by the hash of the case (the aggregate)
     * or, for an event of no case, of the event's identifier.
     */
    private final class Runner {
        final ClaimedGroup group;
        final ProjectionWriter writer;
        final AnnotationEventHandlerAdapter adapter;
        final int[] segmentIds;
        final Segment[] shapes;
        final TrackingToken[] tokens;
        final TrackingToken[] stored;
        /** How long its last chunk took; read after the chunk's future completes. */
        long lastNanos;

        Runner(ClaimedGroup group) {
            this.group = group;
            this.writer = new ProjectionWriter(new DeferredCommit(storage));
            this.adapter = new AnnotationEventHandlerAdapter(
                    targets.find(group.name()).orElseThrow().forLiveReadModel(writer, announcer));
            int count = group.segments().size();
            segmentIds = group.segments().keySet().stream().mapToInt(Integer::intValue).toArray();
            shapes = new Segment[count];
            tokens = new TrackingToken[count];
            stored = new TrackingToken[count];
            for (int i = 0; i < count; i++) {
                shapes[i] = Segment.computeSegment(segmentIds[i], segmentIds);
                tokens[i] = group.segments().get(segmentIds[i]);
                stored[i] = tokens[i];
            }
        }

        void deliver(List<TrackedEventMessage<?>> chunk) {
            long started = System.nanoTime();
            try {
                deliverUnseen(chunk);
            } finally {
                lastNanos = System.nanoTime() - started;
            }
        }

        private void deliverUnseen(List<TrackedEventMessage<?>> chunk) {
            List<EventMessage<?>> unseen = new ArrayList<>(chunk.size());
            for (TrackedEventMessage<?> event : chunk) {
                if (!seen(event)) {
                    unseen.add(event);
                }
            }
            writer.deliverBatch(adapter, unseen);
        }

        /** Whether the segment the event belongs to has handled it already. */
        private boolean seen(TrackedEventMessage<?> event) {
            boolean anyCovers = false;
            for (TrackingToken token : tokens) {
                TrackingToken current = current(token);
                if (current != null && current.covers(event.trackingToken())) {
                    anyCovers = true;
                    break;
                }
            }
            if (!anyCovers) {
                // The usual case, and the only one when all segments stand together: no hash needed.
                return false;
            }
            Object sequence = SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
            int hash = Objects.hashCode(sequence != null ? sequence : event.getIdentifier());
            for (int i = 0; i < shapes.length; i++) {
                if (shapes[i].matches(hash)) {
                    TrackingToken current = current(tokens[i]);
                    return current != null && current.covers(event.trackingToken());
                }
            }
            return false;
        }

        void advanceTo(TrackingToken last) {
            for (int i = 0; i < tokens.length; i++) {
                TrackingToken token = tokens[i];
                if (token instanceof ReplayToken replay) {
                    // Still a replay until it passes where this segment stood at the reset.
                    tokens[i] = replay.advancedTo(last);
                } else {
                    tokens[i] = token == null ? last : last.upperBound(token);
                }
            }
        }

        /** The lowest position among the segments. */
        long position() {
            long lowest = Long.MAX_VALUE;
            for (TrackingToken token : tokens) {
                lowest = Math.min(lowest, ReadModelCatchUp.position(current(token)));
            }
            return lowest;
        }

        /** Stores those of the given tokens (a copy of {@link #tokens}) that moved since they were last stored. */
        void storeTokens(TrackingToken[] snapshot) {
            for (int i = 0; i < snapshot.length; i++) {
                if (!Objects.equals(snapshot[i], stored[i])) {
                    ReadModelCatchUp.this.tokens.storeToken(snapshot[i], group.name(), segmentIds[i]);
                    stored[i] = snapshot[i];
                }
            }
        }
    }

    /**
     * The commits and token stores of a run, on a thread of their own. A chunk's read models are visible
     * once its writes are acknowledged; the commit makes them durable, and only after it are tokens up to
     * the chunk stored. Off the feed's path, neither holds back the next chunk (issue 10: a commit waits up
     * to a second for the store's housekeeping, and 84 token stores take a few hundred milliseconds). A
     * commit covers every write acknowledged before it, so while one runs, the chunks after it wait for
     * the next one together, and the tokens stored are those of the last of them.
     */
    private final class Durability implements AutoCloseable {

        private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread durability = new Thread(runnable, "read-model-feed-commits");
            durability.setDaemon(true);
            return durability;
        });
        /** Guarded by this: the tokens to store after the next commit (null: none asked), and whether one is due. */
        private Map<Runner, TrackingToken[]> pendingTokens;
        private boolean pending;
        private boolean draining;
        private RuntimeException failure;

        /** Commit the chunk just written, and then store the tokens the runners now stand at if asked. */
        synchronized void afterChunk(Iterable<Runner> runners, boolean storeTokens) {
            if (storeTokens) {
                Map<Runner, TrackingToken[]> snapshot = new LinkedHashMap<>();
                runners.forEach(runner -> snapshot.put(runner, runner.tokens.clone()));
                pendingTokens = snapshot;
            }
            pending = true;
            if (!draining) {
                draining = true;
                thread.execute(this::drain);
            }
        }

        private void drain() {
            while (true) {
                Map<Runner, TrackingToken[]> toStore;
                synchronized (this) {
                    if (!pending || failure != null) {
                        draining = false;
                        notifyAll();
                        return;
                    }
                    pending = false;
                    toStore = pendingTokens;
                    pendingTokens = null;
                }
                try {
                    commit.run();
                    if (toStore != null) {
                        toStore.forEach(ReadModelCatchUp.this::storeTokensUnlessLost);
                    }
                } catch (RuntimeException e) {
                    synchronized (this) {
                        failure = e;
                    }
                }
            }
        }

        /** Throws what a commit or token store failed with, if one did. */
        synchronized void check() {
            if (failure != null) {
                throw failure;
            }
        }

        /** Waits until every chunk handed over is durable and its tokens stored as asked. */
        synchronized void awaitIdle() {
            boolean interrupted = false;
            while (draining) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            check();
        }

        @Override
        public void close() {
            thread.shutdownNow();
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

    /** The lower of two positions; null (before the first event) is the lowest. */
    private static TrackingToken lowerBound(TrackingToken a, TrackingToken b) {
        return a == null || b == null ? null : a.lowerBound(b);
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
