package cn.pes.casework.platform.bench;

import cn.pes.casework.events.shared.IdNumberFormat;
import cn.pes.casework.platform.support.TestTokens;
import cn.pes.casework.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load generator of {@link CityBenchmark}, run in a JVM of its own so that its clients' work is not
 * counted inside the platform's process: officers' HTTP requests with bearer tokens the embedded
 * platform accepts (development key). Writes one line per figure to the results file.
 *
 * <p>{@code commands}: registrations and then tracking contacts, first one client sending one request
 * after the other, then 16 concurrent clients (closed loop: each waits for its answer).
 * {@code queries}: an open loop of queries at a fixed rate (case history, a page of 50 rows of a street's
 * ledger, county statistics, a street's overdue list, a street's TRK-1 list whole or a page of 50 of it, as
 * asked, in turn), latency counted from when each request was due, so a stall is not hidden,
 * while contacts are sent at another fixed rate; {@code warmup} seconds of the same load come first,
 * recorded apart.
 */
public final class LoadGenerator {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String STREET = "990101001";
    private static final String[] REGIONS = {"420118", "420112", "420113", "420114", "420116", "420103",
            "420104", "420105", "420107", "420117", "421003", "421022", "420503", "420504", "420602", "420606"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇"};

    private final String base;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> idNumbers = Collections.synchronizedSet(new HashSet<>());
    private final String streetCaseworker;
    private final String cityCaseworker;
    private final String analyst;
    private final PrintWriter out;
    private final AtomicInteger reported = new AtomicInteger();

    private LoadGenerator(String base, PrintWriter out) {
        this.base = base;
        this.out = out;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(8)).build();
        Instant now = Instant.now();
        this.streetCaseworker = "Bearer " + TestTokens.mint("bench-caseworker", STREET, now,
                Role.CASEWORKER);
        this.cityCaseworker = "Bearer " + TestTokens.mint("bench-city-caseworker", "9901",
                now, Role.CASEWORKER);
        this.analyst = "Bearer " + TestTokens.mint("bench-analyst", "9901", now,
                Role.ANALYST);
    }

