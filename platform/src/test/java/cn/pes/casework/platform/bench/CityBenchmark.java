package cn.pes.casework.platform.bench;

import cn.pes.casework.events.asof.CaseAsOfView;
import cn.pes.casework.events.asof.FindCaseAsOfQuery;
import cn.pes.casework.events.asof.TimeBasis;
import cn.pes.casework.events.registration.EligibilityDeclaration;
import cn.pes.casework.events.registration.PresentedDocument;
import cn.pes.casework.events.registration.RegisterUnemploymentCommand;
import cn.pes.casework.events.registration.UnemploymentReason;
import cn.pes.casework.events.shared.CaseMetadata;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.IdNumberFormat;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.events.shared.TimeOrderedId;
import cn.pes.casework.events.tracking.ContactMethod;
import cn.pes.casework.events.tracking.EmploymentStatus;
import cn.pes.casework.events.tracking.RecordTrackingContactCommand;
import cn.pes.casework.events.tracking.ServiceGiven;
import cn.pes.casework.platform.PlatformApplication;
import cn.pes.casework.platform.demo.DemoCityLoader;
import cn.pes.casework.query.casehistory.CaseHistoryProjection;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryGateway;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The platform's figures on a synthetic city (issue 10): not a test, it prints numbers. It starts the
 * whole platform in this JVM on the embedded stores (or with the event store on the local PostgreSQL),
 * loads a city through the command gateway unless the data folder already holds one, and measures:
 * command throughput and latency from a second process over HTTP (1 and 16 clients), projection lag at
 * a fixed command rate, as-of reconstruction of a 50- and a 1,000-event case, query latency at a fixed
 * request rate with commands running (second process), bytes per event on disk, and a full rebuild of
 * every read model from the event store with the heap it needs.
 *
 * <p>Run (README "Benchmarks", figures in {@code docs/benchmarks.md}):
 * {@code ./mvnw -B -Pbenchmarks verify -pl platform -am -Dtest=CityBenchmark -Dbench.persons=10000
 * [-Dbench.store=postgres] [-Dbench.phases=load,storage,commands,commands-alone,lag,asof,queries,replay]}.
 * A loaded city is kept in {@code bench.dir} (default {@code <tmp>/pes-bench/<store>-<persons>-<seed>}; on
 * PostgreSQL also the database {@code pes_bench_<persons>_<seed>}) and reused by the next run;
 * {@code -Dbench.fresh=true} loads it anew.
 *
 * <p>Knobs (system properties): {@code bench.seed} (2026), {@code bench.parallel-cases} (8 cases sent at
 * once while loading), {@code bench.live-projections} (false: read models are built after the load, which
 * is then also a figure for a full build), {@code bench.command-seconds} (20 per command run),
 * {@code bench.lag-rate} (200/s), {@code bench.lag-seconds} (30), {@code bench.lag-warmup-seconds} (30: the same
 * contacts at the same rate before, not measured) and {@code bench.lag-poll-ms} (1: how often
 * the case histories are looked at), {@code bench.asof-runs} (1,000), {@code bench.asof-warmup-seconds} (20: answers
 * before the measured ones, printed apart), {@code bench.query-warmup-seconds} (20: the query load at its rate
 * before the measured seconds, printed apart),
 * {@code bench.query-rate} (list, {@code 20,200}/s), {@code bench.query-command-rate} (half the query
 * rate), {@code bench.query-seconds} (60), {@code bench.query-kinds} (the kinds sent in turn, of
 * {@code history,ledger,statistics,overdue,uncontacted,uncontacted-page}; by default the first four, which the targets
 * name), {@code bench.query-month} (the month the ledger and TRK-1 queries ask about: this month, a
 * {@code yyyy-MM}, or {@code next}, which stands for a month's first day, nobody contacted in it yet),
 * {@code bench.platform-args} (extra platform options, e.g.
 * {@code --pes.projections.initial-segments=1}), {@code bench.heap} (Maven property, 4g),
 * {@code bench.read-models=off} (the read models' processors are stopped at start and stay stopped: for
 * the command side and as-of on a city whose read models would take hours to build; the phases that need
 * them are skipped), {@code bench.build-minutes} (stop waiting for a build of a loaded city's read models
 * after this long, and report the positions reached and the rate of each 30-second window).
 */
class CityBenchmark {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String STREET = "990101001";
    private static final String PG_SERVER = System.getProperty("bench.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String PG_USER = System.getProperty("bench.postgres.user", "postgres");

    /** Whether the read models follow the city's load (true) or are built after it (default). */
    private static final boolean LIVE_PROJECTIONS = Boolean.getBoolean("bench.live-projections");

    private final String store = System.getProperty("bench.store", "embedded");
    private final int persons = Integer.getInteger("bench.persons", 10_000);
    private final long seed = Long.getLong("bench.seed", 2026);
    private final Set<String> phases = Set.of(System.getProperty("bench.phases",
            "load,storage,commands,commands-alone,lag,asof,queries,replay").split(","));
    private final Path dir = Path.of(System.getProperty("bench.dir",
            Path.of(System.getProperty("java.io.tmpdir"), "pes-bench", store + "-" + persons + "-" + seed).toString()));
    private final String database = "pes_bench_" + persons + "_" + seed;
    private final List<String> figures = new ArrayList<>();
    private boolean readModelsStopped;
    private boolean readModelsExisted;
    /** {@code bench.read-models=off}: the read models' processors stay stopped (command side and as-of only). */
    private final boolean readModelsOff = "off".equals(System.getProperty("bench.read-models"));
    /** {@code bench.build-minutes}: stop waiting for a build after this long and report how far it got. */
    private final Integer buildMinutes = Integer.getInteger("bench.build-minutes");
    private final List<String> buildWindows = new ArrayList<>();

    @Test
    void city() throws Exception {
        boolean postgres = store.equals("postgres");
        if (Boolean.getBoolean("bench.fresh")) {
            FileSystemUtils.deleteRecursively(dir);
        }
        Files.createDirectories(dir);
        readModelsExisted = Files.exists(dir.resolve("readmodels"));
        if (postgres) {
            ensureDatabase(!Files.exists(dir.resolve("readmodels")));
        }
        print("machine: %d cores, max heap %d MB, Java %s; store: %s; city: %d persons, seed %d; data: %s",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"), postgres ? "events on PostgreSQL " + database
                        + ", read models embedded" : "embedded (events H2 file, read models mongo-java-server)",
                persons, seed, dir);

        ConfigurableApplicationContext platform = start(postgres);
        try {
            if (readModelsOff) {
                projectionProcessors(platform).forEach(org.axonframework.eventhandling.EventProcessor::shutDown);
                readModelsStopped = true;
                print("read models off (bench.read-models=off): only the command side, as-of and storage are measured");
            }
            if (phases.contains("load")) {
                load(platform);
            }
            if (phases.contains("storage")) {
                storage(platform, postgres);
            }
            if (readModelsOff && phases.contains("commands-alone")) {
                secondProcess(platform, "commands", "seconds=" + Integer.getInteger("bench.command-seconds", 20));
            }
            if (readModelsOff) {
                phases.stream().filter(Set.of("commands", "lag", "queries", "replay")::contains)
                      .forEach(phase -> print("%s: skipped, the read models are off", phase));
            } else if (phases.contains("commands")) {
                secondProcess(platform, "commands", "seconds=" + Integer.getInteger("bench.command-seconds", 20));
                awaitCaughtUp(platform, Duration.ofMinutes(30));
            }
            if (!readModelsOff && phases.contains("commands-alone")) {
                // The command side's own capacity: the same runs with the read models' processors stopped,
                // so they do not share the cores; they catch up afterwards.
                List<org.axonframework.eventhandling.EventProcessor> stopped = projectionProcessors(platform);
                stopped.forEach(org.axonframework.eventhandling.EventProcessor::shutDown);
                cn.pes.casework.query.catchup.CatchUpModule feed =
                        platform.getBean(cn.pes.casework.query.catchup.CatchUpModule.class);
                feed.pause();
                readModelsStopped = true;
                try {
                    secondProcess(platform, "commands", "seconds=" + Integer.getInteger("bench.command-seconds", 20));
                } finally {
                    readModelsStopped = false;
                    feed.catchUp(cn.pes.casework.query.projection.ProjectionProcessingConfiguration.PROCESSING_GROUPS);
                    stopped.forEach(org.axonframework.eventhandling.EventProcessor::start);
                }
                awaitCaughtUp(platform, Duration.ofMinutes(30));
            }
            if (!readModelsOff && phases.contains("lag")) {
                projectionLag(platform);
            }
            if (phases.contains("asof")) {
                asOf(platform);
            }
            if (!readModelsOff && phases.contains("queries")) {
                Path cases = dir.resolve("bench-cases.txt");
                List<String> sample = new JdbcTemplate(platform.getBean(javax.sql.DataSource.class)).queryForList(
                        "SELECT case_id FROM person_case", String.class);
                java.util.Collections.shuffle(sample, new java.util.Random(seed));
                Files.write(cases, sample.subList(0, Math.min(5_000, sample.size())));
                for (String rate : System.getProperty("bench.query-rate", "20,200").split(",")) {
                    secondProcess(platform, "queries", "cases=" + cases, "rate=" + rate.trim(),
                            // Commands alongside at half the query rate unless told.
                            "command-rate=" + Integer.getInteger("bench.query-command-rate",
                                    Math.max(1, Integer.parseInt(rate.trim()) / 2)),
                            "seconds=" + Integer.getInteger("bench.query-seconds", 60),
                            "warmup=" + Integer.getInteger("bench.query-warmup-seconds", 20),
                            "kinds=" + System.getProperty("bench.query-kinds", "history,ledger,statistics,overdue"),
                            "month=" + System.getProperty("bench.query-month", ""));
                    awaitCaughtUp(platform, Duration.ofMinutes(30));
                }
            }
        } finally {
            platform.close();
        }
        if (!readModelsOff && phases.contains("replay")) {
            replay(postgres);
        }
        System.out.println();
        System.out.println("==== CityBenchmark figures ====");
        figures.forEach(System.out::println);
    }

    private ConfigurableApplicationContext start(boolean postgres) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--pes.data-dir=" + dir,
                "--pes.demo.persons=" + persons, "--pes.demo.seed=" + seed,
                "--pes.demo.parallel-cases=" + Integer.getInteger("bench.parallel-cases", 8),
                "--pes.demo.projections-during-load=" + LIVE_PROJECTIONS,
                // The second process acts with tokens signed by the public development key.
                "--pes.security.allow-development-keys=true",
                "--logging.level.root=WARN", "--logging.level.cn.pes.casework.platform.demo=INFO"));
        String extra = System.getProperty("bench.platform-args", "").trim();
        if (!extra.isEmpty()) {
            args.addAll(List.of(extra.split("\\s+")));
        }
        if (postgres) {
            args.addAll(List.of("--spring.datasource.url=" + PG_SERVER + database,
                    "--spring.datasource.username=" + PG_USER, "--spring.datasource.password="));
        }
        return PlatformApplication.application().run(args.toArray(String[]::new));
    }

    // ---- load ---------------------------------------------------------------------------------------

    private void load(ConfigurableApplicationContext platform) throws Exception {
        DemoCityLoader.Result result = platform.getBean(DemoCityLoader.class).completion().get(6, TimeUnit.HOURS);
        if (result.sent() + result.failed() == 0) {
            long events = eventCount(platform);
            print("load: the data folder already holds the city (%d events); not loaded again", events);
            if (readModelsOff) {
                return;
            }
            // A folder whose read models were deleted (or a run stopped while building) builds them here:
            // worth a figure when the backlog is large.
            // Existing read models: wait for the processors to claim their segments, or "from" reads -1.
            long claimDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (readModelsExisted && minimumPosition(platform) < 0 && System.nanoTime() < claimDeadline) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            long from = Math.max(-1, minimumPosition(platform));
            long head = head(platform.getBean(EventStore.class));
            long started = System.nanoTime();
            HeapSampler heap = HeapSampler.start();
            // Without a limit it waits as long as a fresh load's build may take.
            if (!caughtUpWithin(platform, buildMinutes != null ? Duration.ofMinutes(buildMinutes) : Duration.ofHours(3))) {
                double seconds = (System.nanoTime() - started) / 1e9;
                long reached = minimumPosition(platform);
                print("load: build of all %d read models %s stopped after %.0f s at position %d of %d: %d positions in"
                                + " %.0f s = %.0f positions/s; by 30-s window %s; heap %s", processors(platform).size(),
                        readModelsExisted ? "(catching up)" : "from scratch", seconds, reached, head, reached - from,
                        seconds, (reached - from) / seconds, buildWindows, heap.stop());
                return;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (head - from > 10_000) {
                print("load: all %d read models %s from position %d to %d (%d events stored) in %.1f s = %.0f"
                                + " positions/s; heap %s", processors(platform).size(),
                        readModelsExisted ? "caught up" : "built from scratch", from, head, events, seconds,
                        (head - from) / seconds, heap.stop());
            } else {
                heap.stop();
            }
            return;
        }
        long events = eventCount(platform);
        print("load: %d commands (%d refused %s) in %d s = %.0f commands/s through the command gateway, %d cases in"
                        + " parallel, read models %s; %d events stored = %.0f events/s",
                result.sent(), result.failed(), result.failures(), result.took().toSeconds(), result.commandsPerSecond(),
                Integer.getInteger("bench.parallel-cases", 8), LIVE_PROJECTIONS ? "following" : "stopped", events,
                events / (result.took().toNanos() / 1e9));
        long started = System.nanoTime();
        HeapSampler heap = HeapSampler.start();
        awaitCaughtUp(platform, Duration.ofHours(3));
        double seconds = (System.nanoTime() - started) / 1e9;
        if (LIVE_PROJECTIONS) {
            print("load: read models followed the load and caught up %.1f s after the last command", seconds);
        } else {
            print("load: all %d read models built after the load from %d events in %.1f s = %.0f events/s; heap %s",
                    processors(platform).size(), events, seconds, events / seconds, heap.stop());
        }
    }

    // ---- storage ------------------------------------------------------------------------------------

    private void storage(ConfigurableApplicationContext platform, boolean postgres) throws IOException {
        JdbcTemplate jdbc = new JdbcTemplate(platform.getBean(javax.sql.DataSource.class));
        long events = eventCount(platform);
        long snapshots = jdbc.queryForObject("SELECT COUNT(*) FROM SnapshotEventEntry", Long.class);
        long eventBytes;
        String how;
        if (postgres) {
            eventBytes = jdbc.queryForObject("SELECT pg_total_relation_size('domainevententry')", Long.class);
            long databaseBytes = jdbc.queryForObject("SELECT pg_database_size(current_database())", Long.class);
            how = String.format(Locale.ROOT, "event table with its indexes %d MB; whole database %d MB", eventBytes >> 20,
                    databaseBytes >> 20);
        } else {
            eventBytes = size(dir.resolve("eventstore"));
            how = String.format(Locale.ROOT, "H2 event store files %d MB (events, snapshots, tokens of the clocks, indexes)",
                    eventBytes >> 20);
        }
        long readModelBytes = size(dir.resolve("readmodels"));
        print("storage: %d events, %d snapshots; %s = %.0f bytes/event; read models %d MB = %.0f bytes/event",
                events, snapshots, how, (double) eventBytes / events, readModelBytes >> 20, (double) readModelBytes / events);
    }

    private static long size(Path path) throws IOException {
        if (!Files.exists(path)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    // ---- second process -----------------------------------------------------------------------------

    private void secondProcess(ConfigurableApplicationContext platform, String mode, String... options)
            throws IOException, InterruptedException {
        int port = ((WebServerApplicationContext) platform).getWebServer().getPort();
        Path results = dir.resolve("load-" + mode + ".txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), LoadGenerator.class.getName(),
                "base=http://localhost:" + port, "mode=" + mode, "results=" + results));
        command.addAll(List.of(options));
        Files.deleteIfExists(results);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new File(dir.toFile(), "load-" + mode + ".log")).start();
        if (!process.waitFor(30, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            print("%s: the load generator did not finish in 30 minutes", mode);
            return;
        }
        List<String> lines = Files.exists(results) ? Files.readAllLines(results) : List.of();
        if (process.exitValue() != 0 || !lines.contains("DONE")) {
            print("%s: the load generator failed (exit %d; see %s)", mode, process.exitValue(),
                    dir.resolve("load-" + mode + ".log"));
        }
        for (String line : lines) {
            if (line.startsWith("RESULT ")) {
                print("%s (HTTP, second process%s): %s", mode, readModelsStopped ? ", read models stopped" : "",
                        line.substring("RESULT ".length()));
            } else if (line.startsWith("FAILURE ")) {
                System.out.println("  " + line);
            }
        }
    }

    // ---- projection lag -----------------------------------------------------------------------------

    private void projectionLag(ConfigurableApplicationContext platform) throws Exception {
        CommandGateway commands = platform.getBean(CommandGateway.class);
        EventStore events = platform.getBean(EventStore.class);
        MongoCollection<Document> histories = histories(platform);
        int rate = Integer.getInteger("bench.lag-rate", 200);
        int seconds = Integer.getInteger("bench.lag-seconds", 30);
        // How often the watcher looks: each look reads the documents of every case still waiting, on the
        // cores the processors need, so the lags are measured to within this at a cost printed at the end.
        long pollMillis = Long.getLong("bench.lag-poll-ms", 1);
        List<String> cases = registerCases(commands, rate * 2);
        lagWarmUp(commands, cases, rate, Integer.getInteger("bench.lag-warmup-seconds", 30));
        awaitCaughtUp(platform, Duration.ofMinutes(5));
        Map<String, Long> known = new ConcurrentHashMap<>();
        for (Document doc : histories.find(Filters.in("_id", cases)).projection(Projections.include("lastSequence"))) {
            known.put(doc.getString("_id"), doc.get("lastSequence", Number.class).longValue());
        }
        // Per case at most one contact in flight: its ack time and the head of the store at the ack.
        Map<String, long[]> inFlight = new ConcurrentHashMap<>();
        Latencies historyLag = new Latencies("projection lag, case history (ack -> document shows the event)");
        Latencies allLag = new Latencies("projection lag, all 21 read models (ack -> every read model past the event)");
        Latencies acks = new Latencies("tracking contacts at a fixed rate, command latency");
        List<long[]> allPending = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong sent = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        // The local command bus runs a command on the sending thread: send from a pool, so the rate
        // stays fixed whatever the commands' latency (open loop).
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(32);
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        // Whether the tail is the first seconds after a start, or comes back: by the window of the ack.
        long windowNanos = TimeUnit.SECONDS.toNanos(5);
        Latencies[] historyByWindow = new Latencies[(int) ((end - start + windowNanos - 1) / windowNanos)];
        for (int w = 0; w < historyByWindow.length; w++) {
            historyByWindow[w] = new Latencies("case history, acks in window " + w);
        }
        AtomicLong watcherCpu = new AtomicLong();
        Thread watcher = new Thread(() -> {
            while (System.nanoTime() < end + TimeUnit.SECONDS.toNanos(10)
                    && (System.nanoTime() < end || !inFlight.isEmpty() || !allPending.isEmpty())) {
                List<String> ids = new ArrayList<>(inFlight.keySet());
                if (!ids.isEmpty()) {
                    for (Document doc : histories.find(Filters.in("_id", ids)).projection(Projections.include("lastSequence"))) {
                        String caseId = doc.getString("_id");
                        long sequence = doc.get("lastSequence", Number.class).longValue();
                        long[] pending = inFlight.get(caseId);
                        if (pending != null && pending[0] > 0 && sequence > known.get(caseId)) {
                            historyLag.record(System.nanoTime() - pending[0]);
                            int window = (int) ((pending[0] - start) / windowNanos);
                            historyByWindow[Math.max(0, Math.min(historyByWindow.length - 1, window))]
                                    .record(System.nanoTime() - pending[0]);
                            known.put(caseId, sequence);
                            inFlight.remove(caseId);
                        }
                    }
                }
                long position = minimumPosition(platform);
                synchronized (allPending) {
                    allPending.removeIf(entry -> {
                        if (position >= entry[1]) {
                            allLag.record(System.nanoTime() - entry[0]);
                            return true;
                        }
                        return false;
                    });
                }
                sleepMillis(pollMillis);
            }
            watcherCpu.set(java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
        }, "bench-lag-watcher");
        watcher.start();
        print("lag: sending %d contacts/s for %d s; %d read models live-fed by one read of the stream, the others"
                + " by their processors", rate, seconds,
                platform.getBean(cn.pes.casework.query.catchup.CatchUpModule.class).positions().size());
        int next = 0;
        for (long i = 0; System.nanoTime() < end; i++) {
            long due = start + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String caseId = null;
            for (int tries = 0; tries < cases.size() && caseId == null; tries++) {
                String candidate = cases.get(next++ % cases.size());
                if (inFlight.putIfAbsent(candidate, new long[]{0}) == null) {
                    caseId = candidate;
                }
            }
            if (caseId == null) {
                skipped.incrementAndGet(); // every case still waits for its last contact to show
                continue;
            }
            String target = caseId;
            senders.execute(() -> send(commands, contact(target, "lag-" + sent.incrementAndGet()))
                    .whenComplete((ok, failure) -> {
                        long acked = System.nanoTime();
                        if (failure != null) {
                            acks.error();
                            inFlight.remove(target);
                            return;
                        }
                        acks.record(acked - due);
                        inFlight.get(target)[0] = acked;
                        allPending.add(new long[]{acked, head(events)});
                    }));
        }
        watcher.join();
        senders.shutdown();
        double took = seconds;
        print("lag: offered %d/s for %d s; %d sends skipped because all %d cases still had a contact waiting to"
                        + " show; %d contacts not in the case history and %d not past every processor 10 s after the"
                        + " end (left out below: the lags are lower bounds when any of these is above 0)", rate,
                seconds, skipped.get(), cases.size(), inFlight.size(), allPending.size());
        print("lag: the watcher looked every %d ms and used %.1f s of CPU", pollMillis, watcherCpu.get() / 1e9);
        print("lag: %s", acks.summary(took));
        print("lag: %s", historyLag.summary(took));
        StringBuilder windows = new StringBuilder();
        for (Latencies window : historyByWindow) {
            windows.append(String.format(Locale.ROOT, " %.0f/%.0f", window.percentileMillis(50), window.percentileMillis(99)));
        }
        print("lag: case history p50/p99 ms by 5-s window of the acks:%s", windows);
        print("lag: %s", allLag.summary(took));
    }

    /**
     * The same contacts at the same rate for a while first, not measured: right after a start the feed's and the
     * command side's code is not compiled yet, and the first seconds' lags are several times the rest's.
     */
    private void lagWarmUp(CommandGateway commands, List<String> cases, int rate, int seconds) throws Exception {
        if (seconds <= 0) {
            return;
        }
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(32);
        Latencies warmUp = new Latencies("warm-up, tracking contacts at the same rate, command latency");
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (long i = 0; i < (long) rate * seconds; i++) {
            long due = start + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String caseId = cases.get((int) (i % cases.size()));
            senders.execute(() -> {
                try {
                    send(commands, contact(caseId, "lag-warm-up-" + due)).get(30, TimeUnit.SECONDS);
                    warmUp.record(System.nanoTime() - due);
                } catch (Exception e) {
                    warmUp.error();
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(1, TimeUnit.MINUTES);
        print("lag: %s", warmUp.summary(seconds));
    }

    private static MongoCollection<Document> histories(ConfigurableApplicationContext platform) {
        MongoClient client = platform.getBean("readModelMongoClient", MongoClient.class);
        String database = platform.getEnvironment().getProperty("pes.mongo.database", "casework");
        return client.getDatabase(database).getCollection(CaseHistoryProjection.COLLECTION);
    }

    // ---- as-of --------------------------------------------------------------------------------------

    private void asOf(ConfigurableApplicationContext platform) throws Exception {
        CommandGateway commands = platform.getBean(CommandGateway.class);
        QueryGateway queries = platform.getBean(QueryGateway.class);
        EventStore events = platform.getBean(EventStore.class);
        for (int size : List.of(50, 1_000)) {
            String caseId = registerCases(commands, 1).get(0);
            Instant first = Instant.now();
            while (count(events, caseId) < size) {
                send(commands, contact(caseId, "asof-" + size + "-" + System.nanoTime())).get(10, TimeUnit.SECONDS);
            }
            Instant last = Instant.now();
            int eventsInCase = count(events, caseId);
            long span = Math.max(1, Duration.between(first, last).toMillis());
            // Answers until the compiler has settled (a benchmark of steady state, as JMH warms up), printed
            // apart: right after a start the first seconds' answers take twice as long or more.
            Latencies warmUp = new Latencies("warm-up, as-of of a " + eventsInCase + "-event case");
            long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(Integer.getInteger("bench.asof-warmup-seconds", 20));
            while (System.nanoTime() < warmUntil || warmUp.count() + warmUp.errors() < 100) {
                asOfAnswer(queries, caseId, first, span, warmUp, null);
            }
            print("as-of: %s", warmUp.latencySummary());
            Latencies latencies = new Latencies("as-of of a " + eventsInCase + "-event case (query gateway, in process)");
            List<long[]> slowest = new ArrayList<>();
            for (int i = 0; i < Integer.getInteger("bench.asof-runs", 1_000); i++) {
                asOfAnswer(queries, caseId, first, span, latencies, slowest);
            }
            print("as-of: %s", latencies.latencySummary());
            slowest.sort((a, b) -> Long.compare(b[0], a[0]));
            StringBuilder line = new StringBuilder();
            slowest.stream().limit(12).forEach(answer -> line.append(String.format(Locale.ROOT, " %.1f@%d", answer[0] / 1e6, answer[1])));
            print("as-of: slowest answers, ms@JVM uptime ms (to line up with a GC log):%s", line);
        }
    }

    /** One answer at a random instant of the case's span; recorded with the JVM uptime it started at when asked. */
    private static void asOfAnswer(QueryGateway queries, String caseId, Instant first, long span, Latencies latencies,
                                   List<long[]> started) throws Exception {
        Instant at = first.plusMillis(ThreadLocalRandom.current().nextLong(span));
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        long t0 = System.nanoTime();
        CaseAsOfView view = queries.query(new FindCaseAsOfQuery(caseId, at, TimeBasis.RECORDED),
                CaseAsOfView.class).get(10, TimeUnit.SECONDS);
        long took = System.nanoTime() - t0;
        if (view == null) {
            latencies.error();
            return;
        }
        latencies.record(took);
        if (started != null) {
            started.add(new long[] {took, uptime});
        }
    }

    private static int count(EventStore events, String caseId) {
        DomainEventStream stream = events.readEvents(caseId, 0);
        int n = 0;
        while (stream.hasNext()) {
            stream.next();
            n++;
        }
        return n;
    }

    // ---- replay -------------------------------------------------------------------------------------

    private void replay(boolean postgres) throws Exception {
        compactedSizes(postgres);
        FileSystemUtils.deleteRecursively(dir.resolve("readmodels"));
        HeapSampler heap = HeapSampler.start();
        long started = System.nanoTime();
        ConfigurableApplicationContext platform = start(postgres);
        try {
            long ready = System.nanoTime();
            long events = eventCount(platform);
            awaitCaughtUp(platform, Duration.ofHours(3));
            long done = System.nanoTime();
            double seconds = (done - started) / 1e9;
            print("replay: all %d read models rebuilt from %d events in %.1f s (%.1f s of it starting the platform)"
                            + " = %.0f events/s; heap %s", processors(platform).size(), events, seconds,
                    (ready - started) / 1e9, events / seconds, heap.stop());
        } finally {
            heap.stop();
            platform.close();
        }
    }

    /**
     * The running platform compacts its append-only H2 files a bounded slice of time at a time, so
     * under a long load they hold many dead versions; compacted at rest they show what the data needs.
     */
    private void compactedSizes(boolean postgres) throws Exception {
        long events = 0;
        if (!postgres) {
            // The platform's own URL: if its pool has not let go of the database yet, this joins it.
            String url = "jdbc:h2:retry:" + dir.resolve("eventstore").resolve("events") + ";DB_CLOSE_ON_EXIT=FALSE";
            try (Connection connection = DriverManager.getConnection(url, "sa", "");
                 Statement statement = connection.createStatement()) {
                try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM DomainEventEntry")) {
                    rs.next();
                    events = rs.getLong(1);
                }
                statement.execute("SHUTDOWN COMPACT");
            }
        }
        Path readModels = dir.resolve("readmodels").resolve("readmodels.mv");
        if (Files.exists(readModels)) {
            org.h2.mvstore.MVStoreTool.compact(readModels.toString(), false);
        }
        if (postgres) {
            print("storage at rest: read models compacted %d MB", size(dir.resolve("readmodels")) >> 20);
        } else {
            long eventBytes = size(dir.resolve("eventstore"));
            long readModelBytes = size(dir.resolve("readmodels"));
            print("storage at rest (files compacted): event store %d MB = %.0f bytes/event; read models %d MB ="
                            + " %.0f bytes/event", eventBytes >> 20, (double) eventBytes / events, readModelBytes >> 20,
                    (double) readModelBytes / events);
        }
    }

    /** The heap while it runs: peak used, and the most that was left after a collection (what is really held). */
    private static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong peakAfterGc = new AtomicLong();
        private final long before;
        private final Thread thread;
        private String result;

        private HeapSampler() {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            before = memory.getHeapMemoryUsage().getUsed();
            List<java.lang.management.MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP
                            && pool.getCollectionUsage() != null)
                    .toList();
            thread = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    peakAfterGc.accumulateAndGet(pools.stream().mapToLong(pool -> pool.getCollectionUsage().getUsed())
                            .sum(), Math::max);
                    if (!sleepMillis(100)) {
                        return;
                    }
                }
            }, "bench-heap-sampler");
            thread.setDaemon(true);
        }

        static HeapSampler start() {
            HeapSampler sampler = new HeapSampler();
            sampler.thread.start();
            return sampler;
        }

        synchronized String stop() {
            if (result == null) {
                thread.interrupt();
                result = String.format(Locale.ROOT, "%d MB before, peak %d MB used, at most %d MB left after a"
                                + " collection, of %d MB", before >> 20, peak.get() >> 20, peakAfterGc.get() >> 20,
                        Runtime.getRuntime().maxMemory() >> 20);
            }
            return result;
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static List<org.axonframework.eventhandling.EventProcessor> projectionProcessors(
            ConfigurableApplicationContext platform) {
        EventProcessingConfiguration processing = platform.getBean(EventProcessingConfiguration.class);
        return cn.pes.casework.query.projection.ProjectionProcessingConfiguration.PROCESSING_GROUPS.stream()
                .flatMap(group -> processing.eventProcessor(group).stream()).toList();
    }

    private static List<StreamingEventProcessor> processors(ConfigurableApplicationContext platform) {
        return platform.getBean(EventProcessingConfiguration.class).eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
    }

    private static long head(EventStore events) {
        TrackingToken token = events.createHeadToken();
        return token == null ? -1 : token.position().orElse(-1);
    }

    /**
     * The lowest position over every segment of every read model, or -1 while some segment is held by
     * neither the live feed nor a processor: a read model shows an event once all its segments are past it.
     * The feed says where the read models it holds stand; the processors, where theirs do.
     */
    private static long minimumPosition(ConfigurableApplicationContext platform) {
        long minimum = Long.MAX_VALUE;
        Map<String, Long> fed = platform.getBean(cn.pes.casework.query.catchup.CatchUpModule.class).positions();
        for (long position : fed.values()) {
            minimum = Math.min(minimum, position);
        }
        for (StreamingEventProcessor processor : processors(platform)) {
            if (fed.containsKey(processor.getName())) {
                continue;
            }
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            double covered = 0;
            for (EventTrackerStatus segment : status.values()) {
                covered += 1.0 / (segment.getSegment().getMask() + 1);
                TrackingToken token = segment.getTrackingToken();
                minimum = Math.min(minimum, token == null ? -1 : token.position().orElse(-1));
            }
            if (covered < 0.999) {
                return -1;
            }
        }
        return minimum;
    }

    private void awaitCaughtUp(ConfigurableApplicationContext platform, Duration limit) throws InterruptedException {
        if (!caughtUpWithin(platform, limit)) {
            throw new IllegalStateException("read models did not catch up in " + limit);
        }
    }

    private boolean caughtUpWithin(ConfigurableApplicationContext platform, Duration limit) throws InterruptedException {
        buildWindows.clear();
        EventStore events = platform.getBean(EventStore.class);
        long deadline = System.nanoTime() + limit.toNanos();
        long last = System.nanoTime();
        long lastPosition = -1;
        while (System.nanoTime() < deadline) {
            long head = head(events);
            long position = minimumPosition(platform);
            if (position >= head) {
                return true;
            }
            if (System.nanoTime() - last > TimeUnit.SECONDS.toNanos(30)) {
                // The rate per window shows whether a build slows down as the read models grow.
                double windowSeconds = (System.nanoTime() - last) / 1e9;
                double rate = lastPosition < 0 || position < 0 ? 0.0 : (position - lastPosition) / windowSeconds;
                System.out.printf("  ... read models at %d of %d (%.0f positions/s over the last %.0f s)%n", position,
                        head, rate, windowSeconds);
                if (lastPosition >= 0) {
                    buildWindows.add(String.format(Locale.ROOT, "%.0f", rate));
                }
                last = System.nanoTime();
                lastPosition = position;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return false;
    }

    private static long eventCount(ConfigurableApplicationContext platform) {
        return new JdbcTemplate(platform.getBean(javax.sql.DataSource.class))
                .queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    private static List<String> registerCases(CommandGateway commands, int count) throws Exception {
        List<String> cases = new ArrayList<>();
        LocalDate today = LocalDate.now(ZONE);
        java.util.Random random = new java.util.Random();
        for (int i = 0; i < count; i++) {
            String caseId = TimeOrderedId.next(System.currentTimeMillis(), random);
            LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(random.nextInt(365 * 30));
            String first17 = "420118" + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
            PersonalData person = new PersonalData(first17 + IdNumberFormat.checkCharacter(first17), "测试人员",
                    "13900000000");
            try {
                send(commands, new RegisterUnemploymentCommand(caseId, person, today, Channel.WINDOW,
                        PresentedDocument.values()[0], new EligibilityDeclaration(false, false, true, true),
                        UnemploymentReason.LOST_JOB, EnumSet.noneOf(cn.pes.casework.events.shared.PersonCategory.class),
                        STREET)).get(10, TimeUnit.SECONDS);
                cases.add(caseId);
            } catch (java.util.concurrent.ExecutionException e) {
                i--; // a number taken by an earlier run: draw another
            }
        }
        return cases;
    }

    private static RecordTrackingContactCommand contact(String caseId, String contactId) {
        LocalDate today = LocalDate.now(ZONE);
        return new RecordTrackingContactCommand(caseId, contactId, today, ContactMethod.PHONE, null, true,
                EmploymentStatus.UNEMPLOYED, EnumSet.of(ServiceGiven.POLICY_INFORMATION), "继续跟踪", null, null, null,
                today);
    }

    private static java.util.concurrent.CompletableFuture<Object> send(CommandGateway commands, Object command) {
        Map<String, Object> metaData = new HashMap<>(Map.of(CaseMetadata.OFFICER, "bench-officer",
                CaseMetadata.AGENCY, STREET, CaseMetadata.CHANNEL, Channel.BACK_OFFICE.name(),
                CaseMetadata.CORRELATION_ID, "bench-" + System.nanoTime()));
        return commands.send(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(metaData)));
    }

    private void ensureDatabase(boolean fresh) throws SQLException {
        try (Connection admin = DriverManager.getConnection(PG_SERVER + "postgres", PG_USER, "");
             Statement statement = admin.createStatement()) {
            boolean exists;
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                exists = rs.next();
            }
            if (exists && fresh) {
                statement.execute("DROP DATABASE " + database + " WITH (FORCE)");
                exists = false;
            }
            if (!exists) {
                statement.execute("CREATE DATABASE " + database);
            }
        }
    }

    private void print(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args) + String.format(Locale.ROOT, "  [%d cores, %s]",
                Runtime.getRuntime().availableProcessors(), store);
        figures.add(line);
        System.out.println("BENCH " + line);
    }

    private static boolean sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
