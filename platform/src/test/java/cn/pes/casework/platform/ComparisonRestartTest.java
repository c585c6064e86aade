package cn.pes.casework.platform;

import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.ChildJvm;
import cn.pes.casework.platform.support.Eventually;
import cn.pes.casework.platform.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch of external records whose matching is cut by a {@code kill -9} is finished after the next
 * start, and nothing in it is applied twice: every matched person has exactly one tracking contact by
 * information comparison and one proposal, and the batch's counts are exact. The platform runs in a
 * child JVM so it can really be killed; small chunks, one command at a time, so the kill lands in the
 * middle of the batch.
 */
class ComparisonRestartTest {

    private static final int MATCHED = 150;
    private static final int UNKNOWN = 100;

    private ChildJvm platform;

    @AfterEach
    void stop() throws InterruptedException {
        if (platform != null) {
            platform.kill();
        }
    }

    @Test
    void batchCutByKillNineIsFinishedAfterTheRestartWithNothingAppliedTwice() throws Exception {
        String dataDir = PlatformTestConfiguration.freshDataDir("pes-comparison-kill9-");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        int port = ChildJvm.freePort();
        String[] arguments = {"--pes.data-dir=" + dataDir, "--pes.comparison.chunk-size=5",
                "--pes.comparison.parallelism=1"};
        platform = ChildJvm.start(PlatformApplication.class, new File(dataDir), port, arguments);
        Caseworker caseworker = new Caseworker(platform.awaitUp(), "officer-cmp-kill", "990101001");

        List<String> matched = new ArrayList<>();
        List<String> caseIds = new ArrayList<>();
        for (int i = 0; i < MATCHED; i++) {
            String idNumber = TestIds.adult();
            matched.add(idNumber);
            caseIds.add(caseworker.registerAtWindow(idNumber, "比对重启" + i));
        }
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < UNKNOWN; i++) {
            unknown.add(TestIds.adult());
        }

        String batchId = upload(caseworker, file(matched, unknown, today), today);
        AtomicInteger processedAtKill = new AtomicInteger();
        Eventually.eventually(Duration.ofSeconds(60), () -> {
            processedAtKill.set(caseworker.get("/api/comparison-batches/" + batchId).path("processed").path("rows").asInt());
            assertThat(processedAtKill.get()).as("matching has begun").isGreaterThanOrEqualTo(10);
        });
        platform.kill();
        assertThat(processedAtKill.get()).as("the kill lands in the middle of the batch").isLessThan(MATCHED + UNKNOWN);

        platform = ChildJvm.start(PlatformApplication.class, new File(dataDir), port, arguments);
        Caseworker afterCrash = new Caseworker(platform.awaitUp(), "officer-cmp-kill", "990101001");
        AtomicReference<JsonNode> batch = new AtomicReference<>();
        Eventually.eventually(Duration.ofSeconds(120), () -> {
            batch.set(afterCrash.get("/api/comparison-batches/" + batchId));
            assertThat(batch.get().path("status").asText()).isEqualTo("COMPLETED");
        });
        JsonNode processed = batch.get().path("processed");
        assertThat(processed.path("rows").asInt()).isEqualTo(MATCHED + UNKNOWN);
        assertThat(processed.path("proposed").asInt()).isEqualTo(MATCHED);
        assertThat(processed.path("contactOnly").asInt()).isZero();
        assertThat(processed.path("noCase").asInt()).isEqualTo(UNKNOWN);

        Eventually.eventually(Duration.ofSeconds(60), () -> {
            JsonNode ledger = afterCrash.ledger(YearMonth.from(today));
            long comparisonContacts = StreamSupport.stream(ledger.path("rows").spliterator(), false)
                    .filter(row -> "INFORMATION_COMPARISON".equals(row.path("method").asText()))
                    .filter(row -> caseIds.contains(row.path("caseId").asText()))
                    .count();
            assertThat(comparisonContacts).as("one contact by information comparison per matched person")
                    .isEqualTo(MATCHED);
        });
        for (String caseId : caseIds) {
            Eventually.eventually(Duration.ofSeconds(30), () -> assertThat(
                    afterCrash.get("/api/cases/" + caseId + "/status-change-proposals").path("lines"))
                    .as("one proposal for case %s", caseId).hasSize(1));
            // The history has an entry per stored event: the registration's two, then exactly one contact and one
            // proposal — an event stored twice would be an entry more, whatever the read models de-duplicate.
            Eventually.eventually(Duration.ofSeconds(30), () -> assertThat(afterCrash.history(caseId).path("entries"))
                    .as("events of case %s", caseId).hasSize(4));
        }
    }

    private static String upload(Caseworker caseworker, byte[] file, LocalDate referenceDate) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return "参保登记.csv";
            }
        }).contentType(MediaType.parseMediaType("text/csv"));
        form.part("kind", "SOCIAL_INSURANCE_ENROLMENT");
        form.part("source", "市社保中心");
        form.part("referenceDate", referenceDate.toString());
        JsonNode receipt = caseworker.http().post().uri("/api/comparison-batches")
                .header(HttpHeaders.AUTHORIZATION, caseworker.bearer())
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form.build()))
                .exchange().expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(receipt.path("validRows").asInt()).isEqualTo(MATCHED + UNKNOWN);
        return receipt.path("batchId").asText();
    }

    private static byte[] file(List<String> matched, List<String> unknown, LocalDate referenceDate) {
        StringBuilder csv = new StringBuilder("身份证号,单位名称,日期\n");
        List<String> all = new ArrayList<>(matched);
        all.addAll(unknown);
        for (int i = 0; i < all.size(); i++) {
            csv.append(all.get(i)).append(",重启测试制造有限公司,").append(referenceDate).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
