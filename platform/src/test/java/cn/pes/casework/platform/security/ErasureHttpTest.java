package cn.pes.casework.platform.security;

import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.TestIds;
import cn.pes.casework.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static cn.pes.casework.platform.CaseLifecycleFlow.caseIds;
import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasure by crypto-shredding, end to end: the person's personal data is encrypted in the event
 * store from the start; after the retention period an administrator erases it, and from then on it
 * is unreadable in every view and search, while the statistics (counts of the month, and the
 * registrations and endings that took effect in it) stay as they were.
 */
class ErasureHttpTest extends SecuredPlatformTest {

    /** A street no other test of the shared context acts in, so that its figures are this test's alone. */
    private static final String OWN_STREET = "990102002";

    @AfterEach
    void resetClock() {
        clock.set(NOW);
    }

    @Test
    void erasureAfterRetentionLeavesThePersonUnreadableEverywhereAndTheStatisticsUnchanged() {
        // Another person: registered on 10-28; the cancellation, recorded on 11-27, took effect on 10-30.
        clock.set(LocalDateTime.of(2026, 10, 28, 10, 0));
        String cancelledCase = caseworker("W-erasure", OWN_STREET)
                .registerAtWindow(TestIds.adult(), "韩" + System.nanoTime() % 100000);
        clock.set(NOW);
        Caseworker street = caseworker("W-erasure", OWN_STREET);
        street.post("/api/cases/" + cancelledCase + "/cancellation", Map.of(
                        "ground", "FULL_TIME_SCHOOL",
                        "evidence", Map.of("source", "DOCUMENT", "reference", "录取通知书2026-031"),
                        "effectiveDate", "2026-10-30",
                        "notification", Map.of("method", "PHONE", "notifiedOn", "2026-10-30")))
                .expectStatus().isOk();
        String idNumber = TestIds.adult();
        String name = "杨" + System.nanoTime() % 100000;
        String caseId = street.registerAtWindow(idNumber, name);
        street.phoneContact(caseId, NOW.toLocalDate(), true);
        street.post("/api/cases/" + caseId + "/employment", Map.of(
                        "employment", Map.of("type", "EMPLOYED_BY_UNIT", "employer", "XX电子厂",
                                "startDate", NOW.toLocalDate().toString()),
                        "evidence", Map.of("source", "DATA_MATCH", "reference", "SI-2026-11")))
                .expectStatus().isOk();
        eventually(() -> assertThat(street.caseView(caseId).path("status").asText()).isEqualTo("EMPLOYED"));

        // Stored encrypted from the start: the event store never held the plain values.
        assertThat(storedPayloads(caseId)).doesNotContain(idNumber, name, "13812345678");

        Caseworker admin = officer("S-erasure", CITY, Role.ADMINISTRATOR);
        admin.post("/api/cases/" + caseId + "/erasure", Map.of("reason", "保存期限届满"))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.ruleId").isEqualTo("PRIV-2");

        // Every read model has taken in the case's history before the figures are compared.
        eventually(() -> {
            assertThat(street.get("/api/agencies/" + OWN_STREET + "/tracking-ledger?month=2026-11").path("rows")
                    .toString()).contains(caseId);
            assertThat(street.get("/api/agencies/" + OWN_STREET + "/uncontacted-cases?month=2026-11").toString())
                    .doesNotContain(caseId);
        });
        Caseworker analyst = officer("N-erasure", CITY, Role.ANALYST);
        String statistics = "/api/statistics/agencies/" + OWN_STREET + "/caseload?month=2026-11";
        String october = "/api/statistics/agencies/" + OWN_STREET + "/caseload?month=2026-10";
        // The movements count in the month they took effect, whenever they were recorded.
        eventually(() -> {
            JsonNode november = analyst.get(statistics);
            assertThat(november.path("newRegistrations").asInt()).isEqualTo(1);
            assertThat(november.path("employed").asInt()).isEqualTo(1);
            assertThat(november.path("cancelled").asInt()).isZero();
            JsonNode inOctober = analyst.get(october);
            assertThat(inOctober.path("newRegistrations").asInt()).isEqualTo(1);
            assertThat(inOctober.path("employed").asInt()).isZero();
            assertThat(inOctober.path("cancelled").asInt()).isEqualTo(1);
        });
        JsonNode statisticsBefore = analyst.get(statistics);
        assertThat(statisticsBefore.path("activeCases").asInt()).isZero();
        assertThat(statisticsBefore.path("contactedCases").asInt()).isEqualTo(1);
        JsonNode octoberBefore = analyst.get(october);
        int ledgerRowsBefore = street.get("/api/agencies/" + OWN_STREET + "/tracking-ledger?month=2026-11")
                .path("rows").size();

        clock.set(NOW.plusYears(5).plusDays(1));
        Caseworker laterAdmin = officer("S-erasure", CITY, Role.ADMINISTRATOR);
        laterAdmin.post("/api/cases/" + caseId + "/erasure", Map.of("reason", "保存期限届满"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.caseId").isEqualTo(caseId);

        Caseworker later = caseworker("W-erasure", OWN_STREET);
        eventually(() -> assertThat(later.caseView(caseId).path("person").path("erased").asBoolean()).isTrue());
        JsonNode view = later.caseView(caseId);
        assertThat(view.toString()).doesNotContain(name, idNumber.substring(idNumber.length() - 4) + "\"");
        assertThat(view.path("status").asText()).isEqualTo("EMPLOYED");
        later.post("/api/cases/" + caseId + "/personal-data/disclosures", Map.of("purpose", "核对身份信息"))
                .expectStatus().isNotFound();
        eventually(() -> {
            assertThat(caseIds(later.searchByIdNumber(idNumber), "cases")).isEmpty();
            assertThat(caseIds(later.searchByName(name), "cases")).isEmpty();
        });
        JsonNode ledger = later.get("/api/agencies/" + OWN_STREET + "/tracking-ledger?month=2026-11");
        assertThat(ledger.path("rows").size()).isEqualTo(ledgerRowsBefore);
        assertThat(ledger.toString()).doesNotContain(name);

        Caseworker laterAnalyst = officer("N-erasure", CITY, Role.ANALYST);
        assertThat(laterAnalyst.get(statistics)).isEqualTo(statisticsBefore);
        assertThat(laterAnalyst.get(october)).isEqualTo(octoberBefore);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_key WHERE subject_id = ? "
                + "AND wrapped_key IS NULL AND destroyed_at IS NOT NULL", Integer.class, caseId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM person_case WHERE case_id = ?", Integer.class, caseId))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?",
                Integer.class, caseId)).isZero();
        JsonNode log = officer("A-erasure", CITY, Role.AUDITOR)
                .get("/api/audit/access-log?action=PERSONAL_DATA_ERASED&target=" + caseId);
        assertThat(log.path("entries")).singleElement()
                .satisfies(entry -> assertThat(entry.path("officerId").asText()).isEqualTo("S-erasure"));

        // The person may come back: a new case, nothing linking it to the erased one.
        String newCase = later.registerAtWindow(idNumber, name);
        assertThat(newCase).isNotEqualTo(caseId);
    }

    @Test
    void erasureWhileTheRegistrationIsActiveIsRefused() {
        clock.set(NOW);
        String caseId = caseworker("W-erasure-2", OTHER_COUNTY).registerAtWindow(TestIds.adult(), "朱一");
        clock.set(NOW.plusYears(6));
        officer("S-erasure", CITY, Role.ADMINISTRATOR).post("/api/cases/" + caseId + "/erasure",
                        Map.of("reason", "保存期限届满"))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.ruleId").isEqualTo("PRIV-1");
        // Not a count of all stored events: six years on, due deadlines of this and other cases append events
        // of their own while the request runs.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                + " AND payloadType LIKE ?", Long.class, caseId, "%PersonalDataErased")).isZero();
    }

    private String storedPayloads(String caseId) {
        List<byte[]> payloads = jdbc.queryForList("SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                byte[].class, caseId);
        StringBuilder all = new StringBuilder();
        payloads.forEach(payload -> all.append(new String(payload, StandardCharsets.UTF_8)));
        assertThat(all).isNotEmpty();
        return all.toString();
    }
}
