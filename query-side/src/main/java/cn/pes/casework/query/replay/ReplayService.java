package cn.pes.casework.query.replay;

import cn.pes.casework.events.replay.CancelReplayCommand;
import cn.pes.casework.events.replay.DeleteReplayCommand;
import cn.pes.casework.events.replay.FindReplayQuery;
import cn.pes.casework.events.replay.FindReplayedLedgerQuery;
import cn.pes.casework.events.replay.FindReplaysQuery;
import cn.pes.casework.events.replay.ReplayCollection;
import cn.pes.casework.events.replay.ReplayState;
import cn.pes.casework.events.replay.ReplayTarget;
import cn.pes.casework.events.replay.ReplayView;
import cn.pes.casework.events.replay.ReplayedLedgerView;
import cn.pes.casework.events.replay.ReplaysView;
import cn.pes.casework.events.replay.StartReplayCommand;
import cn.pes.casework.events.shared.CaseMetadata;
import cn.pes.casework.events.tracking.FindTrackingLedgerQuery;
import cn.pes.casework.events.tracking.LedgerRow;
import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.mongo.ReadModelServer;
import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.projection.ProjectionWriter;
import cn.pes.casework.query.replay.ReplayRecords.Progress;
import cn.pes.casework.query.trackingledger.TrackingLedgerProjection;
import cn.pes.casework.query.trackingledger.TrackingLedgerQueries;
import com.mongodb.client.MongoClient;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Replays (重放) of the event history into fresh projections, apart from the live views.
 *
 * <p>Never disturbing the live views: each replay writes to its own database ({@code
 * <database>_replay_<replayId>}, same server), through its own projection instance and writer, on a
 * low-priority thread of a small pool (at most {@code pes.replays.concurrency} at once, {@code
 * pes.replays.queue} waiting; beyond that a start is refused as busy), in batches of {@code
 * pes.replays.batch-size} events with one bulk write per collection each. It reads the event store
 * with its own stream; it touches no live collection and no tracking token. Its only write to the
 * live database is its own progress document in {@value ReplayRecords#COLLECTION}.
 *
 * <p>Replays run on the node that accepted them; set {@code pes.replays.enabled=false} on all but one
 * query-side node, since a node starting up marks every replay still queued or running as
 * interrupted (their threads died with the process that ran them).
 */
@Component
@ConditionalOnProperty(name = "pes.replays.enabled", havingValue = "true", matchIfMissing = true)
public class ReplayService {

    public static final String BUSY = "REPLAY_BUSY";
    public static final String EXISTS = "REPLAY_EXISTS";
    public static final String FINISHED = "REPLAY_FINISHED";
    public static final String RUNNING = "REPLAY_RUNNING";
    public static final String UNKNOWN_TARGET = "REPLAY_TARGET_UNKNOWN";
    public static final String BAD_ID = "REPLAY_ID_INVALID";

    private static final Logger log = LoggerFactory.getLogger(ReplayService.class);
    private static final Pattern REPLAY_ID = Pattern.compile("[A-Za-z0-9-]{1,40}");
    private static final int MAX_LISTED = 200;

    private final ReadModelStore liveStore;
    private final MongoClient client;
    private final ReadModelServer server;
    private final String database;
    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final ReplayTargets targets;
    private final PersonalDataDocs personalData;
    private final Clock clock;
    private final int batchSize;
    private final ReplayRecords records;
    private final ThreadPoolExecutor executor;
    private final Map<String, Job> active = new ConcurrentHashMap<>();
    private volatile List<ReplayTarget> catalogue;

    @org.springframework.beans.factory.annotation.Autowired
    public ReplayService(ReadModelStore liveStore,
                         @Qualifier("readModelMongoClient") MongoClient client,
                         ReadModelServer server,
                         @Value("${pes.mongo.database:casework}") String database,
                         EventStore eventStore,
                         ReplayTargets targets,
                         PersonalDataDocs personalData,
                         Clock clock,
                         @Value("${pes.replays.concurrency:1}") int concurrency,
                         @Value("${pes.replays.queue:2}") int queue,
                         @Value("${pes.replays.batch-size:500}") int batchSize) {
        this(liveStore, client, server, database, (StreamableMessageSource<TrackedEventMessage<?>>) eventStore,
             targets, personalData, clock, concurrency, queue, batchSize);
    }

    /** For tests and benchmarks: any streamable source of events. */
    public ReplayService(ReadModelStore liveStore, MongoClient client, ReadModelServer server, String database,
                         StreamableMessageSource<TrackedEventMessage<?>> events, ReplayTargets targets,
                         PersonalDataDocs personalData, Clock clock, int concurrency, int queue, int batchSize) {
        this.liveStore = liveStore;
        this.client = client;
        this.server = server;
        this.database = database;
        this.events = events;
        this.targets = targets;
        this.personalData = personalData;
        this.clock = clock;
        this.batchSize = batchSize;
        this.records = new ReplayRecords(liveStore);
        int threads = Math.max(1, concurrency);
        BlockingQueue<Runnable> waiting = queue > 0 ? new ArrayBlockingQueue<>(queue) : new SynchronousQueue<>();
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, waiting, runnable -> {
            Thread thread = new Thread(runnable, "replay-" + count.incrementAndGet());
            thread.setDaemon(true);
            // Caseworkers' requests and the live processors come first.
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        });
    }

    /** Replays left queued or running when the process stopped are marked interrupted. */
    @PostConstruct
    public void start() {
        long interrupted = records.interruptLeftovers(clock.instant());
        if (interrupted > 0) {
            log.warn("{} replay(s) were interrupted by the last stop", interrupted);
        }
    }

    @PreDestroy
    public void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    @CommandHandler
    public String handle(StartReplayCommand command, @MetaDataValue(CaseMetadata.OFFICER) String officerId) {
        if (command.replayId() == null || !REPLAY_ID.matcher(command.replayId()).matches()) {
            throw ReplayRefused.invalid(BAD_ID, "replayId");
        }
        ReplayTargets.Definition target = targets.find(command.target())
                                                 .orElseThrow(() -> ReplayRefused.invalid(UNKNOWN_TARGET, "target"));
        String replayDatabase = databaseOf(command.replayId());
        if (!records.create(command.replayId(), target.name(), target.live(), replayDatabase, command.recordedUpTo(),
                            officerId == null ? "unknown" : officerId, clock.instant())) {
            throw ReplayRefused.conflict(EXISTS, "replayId");
        }
        Job job = new Job(command.replayId(), target, replayDatabase, command.recordedUpTo());
        active.put(job.id, job);
        try {
            executor.execute(() -> run(job));
        } catch (RejectedExecutionException e) {
            active.remove(job.id);
            records.delete(job.id);
            throw ReplayRefused.busy();
        }
        return job.id;
    }

    @CommandHandler
    public void handle(CancelReplayCommand command) {
        Document replay = records.find(command.replayId());
        if (replay == null) {
            throw ReplayRefused.notFound();
        }
        Job job = active.get(command.replayId());
        if (!records.requestCancel(command.replayId())) {
            throw ReplayRefused.conflict(FINISHED, "replayId");
        }
        if (job != null) {
            job.cancelled = true;
        }
    }

    @CommandHandler
    public void handle(DeleteReplayCommand command) {
        Document replay = records.find(command.replayId());
        if (replay == null) {
            throw ReplayRefused.notFound();
        }
        if (active.containsKey(command.replayId()) || !ReplayState.valueOf(replay.getString("state")).finished()) {
            throw ReplayRefused.conflict(RUNNING, "replayId");
        }
        dropDatabase(replay.getString("database"));
        records.delete(command.replayId());
    }

    @QueryHandler
    public ReplaysView handle(FindReplaysQuery query) {
        int limit = query.limit() <= 0 ? 50 : Math.min(query.limit(), MAX_LISTED);
        return new ReplaysView(records.recent(limit).stream().map(ReplayRecords::view).toList(), targets());
    }

    /** Null when there is no such replay. */
    @QueryHandler
    public ReplayView handle(FindReplayQuery query) {
        Document replay = query.replayId() == null ? null : records.find(query.replayId());
        return replay == null ? null : ReplayRecords.view(replay);
    }

    /**
     * The ledger as the finished replay built it; null unless the replay is a finished replay of the
     * tracking ledger. The caller checks who may see which agencies' people.
     */
    @QueryHandler
    public ReplayedLedgerView handle(FindReplayedLedgerQuery query) {
        Document replay = query.replayId() == null ? null : records.find(query.replayId());
        if (replay == null || query.month() == null
                || !TrackingLedgerProjection.PROCESSING_GROUP.equals(replay.getString("target"))
                || !ReplayState.DONE.name().equals(replay.getString("state"))) {
            return null;
        }
        TrackingLedgerQueries ledger = new TrackingLedgerQueries(replayStore(replay.getString("database")), personalData);
        List<String> agencyIds = query.agencyIds() == null ? List.of()
                : query.agencyIds().stream().filter(Objects::nonNull).distinct().toList();
        List<LedgerRow> rows = new ArrayList<>();
        agencyIds.forEach(agencyId -> rows.addAll(ledger.handle(new FindTrackingLedgerQuery(agencyId, query.month())).rows()));
        rows.sort(Comparator.comparing(LedgerRow::contactDate, Comparator.nullsLast(Comparator.naturalOrder())));
        Instant recordedUpTo = Docs.instant(replay, "recordedUpTo");
        return new ReplayedLedgerView(query.replayId(), recordedUpTo,
                                      recordedUpTo != null ? recordedUpTo : Docs.instant(replay, "startedAt"),
                                      agencyIds, query.month(), List.copyOf(rows));
    }

    public List<ReplayTarget> targets() {
        List<ReplayTarget> known = catalogue;
        if (known == null) {
            known = targets.all();
            catalogue = known;
        }
        return known;
    }

    /** The replay's own database, on the live read models' server. */
    public ReadModelStore replayStore(String replayDatabase) {
        return new ReadModelStore(client.getDatabase(replayDatabase), server, liveStore.serverSideGuards());
    }

    /**
     * Drops the collections one by one, then the database: the embedded server's H2 backend may refuse
     * the database drop itself (an index it still counts as non-empty), which then leaves only an
     * empty database behind.
     */
    public void dropDatabase(String name) {
        var db = client.getDatabase(name);
        for (String collection : db.listCollectionNames()) {
            db.getCollection(collection).drop();
        }
        try {
            db.drop();
        } catch (RuntimeException e) {
            log.debug("The empty replay database {} stays: {}", name, e.getClass().getName());
        }
    }

    public String databaseOf(String replayId) {
        return database + "_replay_" + replayId;
    }

    private void run(Job job) {
        Progress progress = new Progress(0, 0, 0, 0, null);
        try {
            if (job.cancelled || records.cancelRequested(job.id)) {
                records.finished(job.id, ReplayState.CANCELLED, progress, clock.instant(), null, null);
                return;
            }
            dropDatabase(job.database);
            ReadModelStore store = replayStore(job.database);
            ProjectionWriter writer = new ProjectionWriter(store);
            Object projection = job.target.factory().apply(writer);
            ReplayRunner runner = new ReplayRunner(events, batchSize);
            ReplayRunner.Outcome outcome = runner.run(projection, writer, job.recordedUpTo,
                    total -> records.running(job.id, total),
                    () -> !job.cancelled,
                    current -> {
                        records.progress(job.id, current);
                        if (records.cancelRequested(job.id)) {
                            job.cancelled = true;
                        }
                        return !job.cancelled;
                    });
            progress = outcome.progress();
            if (!outcome.completed()) {
                records.finished(job.id, ReplayState.CANCELLED, progress, clock.instant(), null, null);
                return;
            }
            records.finished(job.id, ReplayState.DONE, progress, clock.instant(), null, result(job, store));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finishQuietly(job, ReplayState.INTERRUPTED, progress, null);
        } catch (RuntimeException | Error e) {
            // The type only: a projection's exception message may quote an event's data.
            log.warn("Replay {} of {} failed: {}", job.id, job.target.name(), failure(e));
            finishQuietly(job, ReplayState.FAILED, progress, failure(e));
        } finally {
            active.remove(job.id);
        }
    }

    private void finishQuietly(Job job, ReplayState state, Progress progress, String failure) {
        try {
            records.finished(job.id, state, progress, clock.instant(), failure, null);
        } catch (RuntimeException e) {
            log.warn("Could not record the end of replay {}: {}", job.id, e.getClass().getName());
        }
    }

    /** Exception types and where the root one was thrown: never a message, which may quote an event's data. */
    static String failure(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        StackTraceElement[] trace = root.getStackTrace();
        String where = trace.length == 0 ? "" : " at " + trace[0].getClassName() + "." + trace[0].getMethodName()
                + ":" + trace[0].getLineNumber();
        return (root == e ? e.getClass().getName() : e.getClass().getName() + " (" + root.getClass().getName() + ")")
                + where;
    }

    /** Documents per collection; for a live target, each compared with the live collection. */
    private List<ReplayCollection> result(Job job, ReadModelStore store) {
        Set<String> collections = new LinkedHashSet<>(ReplayTargets.collectionsOf(job.target));
        client.getDatabase(job.database).listCollectionNames().forEach(name -> {
            if (!name.startsWith("system.")) {
                collections.add(name);
            }
        });
        ReplayComparison comparison = new ReplayComparison(personalData);
        List<ReplayCollection> result = new ArrayList<>();
        for (String collection : collections) {
            result.add(job.target.live() ? comparison.compare(liveStore, store, collection)
                               : ReplayComparison.count(store, collection));
        }
        return result;
    }

    private static final class Job {
        final String id;
        final ReplayTargets.Definition target;
        final String database;
        final Instant recordedUpTo;
        volatile boolean cancelled;

        Job(String id, ReplayTargets.Definition target, String database, Instant recordedUpTo) {
            this.id = id;
            this.target = target;
            this.database = database;
            this.recordedUpTo = recordedUpTo;
        }
    }
}
