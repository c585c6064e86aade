package cn.pes.casework.query.catchup;

import cn.pes.casework.query.catchup.ReadModelCatchUp.ClaimedGroup;
import cn.pes.casework.query.catchup.ReadModelCatchUp.Outcome;
import cn.pes.casework.query.mongo.ReadModelStore;
import cn.pes.casework.query.projection.ProjectionProcessingConfiguration;
import cn.pes.casework.query.projection.ProjectionProcessorsModule;
import cn.pes.casework.query.projection.ProjectionStorage;
import cn.pes.casework.query.replay.ReplayTargets;
import com.mongodb.client.MongoClient;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.lifecycle.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Runs {@link ReadModelCatchUp} for the read models' processing groups: at every start, just before the
 * processors start, and on demand ({@link #catchUp}, e.g. after the demo city's load with the feed
 * paused). A run goes on in the background; the platform serves meanwhile, and the read models it
 * builds fill up as they would under their processors.
 *
 * <p>By default the run does not hand the groups to their processors at the head but goes on feeding
 * them ({@link ReadModelCatchUp#follow}): every group no one else holds, however far behind, is kept
 * live by one read of the stream with one commit per chunk. The processors stay registered and take a
 * group over when the feed lets it go: a read model that failed in the feed, the feed stopped on this
 * node ({@link #pause}, shutdown), or a node that died while its claims ran out.
 *
 * <p>Settings: {@code pes.projections.catch-up.enabled} (true), {@code .follow} (true), {@code
 * .min-events} (10,000: without following, a group less far behind is left to its processor), {@code
 * .chunk-size} (2,000 events), {@code .threads} (4), {@code .token-interval-ms} (1,000: how often the
 * live feed stores its tokens).
 */
@Component
public class CatchUpModule implements ConfigurerModule {

    private static final Logger log = LoggerFactory.getLogger(CatchUpModule.class);
    /** Processors count a claim older than 10 s (the token store's default) as abandoned. */
    private static final long EXTEND_CLAIMS_SECONDS = 3;
    private static final long STOP_WAIT_SECONDS = 120;

    private final MongoClient client;
    private final String database;
    private final ReadModelStore store;
    private final ReplayTargets targets;
    private final boolean enabled;
    private final ReadModelCatchUp.Settings settings;
    private final boolean follow;
    private final int initialSegments;
    private volatile Configuration config;
    private volatile boolean stopping;
    /** Completes when the current run reaches the head (or ends before it). */
    private volatile CompletableFuture<Outcome> current = CompletableFuture.completedFuture(null);
    /** Completes when the current run has ended and released its claims. */
    private volatile CompletableFuture<Outcome> finished = CompletableFuture.completedFuture(null);
    private volatile AtomicBoolean pausing = new AtomicBoolean();
    private volatile ReadModelCatchUp running;

    public CatchUpModule(@Qualifier("readModelMongoClient") MongoClient client,
                         @Value("${pes.mongo.database:casework}") String database,
                         ReadModelStore store,
                         ReplayTargets targets,
                         @Value("${pes.projections.catch-up.enabled:true}") boolean enabled,
                         @Value("${pes.projections.catch-up.follow:true}") boolean follow,
                         @Value("${pes.projections.catch-up.min-events:10000}") long minEvents,
                         @Value("${pes.projections.catch-up.chunk-size:2000}") int chunkSize,
                         @Value("${pes.projections.catch-up.threads:4}") int threads,
                         @Value("${pes.projections.catch-up.token-interval-ms:1000}") long tokenIntervalMillis,
                         @Value("${pes.projections.initial-segments:4}") int initialSegments) {
        this.client = client;
        this.database = database;
        this.store = store;
        this.targets = targets;
        this.enabled = enabled;
        this.follow = follow;
        this.settings = new ReadModelCatchUp.Settings(minEvents, chunkSize, threads, tokenIntervalMillis);
        this.initialSegments = initialSegments;
    }

    @Override
    public void configureModule(Configurer configurer) {
        if (!enabled) {
            return;
        }
        // After the read-model layout check (which may reset every group), before the processors start.
        configurer.onInitialize(configuration -> {
            configuration.onStart(Phase.INBOUND_EVENT_CONNECTORS - 1, () -> {
                this.config = configuration;
                catchUp(ProjectionProcessingConfiguration.PROCESSING_GROUPS);
            });
            configuration.onShutdown(Phase.INBOUND_EVENT_CONNECTORS + 1, this::stop);
        });
    }

    /**
     * Claims the groups that qualify and catches them up in the background (and, following, keeps them
     * live); the processors of the others (and of these, once let go) go on as usual. Returns at once.
     *
     * @return the run's outcome when it has reached the head; null if nothing qualified or catch-up is off
     */
    public synchronized CompletableFuture<Outcome> catchUp(List<String> groups) {
        Configuration configuration = config;
        if (!enabled || configuration == null || stopping || !finished.isDone()) {
            return CompletableFuture.completedFuture(null);
        }
        ReadModelCatchUp catchUp = new ReadModelCatchUp(configuration.eventStore(), tokenStore(configuration),
                                                        ProjectionStorage.of(store), store::makeDurable, targets,
                                                        configuration.queryUpdateEmitter(), settings);
        List<ClaimedGroup> claimed = follow ? catchUp.claim(groups, initialSegments, 0)
                : catchUp.claim(groups, initialSegments);
        if (claimed.isEmpty()) {
            current = CompletableFuture.completedFuture(null);
            return current;
        }
        ScheduledExecutorService keeper = Executors.newSingleThreadScheduledExecutor(threads("read-model-catch-up-claims"));
        keeper.scheduleWithFixedDelay(() -> catchUp.extendClaims(claimed), EXTEND_CLAIMS_SECONDS,
                                      EXTEND_CLAIMS_SECONDS, TimeUnit.SECONDS);
        ExecutorService workers = Executors.newFixedThreadPool(settings.threads(), threads("read-model-catch-up-worker"));
        CompletableFuture<Outcome> arrived = new CompletableFuture<>();
        CompletableFuture<Outcome> ended = new CompletableFuture<>();
        AtomicBoolean pause = new AtomicBoolean();
        BooleanSupplier keepGoing = () -> !stopping && !pause.get();
        Thread reader = threads(follow ? "read-model-feed" : "read-model-catch-up").newThread(() -> {
            Outcome outcome = null;
            Throwable failure = null;
            try {
                outcome = follow ? catchUp.follow(claimed, workers, keepGoing, arrived::complete)
                        : catchUp.run(claimed, workers, keepGoing);
            } catch (Throwable e) {
                log.error("Read-model catch-up failed; the processors take over from the last stored tokens", e);
                failure = e;
            } finally {
                workers.shutdownNow();
                keeper.shutdownNow();
                catchUp.release(claimed);
                synchronized (this) {
                    if (running == catchUp) {
                        running = null;
                    }
                }
            }
            // Only now: whoever waits for the end may take the groups.
            if (failure == null) {
                arrived.complete(outcome);
                ended.complete(outcome);
            } else {
                arrived.completeExceptionally(failure);
                ended.completeExceptionally(failure);
            }
        });
        current = arrived;
        finished = ended;
        pausing = pause;
        running = catchUp;
        reader.start();
        return arrived;
    }

    /**
     * The last run started: completes when it reached the head (its outcome null if none qualified),
     * or a completed null if none ran. A following run goes on after that.
     */
    public CompletableFuture<Outcome> lastRun() {
        return current;
    }

    /**
     * Stops the run in hand after its current chunk and waits until it has stored its tokens and let
     * go of its groups, so that their processors, or a later {@link #catchUp}, can take them.
     */
    public void pause() {
        pausing.set(true);
        awaitEnd();
    }

    /**
     * The groups the run in hand feeds, each with the position its read model shows (the lowest of its
     * segments; written, and durable a commit later); empty when none runs. The processors' own status says
     * nothing of these groups.
     */
    public Map<String, Long> positions() {
        ReadModelCatchUp catchUp = running;
        return catchUp == null ? Map.of() : catchUp.positions();
    }

    private void stop() {
        stopping = true;
        awaitEnd();
    }

    private void awaitEnd() {
        try {
            finished.handle((outcome, failure) -> null).get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Read-model catch-up did not stop within {} s: {}", STOP_WAIT_SECONDS, e.getClass().getSimpleName());
        }
    }

    /** The processors' tokens under an owner of their own: its claims keep this node's processors off too. */
    private MongoTokenStore tokenStore(Configuration configuration) {
        return ProjectionProcessorsModule.tokenStore(client, database, configuration.serializer(),
                                                     ManagementFactory.getRuntimeMXBean().getName() + "/read-model-catch-up");
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
