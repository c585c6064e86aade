package cn.pes.casework.platform;

import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.TestIds;
import cn.pes.casework.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How long a batch of 100,000 external records takes from upload to the last match (issue 9), on the
 * whole platform with its default embedded stores (or PostgreSQL with {@code -Dbench.postgres=true}).
 * Prints its figures; asserts nothing about time. Not a test (no {@code Test} suffix): run with
 * <pre>./mvnw -o -B verify -pl platform -am -Dtest=ComparisonBatchBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Sizes: {@code -Dbench.persons=10000} registered persons, {@code -Dbench.rows=100000} rows, of which every
 * registered person is one (the rest are people the agency does not know, as in a real social-insurance file).
 */
class ComparisonBatchBenchmark {

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    @Test
    void batchOfOneHundredThousandRows() throws Exception {
        int persons = Integer.getInteger("bench.persons", 10_000);
        int rows = Integer.getInteger("bench.rows", 100_000);
        boolean postgres = Boolean.getBoolean("bench.postgres");
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--pes.data-dir=" + PlatformTestConfiguration.freshDataDir("pes-comparison-bench-")));
        if (postgres) {
            String database = PostgresCaseLifecycleTest.freshDatabase("pes_bench_comparison");
            arguments.addAll(List.of("--spring.datasource.url=" + PostgresCaseLifecycleTest.SERVER + database,
                    "--spring.datasource.username=" + PostgresCaseLifecycleTest.USER, "--spring.datasource.password=",
                    "--pes.security.allow-development-keys=true"));
        }
        try (ConfigurableApplicationContext platform = PlatformApplication.application()
                .run(arguments.toArray(String[]::new))) {
            int port = ((WebServerApplicationContext) platform).getWebServer().getPort();
            Caseworker caseworker = new Caseworker(Caseworker.client(port).mutate()
                    .responseTimeout(Duration.ofMinutes(5))
                    .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build(), "officer-bench", "990101",
                    Instant::now, Role.CASEWORKER);

            List<String> idNumbers = idNumbers(rows);
            long registering = System.nanoTime();
            register(caseworker, idNumbers.subList(0, persons));
            double registerSeconds = seconds(registering);
            System.out.printf("  registered %,d persons in %.1f s%n", persons, registerSeconds);

            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            // The records describe today: the registrations above began today (older records would be stale).
            byte[] file = socialInsuranceFile(idNumbers, today);
            MultipartBodyBuilder form = new MultipartBodyBuilder();
            form.part("file", new ByteArrayResource(file) {
                @Override
                public String getFilename() {
                    return "bench.csv";
                }
            }).contentType(MediaType.parseMediaType("text/csv"));
            form.part("kind", "SOCIAL_INSURANCE_ENROLMENT");
            form.part("source", "市社保中心");
            form.part("referenceDate", today.toString());

            long importing = System.nanoTime();
            JsonNode receipt = caseworker.http().post().uri("/api/comparison-batches")
                    .header(HttpHeaders.AUTHORIZATION, caseworker.bearer())
                    .contentType(MediaType.MULTIPART_FORM_DATA)
                    .body(BodyInserters.fromMultipartData(form.build()))
                    .exchange().expectStatus().isAccepted()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            double importSeconds = seconds(importing);
            String batchId = receipt.path("batchId").asText();

            JsonNode batch;
            long lastPrint = System.nanoTime();
            do {
                Thread.sleep(500);
                // 404 until the batches' read model has the import (the projection runs behind the command).
                batch = caseworker.getting("/api/comparison-batches/" + batchId)
                        .expectBody(JsonNode.class).returnResult().getResponseBody();
                if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                    System.out.printf("  ... %d of %d rows matched after %.0f s%n",
                            batch.path("processed").path("rows").asInt(), rows, seconds(importing));
                    lastPrint = System.nanoTime();
                }
            } while (!"COMPLETED".equals(batch.path("status").asText()));
            double totalSeconds = seconds(importing);

            long asking = System.nanoTime();
            JsonNode queue = caseworker.get("/api/agencies/990101/status-change-proposals");
            double queueMillis = (System.nanoTime() - asking) / 1e6;

            JsonNode processed = batch.path("processed");
            System.out.printf("%nComparison batch benchmark (%d cores, event store %s, read models embedded mongo)%n",
                    Runtime.getRuntime().availableProcessors(), postgres ? "PostgreSQL" : "embedded H2");
            System.out.printf("  registered persons:          %,d in %.1f s (%.0f/s over HTTP, 4 clients)%n",
                    persons, registerSeconds, persons / registerSeconds);
            System.out.printf("  file:                        %,d rows, %,d bytes CSV%n", rows, file.length);
            System.out.printf("  upload, read, check, stage:  %.1f s (receipt: %d valid, %d problems)%n", importSeconds,
                    receipt.path("validRows").asInt(), receipt.path("problemCount").asInt());
            System.out.printf("  upload to last row matched:  %.1f s = %.0f rows/s%n", totalSeconds, rows / totalSeconds);
            System.out.printf("  outcome:                     %d proposed, %d contact only, %d not active, %d no case%n",
                    processed.path("proposed").asInt(), processed.path("contactOnly").asInt(),
                    processed.path("notActive").asInt(), processed.path("noCase").asInt());
            System.out.printf("  county queue (%,d open):     %.0f ms%n", queue.path("lines").size(), queueMillis);
        }
    }

    private static void register(Caseworker caseworker, List<String> idNumbers) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int client = 0; client < 4; client++) {
                int first = client;
                sent.add(clients.submit(() -> {
                    for (int i = first; i < idNumbers.size(); i += 4) {
                        caseworker.post("/api/registrations",
                                        Caseworker.windowRegistration(idNumbers.get(i), "比对" + i))
                                .expectStatus().isCreated();
                    }
                }));
            }
            for (Future<?> done : sent) {
                done.get();
            }
        } finally {
            clients.shutdown();
        }
    }

    /** Distinct valid numbers, adults born from 1970 on, 999 a day. */
    private static List<String> idNumbers(int count) {
        List<String> numbers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String body = "110105" + LocalDate.of(1970, 1, 1).plusDays(i / 999).format(BASIC)
                    + String.format("%03d", i % 999 + 1);
            numbers.add(body + TestIds.checkCharacter(body));
        }
        return numbers;
    }

    private static byte[] socialInsuranceFile(List<String> idNumbers, LocalDate referenceDate) {
        StringBuilder csv = new StringBuilder("身份证号,姓名,单位名称,日期\n");
        for (int i = 0; i < idNumbers.size(); i++) {
            csv.append(idNumbers.get(i)).append(",比对").append(i).append(",某某制造有限公司").append(i % 500)
                    .append(',').append(referenceDate.minusDays(i % 60)).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
