package cn.pes.casework.platform;

import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** Concurrent writes to one person or one case never lose or duplicate anything. */
@SpringBootTest(classes = PlatformApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=platform", "pes.snapshots.event-threshold=5"})
@Import(PlatformTestConfiguration.class)
class ConcurrencyHttpTest {

    private static final String DATA_DIR = PlatformTestConfiguration.freshDataDir("pes-concurrency-");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("pes.data-dir", () -> DATA_DIR);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twentySimultaneousRegistrationsOfOnePersonGiveExactlyOneActiveCase() throws Exception {
        String idNumber = TestIds.adult();
        List<Integer> statuses = all(20, i -> new Caseworker(port, "officer-" + i, i % 2 == 0 ? "990101001" : "990102001")
                .post("/api/registrations", Caseworker.windowRegistration(idNumber, "并发"))
                .returnResult(String.class).getStatus().value());

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(19);

        Caseworker reader = new Caseworker(port, "reader", "990101");
        eventually(() -> assertThat(CaseLifecycleFlow.caseIds(reader.searchByIdNumber(idNumber), "cases")).hasSize(1));
        String caseId = CaseLifecycleFlow.caseIds(reader.searchByIdNumber(idNumber), "cases").get(0);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Integer.class, caseId)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType LIKE '%CaseOpened' "
                + "AND aggregateIdentifier IN (SELECT case_id FROM person_case)", Integer.class))
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM person_case", Integer.class));
    }

    @Test
    void concurrentContactsOnOneCaseAreAllRecorded() throws Exception {
        Caseworker caseworker = new Caseworker(port, "officer-chen", "990101001");
        String caseId = caseworker.registerAtWindow(TestIds.adult(), "多次联系");

        List<Integer> statuses = all(20, i -> new Caseworker(port, "officer-" + i, "990101001")
                .post("/api/cases/" + caseId + "/contacts", Map.of(
                        "contactDate", CaseLifecycleFlow.TODAY.toString(), "method", "PHONE", "reached", false))
                .returnResult(String.class).getStatus().value());

        assertThat(statuses).containsOnly(201);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Integer.class, caseId)).isEqualTo(22);
        // With a threshold of 5 the case was loaded from snapshots along the way; the last contact
        // after them must still see the whole state (a resent contact is recognised).
        eventually(() -> assertThat(jdbc.queryForObject(
                "SELECT COUNT(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?", Integer.class, caseId))
                .isPositive());
        caseworker.post("/api/cases/" + caseId + "/contacts", Map.of("contactId", "resent-contact-0001",
                "contactDate", CaseLifecycleFlow.TODAY.toString(), "method", "PHONE", "reached", false))
                .expectStatus().isCreated();
        caseworker.post("/api/cases/" + caseId + "/contacts", Map.of("contactId", "resent-contact-0001",
                "contactDate", CaseLifecycleFlow.TODAY.toString(), "method", "PHONE", "reached", false))
                .expectStatus().isCreated();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Integer.class, caseId)).isEqualTo(23);
        eventually(() -> assertThat(caseworker.history(caseId).path("entries")).hasSize(23));
    }

    /**
     * JOB-5: a fair is one aggregate for all its visitors. Twenty recorded at once are all counted, once,
     * and the fair, loaded from snapshots along the way, still knows every one of them.
     */
    @Test
    void concurrentAttendanceAtOneFairIsAllRecordedOnce() throws Exception {
        Caseworker organiser = new Caseworker(port, "officer-fair", "990101");
        List<String> caseIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            caseIds.add(new Caseworker(port, "officer-chen", "990101001").registerAtWindow(TestIds.adult(), "招聘会"));
        }
        String fairId = organiser.post("/api/fairs", Map.of("title", "就业援助月专场招聘会", "format", "OFFLINE",
                        "heldOn", CaseLifecycleFlow.TODAY.toString(), "place", "XX市人力资源市场",
                        "organiserAgencyId", "990101"))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("fairId").asText();

        List<Integer> statuses = all(20, i -> new Caseworker(port, "officer-" + i, "990101")
                .post("/api/fairs/" + fairId + "/attendance", Map.of("caseId", caseIds.get(i)))
                .returnResult(String.class).getStatus().value());

        assertThat(statuses).containsOnly(200);
        assertThat(fairEvents(fairId)).isEqualTo(21);
        eventually(() -> assertThat(jdbc.queryForObject(
                "SELECT COUNT(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?", Integer.class, fairId))
                .isPositive());
        organiser.post("/api/fairs/" + fairId + "/attendance", Map.of("caseId", caseIds.get(0)))
                .expectStatus().isOk();
        assertThat(fairEvents(fairId)).as("a visitor recorded again is recorded once").isEqualTo(21);
        organiser.post("/api/fairs/" + fairId + "/closure", Map.of()).expectStatus().isOk();
        byte[] closing = jdbc.queryForObject("SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                + " AND payloadType LIKE '%RecruitmentFairClosed'", byte[].class, fairId);
        assertThat(new ObjectMapper().readTree(closing).path("attended").asInt()).isEqualTo(20);
    }

    private int fairEvents(String fairId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Integer.class, fairId);
    }

    private static List<Integer> all(int count, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                Callable<Integer> call = () -> {
                    start.await();
                    return task.run(n);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private interface Task {
        int run(int n);
    }
}
