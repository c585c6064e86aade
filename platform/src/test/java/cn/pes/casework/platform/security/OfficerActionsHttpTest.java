package cn.pes.casework.platform.security;

import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.TestIds;
import cn.pes.casework.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who did what (GET /api/audit/actions) and reads in the access log, over real commands and reads:
 * an auditor finds exactly one officer's actions, a request's actions by its correlation ID, the case
 * reads and the ledger exports of an officer; nobody else may search.
 */
class OfficerActionsHttpTest extends SecuredPlatformTest {

    /** A street no other platform test registers at (the erasure test counts 990102002's figures exactly). */
    private static final String NEW_TOWN = "990101002";
    private final ObjectMapper json = new ObjectMapper();
    private final String suffix = Long.toString(System.nanoTime() % 1_000_000);

    @BeforeEach
    void atNow() {
        clock.set(NOW);
    }

    /** Events are stamped by the store's clock, not the test's: the period covers both. */
    private String period() {
        LocalDate today = LocalDate.now(zone());
        LocalDate from = (today.isBefore(NOW.toLocalDate()) ? today : NOW.toLocalDate()).minusDays(1);
        LocalDate to = (today.isAfter(NOW.toLocalDate()) ? today : NOW.toLocalDate()).plusDays(1);
        return "&from=" + from + "&to=" + to;
    }

    private Caseworker auditor() {
        return officer("A-trail-" + suffix, CITY, Role.AUDITOR);
    }

    /** The IDs of the stored events whose metadata names the officer. */
    private Set<String> storedEventsOf(String officerId) throws Exception {
        Set<String> ids = new TreeSet<>();
        for (Map<String, Object> row : jdbc.queryForList("SELECT eventIdentifier, metaData FROM DomainEventEntry")) {
            JsonNode metaData = json.readTree(new String((byte[]) row.get("metaData"), StandardCharsets.UTF_8));
            if (officerId.equals(metaData.path("officerId").asText())) {
                ids.add(row.get("eventIdentifier").toString());
            }
        }
        return ids;
    }

    private static Set<String> eventIds(JsonNode answer) {
        Set<String> ids = new TreeSet<>();
        answer.path("actions").forEach(action -> ids.add(action.path("eventId").asText()));
        return ids;
    }

