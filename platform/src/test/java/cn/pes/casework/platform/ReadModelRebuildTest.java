package cn.pes.casework.platform;

import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.TestIds;
import cn.pes.casework.query.catchup.CatchUpModule;
import cn.pes.casework.query.catchup.ReadModelCatchUp;
import cn.pes.casework.query.projection.ProjectionProcessingConfiguration;
import cn.pes.casework.query.projection.ReadModelLayout;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.bson.Document;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read models are derived data: with the read-model store deleted, a start replays the whole event
 * history into every projection and arrives at exactly the views that were there before.
 */
class ReadModelRebuildTest {

    /** The processors alone, or the catch-up (one read of the stream for all read models) taking every group. */
    private static final String PROCESSORS = "--pes.projections.catch-up.enabled=false";
    private static final String CATCH_UP = "--pes.projections.catch-up.min-events=1";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {PROCESSORS, CATCH_UP})
    void deletedReadModelsAreRebuiltIdenticallyFromTheEvents(String rebuild) throws Exception {
        String dataDir = PlatformTestConfiguration.freshDataDir("pes-rebuild-");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        YearMonth month = YearMonth.from(today);
        Map<String, JsonNode> before;

        try (ConfigurableApplicationContext first = RestartTest.start(dataDir)) {
            Caseworker caseworker = RestartTest.caseworker(first);
            List<String> cases = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String idNumber = TestIds.adult();
                String caseId = caseworker.registerAtWindow(idNumber, "重建" + i);
                if (i % 2 == 0) {
                    caseworker.phoneContact(caseId, today, true);
                }
                if (i == 4) {
                    caseworker.post("/api/cases/" + caseId + "/employment", Map.of(
                                    "employment", Map.of("type", "EMPLOYED_BY_UNIT", "employer", "XX公司", "startDate", today.toString()),
                                    "evidence", Map.of("source", "CALL", "reference", "电话记录-001")))
                            .expectStatus().isOk();
                    caseworker.registerAtWindow(idNumber, "重建" + i);
                }
                cases.add(caseId);
            }
            caseworker.post("/api/registrations",
                    Caseworker.onlineApplication(TestIds.adult(), "网上申请", "PROVINCIAL_GOVERNMENT_WEB"))
                    .expectStatus().isCreated();
            eventually(() -> assertThat(caseworker.history(cases.get(4)).path("entries")).hasSize(5));
            eventually(() -> assertThat(caseworker.pendingApplications(false).path("applications")).hasSize(1));
            // Five registrations and the second spell of the one who found work.
            eventually(() -> assertThat(statistics(caseworker, month).path("newRegistrations").asInt()).isEqualTo(6));
            before = views(caseworker, cases, month);
            assertThat(before.get("statistics").path("employed").asInt()).isEqualTo(1);
        }

        FileSystemUtils.deleteRecursively(Path.of(dataDir, "readmodels"));

        try (ConfigurableApplicationContext second = RestartTest.start(dataDir, rebuild)) {
            assertCaughtUpBy(second, rebuild);
            Caseworker caseworker = RestartTest.caseworker(second);
            List<String> cases = new ArrayList<>();
            before.keySet().stream().filter(key -> key.startsWith("case:"))
                    .forEach(key -> cases.add(key.substring("case:".length())));
            eventually(() -> assertThat(views(caseworker, cases, month)).isEqualTo(before));
        }
    }

    @Test
    void resettingEveryProcessingGroupReplaysIntoTheSameViews() throws Exception {
        String dataDir = PlatformTestConfiguration.freshDataDir("pes-reset-");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        YearMonth month = YearMonth.from(today);
        try (ConfigurableApplicationContext context = RestartTest.start(dataDir)) {
            Caseworker caseworker = RestartTest.caseworker(context);
            List<String> cases = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String caseId = caseworker.registerAtWindow(TestIds.adult(), "重放" + i);
                caseworker.phoneContact(caseId, today, i == 0);
                cases.add(caseId);
            }
            eventually(() -> assertThat(caseworker.history(cases.get(2)).path("entries")).hasSize(3));
            eventually(() -> assertThat(caseworker.ledger(month).path("rows")).hasSize(3));
            eventually(() -> assertThat(statistics(caseworker, month).path("newRegistrations").asInt()).isEqualTo(3));
            Map<String, JsonNode> before = views(caseworker, cases, month);

            // Damage the stored views: only a real replay into emptied collections repairs them,
            // since replayed events are not newer than what each document says it has applied.
            MongoDatabase readModels = context.getBean("readModelMongoClient", MongoClient.class).getDatabase("casework");
            readModels.getCollection("cases").updateMany(new Document(), new Document("$set", new Document("status", "CANCELLED")));
            readModels.getCollection("case_histories").updateMany(new Document(), new Document("$set", new Document("entries", List.of())));
            readModels.getCollection("registration_flows").updateMany(new Document(), new Document("$set", new Document("part", new Document())));
            assertThat(caseworker.caseView(cases.get(0)).path("status").asText()).isEqualTo("CANCELLED");
            assertThat(statistics(caseworker, month).path("newRegistrations").asInt()).isZero();

            // The processors stopped first, then the live feed, which holds the groups: neither takes
            // them while they are reset. The feed takes them again from their replay tokens.
            EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
            CatchUpModule feed = context.getBean(CatchUpModule.class);
            List<StreamingEventProcessor> processors = ProjectionProcessingConfiguration.PROCESSING_GROUPS.stream()
                    .map(group -> processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow()).toList();
            processors.forEach(StreamingEventProcessor::shutDown);
            feed.pause();
            processors.forEach(StreamingEventProcessor::resetTokens);
            // A reset leaves the segments claimed by this node's processors, which the feed's owner is not.
            for (String group : ProjectionProcessingConfiguration.PROCESSING_GROUPS) {
                TokenStore tokens = processing.tokenStore(group);
                for (int segment : tokens.fetchSegments(group)) {
                    tokens.releaseClaim(group, segment);
                }
            }
            assertThat(feed.catchUp(ProjectionProcessingConfiguration.PROCESSING_GROUPS).get(2, TimeUnit.MINUTES).caughtUp())
                    .containsExactlyInAnyOrderElementsOf(ProjectionProcessingConfiguration.PROCESSING_GROUPS);
            processors.forEach(StreamingEventProcessor::start);
            eventually(() -> assertThat(views(caseworker, cases, month)).isEqualTo(before));
        }
    }

    /**
     * A read-model store of an older layout is rebuilt at the start of a version with a newer one: its
     * documents would not be understood. Layout 1 (shared documents whole, before issue 10's fifth slice)
     * has no layout record; layout 2 (a ledger's parts by case, before its sixth) has one.
     */
    @ParameterizedTest(name = "layout {0}, {1}")
    @CsvSource({"1, " + PROCESSORS, "2, " + PROCESSORS, "2, " + CATCH_UP})
    void readModelsOfAnOlderLayoutAreRebuiltAtStart(int olderLayout, String rebuild) throws Exception {
        String dataDir = PlatformTestConfiguration.freshDataDir("pes-layout-");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        YearMonth month = YearMonth.from(today);
        Map<String, JsonNode> before;
        List<String> cases = new ArrayList<>();
        String oldLedgerId;
        try (ConfigurableApplicationContext first = RestartTest.start(dataDir)) {
            Caseworker caseworker = RestartTest.caseworker(first);
            for (int i = 0; i < 3; i++) {
                String caseId = caseworker.registerAtWindow(TestIds.adult(), "布局" + i);
                caseworker.phoneContact(caseId, today, i != 1);
                cases.add(caseId);
            }
            eventually(() -> assertThat(caseworker.ledger(month).path("rows")).hasSize(3));
            eventually(() -> assertThat(statistics(caseworker, month).path("newRegistrations").asInt()).isEqualTo(3));
            before = views(caseworker, cases, month);

            MongoDatabase readModels = first.getBean("readModelMongoClient", MongoClient.class).getDatabase("casework");
            assertThat(readModels.getCollection(ReadModelLayout.COLLECTION).find().first().getInteger("version"))
                    .isEqualTo(ReadModelLayout.CURRENT);
            // What a store of an older layout holds: a ledger document of its shape, and views that only a
            // replay would put right. Layout 1: no layout record, every case's part in one document.
            // Layout 2: a part per case, in documents bucketed by case.
            if (olderLayout == 1) {
                readModels.getCollection(ReadModelLayout.COLLECTION).drop();
                oldLedgerId = caseworker.agencyId() + "|" + month + "|00";
                readModels.getCollection("tracking_ledgers").insertOne(new Document("_id", oldLedgerId)
                        .append("cases", new Document("some-case", new Document("rows", List.of()))));
            } else {
                readModels.getCollection(ReadModelLayout.COLLECTION).updateOne(new Document(),
                        new Document("$set", new Document("version", 2)));
                oldLedgerId = caseworker.agencyId() + "|" + month + "|00#some-case";
                readModels.getCollection("tracking_ledgers").insertOne(new Document("_id", oldLedgerId)
                        .append("agencyId", caseworker.agencyId()).append("month", month.toString())
                        .append("seq", 3L).append("part", new Document("rows", List.of())));
            }
            readModels.getCollection("cases").updateMany(new Document(), new Document("$set", new Document("status", "CANCELLED")));
        }

        try (ConfigurableApplicationContext second = RestartTest.start(dataDir, rebuild)) {
            assertCaughtUpBy(second, rebuild);
            Caseworker caseworker = RestartTest.caseworker(second);
            eventually(() -> assertThat(views(caseworker, cases, month)).isEqualTo(before));
            MongoDatabase readModels = second.getBean("readModelMongoClient", MongoClient.class).getDatabase("casework");
            assertThat(readModels.getCollection("tracking_ledgers").find(new Document("_id", oldLedgerId)).first()).isNull();
            assertThat(readModels.getCollection(ReadModelLayout.COLLECTION).find().first().getInteger("version"))
                    .isEqualTo(ReadModelLayout.CURRENT);
        }
    }

    /** With the catch-up on, it took every read model; with it off, it ran none. */
    private static void assertCaughtUpBy(ConfigurableApplicationContext context, String rebuild) throws Exception {
        ReadModelCatchUp.Outcome outcome = context.getBean(CatchUpModule.class).lastRun().get(2, TimeUnit.MINUTES);
        if (rebuild.equals(CATCH_UP)) {
            assertThat(outcome.completed()).isTrue();
            assertThat(outcome.caughtUp()).containsExactlyInAnyOrderElementsOf(ProjectionProcessingConfiguration.PROCESSING_GROUPS);
            assertThat(outcome.events()).isPositive();
        } else {
            assertThat(outcome).isNull();
        }
    }

    private static Map<String, JsonNode> views(Caseworker caseworker, List<String> cases, YearMonth month) {
        Map<String, JsonNode> views = new LinkedHashMap<>();
        for (String caseId : cases) {
            views.put("case:" + caseId, caseworker.caseView(caseId));
            views.put("history:" + caseId, caseworker.history(caseId));
            views.put("search:" + caseId, caseworker.searchByIdNumber(
                    caseworker.reveal(caseId).path("idNumber").asText()));
        }
        views.put("ledger", caseworker.ledger(month));
        views.put("uncontacted", caseworker.uncontacted(month));
        views.put("pending", caseworker.pendingApplications(false));
        views.put("statistics", statistics(caseworker, month));
        return views;
    }

    private static JsonNode statistics(Caseworker caseworker, YearMonth month) {
        return caseworker.get("/api/statistics/agencies/" + caseworker.agencyId() + "/caseload?month=" + month);
    }
}