    /** Arguments {@code key=value}: base, mode (commands|queries), results, and the mode's own. */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(options.get("results"))), true)) {
            LoadGenerator generator = new LoadGenerator(options.get("base"), out);
            switch (options.get("mode")) {
                case "commands" -> generator.commands(Integer.parseInt(options.getOrDefault("seconds", "20")));
                case "queries" -> generator.queries(Path.of(options.get("cases")),
                        Integer.parseInt(options.getOrDefault("rate", "200")),
                        Integer.parseInt(options.getOrDefault("command-rate", "100")),
                        Integer.parseInt(options.getOrDefault("seconds", "60")),
                        Integer.parseInt(options.getOrDefault("warmup", "0")),
                        options.getOrDefault("kinds", String.join(",", QUERY_KINDS)),
                        options.getOrDefault("month", ""));
                default -> throw new IllegalArgumentException("mode");
            }
            out.println("DONE");
        }
        System.exit(0);
    }

    private void commands(int seconds) throws Exception {
        warmUp();
        List<String> cases1 = new ArrayList<>();
        closedLoop("registrations, 1 client", 1, seconds, client -> register(cases1));
        List<String> cases16 = Collections.synchronizedList(new ArrayList<>());
        closedLoop("registrations, 16 clients", 16, seconds, client -> register(cases16));
        closedLoop("tracking contacts, 1 client", 1, seconds,
                client -> contact(cases1.get(ThreadLocalRandom.current().nextInt(cases1.size()))));
        // Each client works on cases of its own: concurrent writes to one case are serialised by the
        // aggregate lock and would measure waiting, not throughput.
        List<String> pool = new ArrayList<>(cases16);
        closedLoop("tracking contacts, 16 clients", 16, seconds, client -> {
            int share = pool.size() / 16;
            return contact(pool.get(client * share + ThreadLocalRandom.current().nextInt(Math.max(1, share))));
        });
    }

    private void warmUp() throws Exception {
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            register(cases);
        }
        for (int i = 0; i < 300; i++) {
            contact(cases.get(i % cases.size()));
        }
    }

    private interface Request {
        boolean send(int client) throws Exception;
    }

    private void closedLoop(String name, int clients, int seconds, Request request) throws InterruptedException {
        Latencies latencies = new Latencies(name);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        if (request.send(client)) {
                            latencies.record(System.nanoTime() - t0);
                        } else {
                            latencies.error();
                        }
                    } catch (Exception e) {
                        latencies.error();
                        report("exception " + e.getClass().getSimpleName());
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        out.println("RESULT " + latencies.summary((System.nanoTime() - started) / 1e9));
    }

    /** The query kinds, in the order they take turns; {@code kinds=} names those to send. */
    private static final List<String> QUERY_KINDS = List.of("history", "ledger", "statistics", "overdue",
                                                            "uncontacted", "uncontacted-page");

    /**
     * @param monthAsked the month the ledger and TRK-1 queries ask about: this month when blank, or
     *                   {@code next}, which stands for a month's first day, when nobody has been contacted in it yet
     */
    private void queries(Path casesFile, int rate, int commandRate, int seconds, int warmupSeconds, String kindsAsked,
                         String monthAsked) throws Exception {
        int[] asked = Arrays.stream(kindsAsked.split(",")).map(String::trim).mapToInt(QUERY_KINDS::indexOf).toArray();
        if (asked.length == 0 || Arrays.stream(asked).anyMatch(kind -> kind < 0)) {
            throw new IllegalArgumentException("kinds: some of " + QUERY_KINDS);
        }
        List<String> cases = Files.readAllLines(casesFile);
        List<String> own = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            register(own);
        }
        String month = switch (monthAsked.strip()) {
            case "" -> YearMonth.now(ZONE).toString();
            case "next" -> YearMonth.now(ZONE).plusMonths(1).toString();
            default -> YearMonth.parse(monthAsked.strip()).toString();
        };
        List<String> streets = List.of("990101001", "990101002", "990102001", "990102002", "990103001");
        List<String> counties = List.of("990101", "990102", "990103");
        Map<String, Latencies> byKind = new LinkedHashMap<>();
        List<String> kindNames = List.of("case history", "ledger page", "county statistics", "overdue list",
                                         "uncontacted list", "uncontacted page");
        for (int kind : asked) {
            byKind.putIfAbsent(kindNames.get(kind), new Latencies(kindNames.get(kind)));
        }
        List<Latencies> kinds = kindNames.stream().map(byKind::get).toList();
        if (byKind.containsKey("uncontacted list") || byKind.containsKey("uncontacted page")) {
            out.println("RESULT " + trk1Sizes(streets, month));
        }
        Latencies commandLatencies = new Latencies("tracking contacts alongside");
        // The same load for the warm-up seconds first, recorded apart: a platform just started answers its
        // first seconds of queries with code not yet compiled and pages not yet read.
        Latencies warmUp = new Latencies("warm-up, " + warmupSeconds + " s at the same rates, all kinds");
        // The measured seconds by 5-s window, all kinds together: where in the run the tail lies.
        List<Latencies> windows = new ArrayList<>();
        for (int w = 0; w < (seconds + 4) / 5; w++) {
            windows.add(new Latencies("window " + w));
        }
        ExecutorService workers = Executors.newFixedThreadPool(64);
        ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2);
        AtomicInteger turn = new AtomicInteger();
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long measuredFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long total = (long) rate * (warmupSeconds + seconds);
        // Open loop: request i is due at start + i * period whatever happened to the ones before.
        Thread pacer = new Thread(() -> {
            for (long i = 0; i < total; i++) {
                long due = start + i * periodNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    sleepNanos(wait);
                }
                int kind = asked[turn.getAndIncrement() % asked.length];
                workers.execute(() -> {
                    try {
                        String path = switch (kind) {
                            case 0 -> "/api/cases/" + cases.get(ThreadLocalRandom.current().nextInt(cases.size())) + "/history";
                            // A caseworker paging through a street's ledger: one of its first pages of 50.
                            case 1 -> "/api/agencies/" + streets.get(ThreadLocalRandom.current().nextInt(streets.size()))
                                    + "/tracking-ledger/page?month=" + month + "&size=50&page="
                                    + (1 + ThreadLocalRandom.current().nextInt(3));
                            case 2 -> "/api/statistics/areas/" + counties.get(ThreadLocalRandom.current().nextInt(counties.size()));
                            // Online applications are decided where they were made: at the streets.
                            case 3 -> "/api/agencies/" + streets.get(ThreadLocalRandom.current().nextInt(streets.size()))
                                    + "/pending-applications?overdueOnly=true";
                            // TRK-1: a street's active cases not yet contacted this month, all of them.
                            case 4 -> "/api/agencies/" + streets.get(ThreadLocalRandom.current().nextInt(streets.size()))
                                    + "/uncontacted-cases?month=" + month;
                            // The same list as a caseworker reads it: one of its first pages of 50.
                            default -> "/api/agencies/" + streets.get(ThreadLocalRandom.current().nextInt(streets.size()))
                                    + "/uncontacted-cases/page?month=" + month + "&size=50&page="
                                    + (1 + ThreadLocalRandom.current().nextInt(3));
                        };
                        boolean ok = get(path, kind == 2 ? analyst : cityCaseworker);
                        long took = System.nanoTime() - due;
                        if (due < measuredFrom) {
                            record(warmUp, ok, took);
                        } else {
                            record(kinds.get(kind), ok, took);
                            record(windows.get((int) Math.min(windows.size() - 1, (due - measuredFrom) / 5_000_000_000L)), ok, took);
                        }
                    } catch (Exception e) {
                        // A timeout is the slowest answer of all: counted as failed, never left out.
                        (due < measuredFrom ? warmUp : kinds.get(kind)).error();
                        report("exception " + e.getClass().getSimpleName());
                    }
                });
            }
        });
        long commandPeriod = TimeUnit.SECONDS.toNanos(1) / Math.max(1, commandRate);
        ticks.scheduleAtFixedRate(() -> {
            long t0 = System.nanoTime(); // when it was due: time spent queued for a worker counts
            workers.execute(() -> {
                Latencies into = t0 < measuredFrom ? warmUp : commandLatencies;
                try {
                    if (!contact(own.get(ThreadLocalRandom.current().nextInt(own.size())))) {
                        into.error();
                    } else if (into == commandLatencies) {
                        commandLatencies.record(System.nanoTime() - t0);
                    }
                } catch (Exception e) {
                    into.error();
                }
            });
        }, 100_000_000L, commandPeriod, TimeUnit.NANOSECONDS);
        pacer.start();
        pacer.join();
        ticks.shutdown();
        workers.shutdown();
        boolean finished = workers.awaitTermination(60, TimeUnit.SECONDS);
        int neverRan = finished ? 0 : workers.shutdownNow().size();
        double took = (System.nanoTime() - measuredFrom) / 1e9;
        out.printf("RESULT queries offered at %d/s for %d s with tracking contacts offered at %d/s%s%n", rate, seconds,
                commandRate, neverRan == 0 ? "" : "; " + neverRan + " requests still queued after 60 s more were"
                        + " abandoned (neither ok nor failed below)");
        for (Latencies latencies : byKind.values()) {
            out.println("RESULT " + latencies.summary(took));
        }
        out.println("RESULT " + commandLatencies.summary(took));
        if (warmupSeconds > 0) {
            out.println("RESULT " + warmUp.summary(warmupSeconds));
        }
        StringBuilder byWindow = new StringBuilder("RESULT measured queries p50/p99/max ms by 5-s window:");
        for (Latencies window : windows) {
            byWindow.append(String.format(Locale.ROOT, " %.0f/%.0f/%.0f", window.percentileMillis(50),
                    window.percentileMillis(99), window.percentileMillis(100)));
        }
        out.println(byWindow);
    }

    private static void record(Latencies latencies, boolean ok, long nanos) {
        if (ok) {
            latencies.record(nanos);
        } else {
            latencies.error();
        }
    }

    private static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean register(List<String> cases) throws Exception {
        Map<String, Object> body = Map.of(
                "person", Map.of("idNumber", idNumber(), "name", name(), "phone",
                        "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000))),
                "channel", "WINDOW",
                "presentedDocument", "RESIDENT_ID_CARD",
                "declaration", Map.of("receivingPension", false, "employed", false, "ableToWork", true,
                        "wantsWork", true),
                "reason", "LOST_JOB",
                "categories", List.of());
        HttpResponse<String> response = post("/api/registrations", body);
        if (response.statusCode() != 201) {
            report("registration " + response.statusCode() + " " + response.body());
            return false;
        }
        JsonNode answer = json.readTree(response.body());
        synchronized (cases) {
            cases.add(answer.path("caseId").asText());
        }
        return true;
    }

    private boolean contact(String caseId) throws Exception {
        HttpResponse<String> response = post("/api/cases/" + caseId + "/contacts", Map.of(
                "contactDate", LocalDate.now(ZONE).toString(),
                "method", "PHONE",
                "reached", true,
                "statusFound", "UNEMPLOYED",
                "servicesGiven", List.of("POLICY_INFORMATION"),
                "nextStep", "下月继续电话跟踪"));
        if (response.statusCode() != 201) {
            report("contact " + response.statusCode() + " " + response.body());
            return false;
        }
        return true;
    }

    private HttpResponse<String> post(String path, Object body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", streetCaseworker)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** How long the TRK-1 lists asked for are: what a whole list opens, and what a page is taken from. */
    private String trk1Sizes(List<String> streets, String month) throws IOException, InterruptedException {
        List<String> sizes = new ArrayList<>();
        for (String street : streets) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/agencies/" + street
                            + "/uncontacted-cases/page?size=1&month=" + month))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", cityCaseworker).GET().build();
            JsonNode page = json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body());
            sizes.add(street + " " + page.path("totalUncontacted").asInt() + " of " + page.path("activeCases").asInt());
        }
        return "TRK-1 lists of " + month + ", uncontacted of active cases: " + String.join(", ", sizes);
    }

    private boolean get(String path, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", token)
                .GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            report("GET " + path.replaceAll("/cases/[^/]+", "/cases/{id}") + " " + response.statusCode());
            return false;
        }
        return true;
    }

    /** The first failures of each run, without bodies that could carry data (problem details carry none). */
    private void report(String what) {
        if (reported.incrementAndGet() <= 20) {
            out.println("FAILURE " + (what.length() > 300 ? what.substring(0, 300) : what));
        }
    }

    /**
     * A valid GB 11643 number from region codes the synthetic city does not use, unique in this run. Runs
     * against the same store can still draw a number registered before: that registration is refused
     * (REG-6, counted as failed), as it should be.
     */
    private String idNumber() {
        while (true) {
            LocalDate birth = LocalDate.of(1966, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(365 * 40));
            String first17 = REGIONS[ThreadLocalRandom.current().nextInt(REGIONS.length)]
                    + birth.toString().replace("-", "")
                    + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
            String number = first17 + IdNumberFormat.checkCharacter(first17);
            if (idNumbers.add(number)) {
                return number;
            }
        }
    }

    private String name() {
        return SURNAMES[ThreadLocalRandom.current().nextInt(SURNAMES.length)] + GIVEN[ThreadLocalRandom.current().nextInt(GIVEN.length)]
                + GIVEN[ThreadLocalRandom.current().nextInt(GIVEN.length)];
    }
}