    @Test
    void theAuditorFindsExactlyOneOfficersActionsAndARequestsActions() throws Exception {
        Caseworker a = caseworker("W-trail-a-" + suffix, NEW_TOWN);
        Caseworker b = caseworker("W-trail-b-" + suffix, OTHER_STREET);
        String first = a.registerAtWindow(TestIds.adult(), "甲" + suffix);
        a.phoneContact(first, NOW.toLocalDate(), true);
        String second = b.registerAtWindow(TestIds.adult(), "乙" + suffix);
        b.phoneContact(second, NOW.toLocalDate(), false);
        Set<String> ofA = storedEventsOf(a.officerId());
        Set<String> ofB = storedEventsOf(b.officerId());
        assertThat(ofA).hasSizeGreaterThanOrEqualTo(3);
        Caseworker auditor = auditor();

        eventually(() -> assertThat(eventIds(auditor.get("/api/audit/actions?officer=" + a.officerId() + period())))
                .isEqualTo(ofA));
        JsonNode actions = auditor.get("/api/audit/actions?officer=" + a.officerId() + period()).path("actions");
        List<String> types = new ArrayList<>();
        actions.forEach(action -> {
            assertThat(action.path("officerId").asText()).isEqualTo(a.officerId());
            assertThat(action.path("agencyId").asText()).isEqualTo(NEW_TOWN);
            assertThat(action.path("aggregateType").asText()).isEqualTo("ClientCase");
            assertThat(action.path("aggregateId").asText()).isEqualTo(first);
            assertThat(action.path("channel").asText()).isIn("WINDOW", "BACK_OFFICE");
            assertThat(action.path("label").asText()).isNotBlank();
            types.add(action.path("eventType").asText());
        });
        assertThat(actions.get(0).path("channel").asText()).isEqualTo("WINDOW");
        assertThat(types).startsWith("CaseOpened").contains("UnemploymentRegistered").endsWith("TrackingContactRecorded");
        assertThat(actions.toString()).doesNotContain("甲" + suffix);
        eventually(() -> assertThat(eventIds(auditor.get("/api/audit/actions?officer=" + b.officerId() + period())))
                .isEqualTo(ofB));
        // The agency's days hold A's actions (and nothing of B's, who acted elsewhere).
        assertThat(eventIds(auditor.get("/api/audit/actions?agency=" + NEW_TOWN + period()))).containsAll(ofA)
                .doesNotContainAnyElementsOf(ofB);

        // The registration request's correlation ID leads to everything it caused, and only that.
        String registration = actions.get(0).path("correlationId").asText();
        assertThat(registration).isNotBlank();
        JsonNode request = auditor.get("/api/audit/actions?correlation=" + registration).path("actions");
        assertThat(request.size()).isGreaterThanOrEqualTo(2).isLessThan(actions.size());
        request.forEach(action -> assertThat(action.path("correlationId").asText()).isEqualTo(registration));

        // Administrators may look too; nobody else.
        officer("S-trail-" + suffix, CITY, Role.ADMINISTRATOR)
                .getting("/api/audit/actions?officer=" + a.officerId() + period()).expectStatus().isOk();
        a.getting("/api/audit/actions?officer=" + a.officerId() + period()).expectStatus().isForbidden();
        officer("N-trail-" + suffix, CITY, Role.ANALYST)
                .getting("/api/audit/actions?officer=" + a.officerId() + period()).expectStatus().isForbidden();
        officer("R-trail-" + suffix, CITY, Role.REVIEWER)
                .getting("/api/audit/actions?officer=" + a.officerId() + period()).expectStatus().isForbidden();
    }

    @Test
    void badSearchesAreProblemsNamingTheField() {
        Caseworker auditor = auditor();
        problem(auditor, "/api/audit/actions?officer=W1", "from");
        problem(auditor, "/api/audit/actions?officer=W1&from=2026-11-01&to=yesterday", "to");
        problem(auditor, "/api/audit/actions?officer=W1&from=2026-11-02&to=2026-11-01", "to");
        problem(auditor, "/api/audit/actions?officer=W1&from=2025-11-01&to=2026-11-03", "to");
        problem(auditor, "/api/audit/actions?from=2026-11-01&to=2026-11-03", "officer");
        problem(auditor, "/api/audit/actions?officer=" + "W".repeat(101) + "&from=2026-11-01&to=2026-11-03", "officer");
        auditor.getting("/api/audit/actions?officer=W1&agency=990101&from=2026-11-01&to=2026-11-03")
                .expectStatus().isBadRequest();
        // A full year is allowed.
        auditor.getting("/api/audit/actions?officer=W1&from=2025-11-03&to=2026-11-03").expectStatus().isOk();
    }

    private static void problem(Caseworker auditor, String path, String field) {
        auditor.getting(path).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.ruleId").isEqualTo("INPUT").jsonPath("$.field").isEqualTo(field);
    }

