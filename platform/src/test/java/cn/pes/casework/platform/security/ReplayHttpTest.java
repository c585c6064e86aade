package cn.pes.casework.platform.security;

import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.TestIds;
import cn.pes.casework.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.net.URI;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays over HTTP on the whole platform: an analyst starts a replay of the live tracking ledger,
 * follows it to the end and finds it equal to the live view; an auditor reads the ledger the replay
 * built; a cut-off before everything builds an empty one; roles and bad input are refused.
 */
class ReplayHttpTest extends SecuredPlatformTest {

    /** A street few other tests use, so the ledger is small. */
    private static final String EAST_LAKE_WEST = "990101002";
    private static final YearMonth MONTH = YearMonth.from(NOW);

    @BeforeEach
    void atNow() {
        clock.set(NOW);
    }

    private Caseworker analyst() {
        return officer("N-replay", CITY, Role.ANALYST);
    }

    private JsonNode awaitFinished(Caseworker officer, String location) {
        List<JsonNode> found = new ArrayList<>();
        eventually(Duration.ofSeconds(60), () -> {
            JsonNode replay = officer.get(location);
            assertThat(replay.path("state").asText()).isIn("DONE", "FAILED", "CANCELLED", "INTERRUPTED");
            found.add(0, replay);
        });
        return found.get(0);
    }

    private String start(Caseworker officer, Map<String, Object> body) {
        URI location = officer.post("/api/replays", body)
                .expectStatus().isAccepted()
                .expectHeader().exists("Location")
                .returnResult(JsonNode.class).getResponseHeaders().getLocation();
        assertThat(location.getPath()).startsWith("/api/replays/");
        return location.getPath();
    }

    @Test
    void anAnalystReplaysTheLedgerAndItEqualsTheLiveViewWhichAnAuditorCanReadAsBuilt() {
        Caseworker caseworker = caseworker("W-replay", EAST_LAKE_WEST);
        String idNumber = TestIds.adult();
        String caseId = caseworker.registerAtWindow(idNumber, "严" + System.nanoTime() % 100000);
        String contactId = caseworker.phoneContact(caseId, NOW.toLocalDate(), true);
        eventually(() -> assertThat(caseworker.ledger(MONTH).path("rows").findValuesAsText("contactId")).contains(contactId));

        Caseworker analyst = analyst();
        // The live processors may still be applying other tests' events: a replay equals the live view once they are done.
        List<JsonNode> done = new ArrayList<>();
        eventually(Duration.ofSeconds(90), () -> {
            JsonNode replay = awaitFinished(analyst, start(analyst, Map.of("target", "tracking-ledger")));
            done.add(0, replay);
            assertThat(replay.path("equalToLive").asBoolean()).as(replay.toString()).isTrue();
        });
        JsonNode replay = done.get(0);
        assertThat(replay.path("state").asText()).isEqualTo("DONE");
        assertThat(replay.path("startedBy").asText()).isEqualTo("N-replay");
        assertThat(replay.path("eventsRead").asLong()).isPositive().isEqualTo(replay.path("totalEstimate").asLong());
        assertThat(replay.path("eventsApplied").asLong()).isEqualTo(replay.path("eventsRead").asLong());
        assertThat(replay.path("collections").findValuesAsText("collection"))
                .contains("tracking_ledgers", "ledger_people");
        String replayId = replay.path("replayId").asText();
        assertThat(analyst.get("/api/replays").path("replays").findValuesAsText("replayId")).contains(replayId);
        assertThat(analyst.get("/api/replays").path("targets").findValuesAsText("name"))
                .contains("tracking-ledger", "case-summary");

        Caseworker auditor = officer("A-replay", CITY, Role.AUDITOR);
        JsonNode ledger = auditor.get("/api/replays/" + replayId + "/tracking-ledger?agency=" + COUNTY + "&month=" + MONTH);
        assertThat(ledger.path("rows").findValuesAsText("contactId")).contains(contactId);
        assertThat(ledger.path("agencyIds").toString()).contains(COUNTY, EAST_LAKE_WEST).doesNotContain(OTHER_STREET);
        // Masked, as every ledger leaving the platform.
        assertThat(ledger.toString()).doesNotContain(idNumber);
        // The replayed ledger lists people: not for analysts.
        analyst.getting("/api/replays/" + replayId + "/tracking-ledger?agency=" + COUNTY).expectStatus().isForbidden();

        // A cut-off before any event: nothing applied, an empty ledger.
        JsonNode before = awaitFinished(analyst, start(analyst, Map.of("target", "tracking-ledger",
                "recordedUpTo", "2000-01-01T00:00")));
        assertThat(before.path("state").asText()).isEqualTo("DONE");
        assertThat(before.path("eventsApplied").asLong()).isZero();
        assertThat(before.path("eventsRead").asLong()).isPositive();
        assertThat(before.path("equalToLive").asBoolean()).isFalse();
        assertThat(auditor.get("/api/replays/" + before.path("replayId").asText() + "/tracking-ledger?agency=" + COUNTY
                + "&month=" + MONTH).path("rows").size()).isZero();
        // Each replayed ledger read is in the access log, as the live ledger's reads are; the refused one is not.
        assertThat(listExports("A-replay")).containsExactly(
                "replayed-tracking-ledger|replay=" + replayId + " agency=" + COUNTY + " month=" + MONTH
                        + " format=json rows=" + ledger.path("rows").size(),
                "replayed-tracking-ledger|replay=" + before.path("replayId").asText() + " agency=" + COUNTY + " month="
                        + MONTH + " format=json rows=0");
        assertThat(listExports("N-replay")).isEmpty();

        analyst.http().delete().uri("/api/replays/" + replayId).header("Authorization", analyst.bearer()).exchange()
               .expectStatus().isNoContent();
        analyst.getting("/api/replays/" + replayId).expectStatus().isNotFound();
        analyst.post("/api/replays/" + replayId + "/cancel", Map.of()).expectStatus().isNotFound();
    }

    @Test
    void onlyAnalystsAdministratorsAndAuditorsReplayAndBadInputIsAProblem() {
        caseworker("W-replay-2", EAST_LAKE_WEST).post("/api/replays", Map.of("target", "tracking-ledger"))
                .expectStatus().isForbidden();
        officer("R-replay", CITY, Role.REVIEWER).getting("/api/replays").expectStatus().isForbidden();
        officer("S-replay", CITY, Role.ADMINISTRATOR).getting("/api/replays").expectStatus().isOk();

        Caseworker analyst = analyst();
        analyst.post("/api/replays", Map.of("target", "no-such-view"))
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo("target").jsonPath("$.ruleId").isEqualTo("INPUT");
        analyst.post("/api/replays", Map.of("target", "tracking-ledger", "recordedUpTo", "yesterday"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("recordedUpTo");
        analyst.post("/api/replays", Map.of())
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("target");
        analyst.getting("/api/replays/no-such-replay").expectStatus().isNotFound();
    }
}
