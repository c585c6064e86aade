package cn.pes.casework.platform.security;

import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.TestIds;
import cn.pes.casework.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history integrity check end to end (auditors' item 7): a case made over HTTP is an intact chain; a stored
 * event edited behind the platform's back (plain SQL, as someone with database access) is named by its sequence;
 * an erasure, which destroys a key but no stored byte, leaves the chain intact.
 */
class IntegrityCheckHttpTest extends SecuredPlatformTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void resetClock() {
        clock.set(NOW);
    }

    @Test
    void aCaseMadeOverHttpIsIntactUntilAStoredEventIsEditedBehindThePlatformsBack() throws Exception {
        Caseworker street = caseworker("W-chain", STREET);
        String caseId = street.registerAtWindow(TestIds.adult(), "链" + System.nanoTime() % 100000);
        street.phoneContact(caseId, NOW.toLocalDate(), false);
        street.phoneContact(caseId, NOW.toLocalDate(), false);
        street.phoneContact(caseId, NOW.toLocalDate(), true);
        long stored = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Long.class, caseId);
        assertThat(stored).isGreaterThanOrEqualTo(4);

        Caseworker auditor = officer("A-chain", CITY, Role.AUDITOR);
        JsonNode intact = check(auditor, caseId);
        assertThat(intact.path("intact").asBoolean()).isTrue();
        assertThat(intact.path("eventsChecked").asLong()).isEqualTo(stored);
        assertThat(intact.path("preChainEvents").asInt()).isZero();
        assertThat(intact.path("headHash").asText()).hasSize(64);
        assertThat(intact.has("firstBreak") && !intact.path("firstBreak").isNull()).isFalse();
        // The administrator may check too; the answer is the same chain.
        assertThat(check(officer("S-chain", CITY, Role.ADMINISTRATOR), caseId).path("headHash"))
                .isEqualTo(intact.path("headHash"));

        // One byte more in the stored payload of event 2 (white space: the event still reads as before).
        byte[] payload = jdbc.queryForObject("SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = 2", byte[].class, caseId);
        String text = new String(payload, StandardCharsets.UTF_8);
        String edited = text.substring(0, text.lastIndexOf('}')) + " }";
        assertThat(jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = 2", edited.getBytes(StandardCharsets.UTF_8), caseId)).isEqualTo(1);
        String eventId = jdbc.queryForObject("SELECT eventIdentifier FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = 2", String.class, caseId);

        JsonNode broken = check(auditor, caseId);
        assertThat(broken.path("intact").asBoolean()).isFalse();
        assertThat(broken.path("firstBreak").path("sequenceNumber").asLong()).isEqualTo(2);
        assertThat(broken.path("firstBreak").path("eventId").asText()).isEqualTo(eventId);
        assertThat(broken.path("firstBreak").path("kind").asText()).isEqualTo("CONTENT_CHANGED");
        assertThat(broken.path("eventsChecked").asLong()).isEqualTo(stored);

        // Put back as it was, the chain is whole again: the check compares bytes, it keeps no state.
        jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE aggregateIdentifier = ? AND sequenceNumber = 2",
                payload, caseId);
        assertThat(check(auditor, caseId).path("intact").asBoolean()).isTrue();
    }

    @Test
    void anErasureLeavesTheChainIntact() throws Exception {
        Caseworker street = caseworker("W-chain-2", STREET);
        String caseId = street.registerAtWindow(TestIds.adult(), "销" + System.nanoTime() % 100000);
        street.post("/api/cases/" + caseId + "/employment", Map.of(
                        "employment", Map.of("type", "EMPLOYED_BY_UNIT", "employer", "XX电子厂",
                                "startDate", NOW.toLocalDate().toString()),
                        "evidence", Map.of("source", "DATA_MATCH", "reference", "SI-2026-11")))
                .expectStatus().isOk();
        Caseworker auditor = officer("A-chain", CITY, Role.AUDITOR);
        JsonNode before = check(auditor, caseId);
        assertThat(before.path("intact").asBoolean()).isTrue();

        clock.set(NOW.plusYears(5).plusDays(1));
        officer("S-chain", CITY, Role.ADMINISTRATOR).post("/api/cases/" + caseId + "/erasure",
                        Map.of("reason", "保存期限届满"))
                .expectStatus().isOk();
        Caseworker later = caseworker("W-chain-2", STREET);
        eventually(() -> assertThat(later.caseView(caseId).path("person").path("erased").asBoolean()).isTrue());

        JsonNode after = check(officer("A-chain", CITY, Role.AUDITOR), caseId);
        assertThat(after.path("intact").asBoolean()).isTrue();
        assertThat(after.path("eventsChecked").asInt()).isEqualTo(before.path("eventsChecked").asInt() + 1);
        assertThat(after.path("headHash").asText()).isNotEqualTo(before.path("headHash").asText());
    }

    @Test
    void onlyAuditorsAndAdministratorsCheckAndBadInputIsAProblem() {
        String caseId = caseworker("W-chain-3", STREET).registerAtWindow(TestIds.adult(), "权" + System.nanoTime() % 100000);
        for (Role role : new Role[]{Role.CASEWORKER, Role.REVIEWER, Role.ANALYST}) {
            officer("X-chain", CITY, role).post("/api/cases/" + caseId + "/integrity-checks", Map.of())
                    .expectStatus().isForbidden();
        }
        Caseworker auditor = officer("A-chain", CITY, Role.AUDITOR);
        auditor.post("/api/cases/01a21e55-0000-7000-8000-000000000000/integrity-checks", Map.of())
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("CASE_NOT_FOUND").jsonPath("$.field").isEqualTo("caseId");
        auditor.post("/api/cases/" + "a".repeat(65) + "/integrity-checks", Map.of())
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.ruleId").isEqualTo("INPUT").jsonPath("$.field").isEqualTo("caseId");
        auditor.post("/api/cases/x'or'1=1/integrity-checks", Map.of())
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("caseId");
    }

    @Test
    void theAuditorsPageRunsTheCheckAndSaysWhatItFoundInWords() {
        Caseworker street = caseworker("W-chain-4", STREET);
        String caseId = street.registerAtWindow(TestIds.adult(), "页" + System.nanoTime() % 100000);
        street.phoneContact(caseId, NOW.toLocalDate(), false);
        Caseworker auditor = officer("A-chain", CITY, Role.AUDITOR);
        eventually(() -> assertThat(page(auditor, "/cases/" + caseId)).contains("class=\"integrity-check\"",
                "/cases/" + caseId + "/integrity"));
        assertThat(page(street, "/cases/" + caseId)).doesNotContain("integrity-check");

        assertThat(page(auditor, "/cases/" + caseId + "/integrity")).contains("历史完整性校验", "开始校验")
                .doesNotContain("校验结果");
        String intact = run(auditor, caseId).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        long stored = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Long.class, caseId);
        assertThat(intact).contains("完整：已校验 " + stored + " 个事件", "data-intact=\"true\"");

        // The deleted row is put back afterwards: the platform tests share one event store, and a later
        // replay of the whole history must not find this test's tampering.
        String aside = "chain_test_deleted_" + Math.abs(caseId.hashCode());
        jdbc.execute("CREATE TABLE " + aside + " AS SELECT * FROM DomainEventEntry WHERE aggregateIdentifier = '"
                + caseId + "' AND sequenceNumber = 0");
        try {
            jdbc.update("DELETE FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = 0", caseId);
            String broken = run(auditor, caseId).expectStatus().isOk().expectBody(String.class).returnResult()
                    .getResponseBody();
            assertThat(broken).contains("从序号 1 的事件起哈希链断开（事件缺失）", "有事件被删除", "data-intact=\"false\"");
            String english = auditor.http().post().uri("/cases/" + caseId + "/integrity?lang=en")
                    .header(HttpHeaders.AUTHORIZATION, auditor.bearer()).exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
            assertThat(english).contains("the chain breaks at the event with sequence number 1 (event missing)");
        } finally {
            jdbc.update("INSERT INTO DomainEventEntry SELECT * FROM " + aside);
            jdbc.execute("DROP TABLE " + aside);
        }
        assertThat(run(auditor, caseId).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
                .as("intact again once the row is back").contains("data-intact=\"true\"");

        run(street, caseId).expectStatus().isForbidden();
        run(auditor, "01a21e55-0000-7000-8000-000000000000").expectStatus().isNotFound();
    }

    private static String page(Caseworker officer, String path) {
        return officer.getting(path).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private static WebTestClient.ResponseSpec run(Caseworker officer, String caseId) {
        return officer.http().post().uri("/cases/" + caseId + "/integrity")
                .header(HttpHeaders.AUTHORIZATION, officer.bearer())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .exchange();
    }

    private static JsonNode check(Caseworker officer, String caseId) throws Exception {
        byte[] body = officer.post("/api/cases/" + caseId + "/integrity-checks", Map.of())
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }
}