    @Test
    void caseReadsAndLedgerExportsAreInTheAccessLogForTheAuditor() {
        Caseworker reader = caseworker("W-reader-" + suffix, NEW_TOWN);
        String caseId = reader.registerAtWindow(TestIds.adult(), "丙" + suffix);
        eventually(() -> reader.getting("/api/cases/" + caseId).expectStatus().isOk());
        eventually(() -> reader.getting("/api/cases/" + caseId + "/history").expectStatus().isOk());
        reader.getting("/ledger.csv?month=" + YearMonth.from(NOW)).expectStatus().isOk();
        reader.getting("/ledger.xlsx?month=" + YearMonth.from(NOW)).expectStatus().isOk();
        // A case that does not exist was not viewed.
        reader.getting("/api/cases/0192f000-0000-7000-8000-000000000000").expectStatus().isNotFound();
        Caseworker auditor = auditor();

        JsonNode views = auditor.get("/api/audit/access-log?officerId=" + reader.officerId() + "&action=CASE_VIEWED");
        List<String> details = new ArrayList<>();
        views.path("entries").forEach(entry -> {
            assertThat(entry.path("target").asText()).isEqualTo(caseId);
            assertThat(entry.path("agencyId").asText()).isEqualTo(NEW_TOWN);
            details.add(entry.path("detail").asText());
        });
        assertThat(details).contains("GET /api/cases/{id}", "GET /api/cases/{id}/history");
        JsonNode byCase = auditor.get("/api/audit/access-log?target=" + caseId);
        assertThat(byCase.path("entries").size()).isEqualTo(views.path("entries").size());

        JsonNode exports = auditor.get("/api/audit/access-log?officerId=" + reader.officerId() + "&action=LIST_EXPORTED");
        List<String> exported = new ArrayList<>();
        exports.path("entries").forEach(entry -> {
            assertThat(entry.path("target").asText()).isEqualTo("tracking-ledger");
            exported.add(entry.path("detail").asText());
        });
        assertThat(exported).anySatisfy(detail -> assertThat(detail)
                        .startsWith("agency=" + NEW_TOWN + " month=" + YearMonth.from(NOW) + " format=csv rows="))
                .anySatisfy(detail -> assertThat(detail)
                        .startsWith("agency=" + NEW_TOWN + " month=" + YearMonth.from(NOW) + " format=xlsx rows="));
        assertThat(exports.toString()).doesNotContain("丙" + suffix);

        // A caseworker cannot read the log.
        reader.getting("/api/audit/access-log?officerId=" + reader.officerId()).expectStatus().isForbidden();
    }

    /** "Not in the log" must mean "not read": a read whose row cannot be written is refused. */
    @Test
    void aReadThatCannotBeLoggedIsRefused() {
        Caseworker reader = caseworker("W-nolog-" + suffix, NEW_TOWN);
        String caseId = reader.registerAtWindow(TestIds.adult(), "戊" + suffix);
        eventually(() -> reader.getting("/api/cases/" + caseId).expectStatus().isOk());
        jdbc.execute("ALTER TABLE access_log RENAME TO access_log_away");
        try {
            reader.getting("/api/cases/" + caseId).expectStatus().isEqualTo(503)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody(String.class).value(body -> assertThat(body).doesNotContain("戊" + suffix));
            reader.getting("/ledger.csv?month=" + YearMonth.from(NOW)).expectStatus().isEqualTo(503);
        } finally {
            jdbc.execute("ALTER TABLE access_log_away RENAME TO access_log");
        }
        reader.getting("/api/cases/" + caseId).expectStatus().isOk();
    }

    @Test
    void aReadIsRecordedWithTheCorrelationIdTheClientSent() {
        Caseworker reader = caseworker("W-corr-" + suffix, NEW_TOWN);
        String caseId = reader.registerAtWindow(TestIds.adult(), "丁" + suffix);
        eventually(() -> reader.getting("/api/cases/" + caseId).expectStatus().isOk());
        String correlation = "read-" + suffix;
        // The history is its own read model and may trail the case by a moment.
        eventually(() -> reader.http().get().uri("/api/cases/" + caseId + "/history")
                .header("Authorization", reader.bearer()).header("X-Correlation-Id", correlation)
                .exchange().expectStatus().isOk());

        JsonNode entries = auditor().get("/api/audit/access-log?officerId=" + reader.officerId()
                + "&action=CASE_VIEWED&target=" + caseId).path("entries");
        assertThat(entries.get(0).path("correlationId").asText()).isEqualTo(correlation);
        assertThat(entries.get(0).path("detail").asText()).isEqualTo("GET /api/cases/{id}/history");
    }
}
