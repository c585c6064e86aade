package cn.pes.casework.platform.security;

import cn.pes.casework.events.shared.Masking;
import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.TestIds;
import cn.pes.casework.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case at a past moment over HTTP: registered, then an employment recorded afterwards but in effect
 * from the registration day. Asked for the moment between the two, the recorded basis shows what the
 * agency knew (registered), the effective basis what is known now (employed), and the employment is
 * learned later. Events carry the real recording time, so the platform's clock is set to the real day.
 */
class CaseAsOfHttpTest extends SecuredPlatformTest {

    private final String name = "岳" + System.nanoTime() % 100000;
    private Caseworker street;
    private String idNumber;
    private String caseId;
    private Instant between;
    private LocalDate today;

    @BeforeEach
    void registeredThenEmployedFromTheSameDay() throws InterruptedException {
        LocalDateTime now = LocalDateTime.now(zone()).truncatedTo(ChronoUnit.SECONDS);
        if (!now.plusMinutes(5).toLocalDate().equals(now.toLocalDate())) {
            // The platform's clock runs five minutes ahead so that real recording times are in its past; in
            // the last five minutes before midnight (agency zone) that would put its day after the real one.
            Thread.sleep(java.time.Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay()).toMillis() + 1000);
            now = LocalDateTime.now(zone()).truncatedTo(ChronoUnit.SECONDS);
        }
        clock.set(now.plusMinutes(5));
        today = now.toLocalDate();
        street = caseworker("W-asof-street", STREET);
        idNumber = TestIds.adult();
        caseId = street.registerAtWindow(idNumber, name);
        eventually(() -> assertThat(street.history(caseId).path("entries")).hasSize(2));
        // Whole seconds, clear of both events, so that the local date-time form names the same moment.
        Thread.sleep(1100);
        between = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Thread.sleep(1100);
        street.post("/api/cases/" + caseId + "/employment", Map.of(
                "employment", Map.of("type", "EMPLOYED_BY_UNIT", "employer", "XX机械厂", "startDate", today.toString()),
                "evidence", Map.of("source", "DATA_MATCH", "reference", "SI-asof"))).expectStatus().isOk();
        eventually(() -> assertThat(street.caseView(caseId).path("status").asText()).isEqualTo("EMPLOYED"));
    }

    @AfterEach
    void clockBack() {
        clock.set(NOW);
    }

    private String asOf(Instant at, String basis) {
        return "/api/cases/" + caseId + "/as-of?at=" + at + "&basis=" + basis;
    }

    @Test
    void whatTheAgencyKnewThenAndWhatItLearnedLater() {
        JsonNode recorded = street.get(asOf(between, "RECORDED"));
        assertThat(recorded.path("existedThen").asBoolean()).isTrue();
        assertThat(recorded.path("caseThen").path("status").asText()).isEqualTo("ACTIVE");
        assertThat(recorded.path("history")).hasSize(2);
        assertThat(recorded.path("learnedLater")).hasSize(1);
        JsonNode learned = recorded.path("learnedLater").get(0);
        assertThat(learned.path("eventType").asText()).isEqualTo("Employed");
        assertThat(learned.path("effectiveDate").asText()).isEqualTo(today.toString());
        assertThat(Instant.parse(learned.path("recordedAt").asText())).isAfter(between);
        assertThat(recorded.path("differences").toString()).contains("\"status\"", "ACTIVE", "EMPLOYED");
        // Masked like the case itself.
        JsonNode person = recorded.path("caseThen").path("person");
        assertThat(person.path("idNumber").asText()).isEqualTo(Masking.idNumber(idNumber));
        assertThat(person.path("name").asText()).isEqualTo(Masking.name(name));
        assertThat(recorded.toString()).doesNotContain(idNumber);

        JsonNode effective = street.get(asOf(between, "EFFECTIVE"));
        assertThat(effective.path("caseThen").path("status").asText()).isEqualTo("EMPLOYED");
        assertThat(effective.path("history")).hasSize(3);

        JsonNode local = street.get("/api/cases/" + caseId + "/as-of?at=" + LocalDateTime.ofInstant(between, zone()));
        assertThat(local.path("basis").asText()).isEqualTo("RECORDED");
        assertThat(local.path("caseThen").path("status").asText()).isEqualTo("ACTIVE");

        JsonNode before = street.get(asOf(between.minus(2, ChronoUnit.DAYS), "RECORDED"));
        assertThat(before.path("existedThen").asBoolean()).isFalse();
        assertThat(before.path("caseThen").isNull() || before.path("caseThen").isMissingNode()).isTrue();
    }

    @Test
    void everyReadIsInTheAccessLog() {
        long before = reads();
        street.get(asOf(between, "EFFECTIVE"));
        assertThat(reads()).isEqualTo(before + 1);
        List<String> details = jdbc.queryForList("SELECT detail FROM access_log WHERE action = 'CASE_VIEWED' AND target = ?",
                String.class, caseId);
        assertThat(details).contains("as of " + between + " EFFECTIVE");
    }

    private long reads() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE action = 'CASE_VIEWED' AND target = ?",
                Long.class, caseId);
    }

    @Test
    void auditorsCityWideCaseworkersWithinTheirAgencies() {
        officer("A-asof", CITY, Role.AUDITOR).getting(asOf(between, "RECORDED")).expectStatus().isOk();
        caseworker("W-asof-county", COUNTY).getting(asOf(between, "RECORDED")).expectStatus().isOk();
        long before = reads();
        problem(caseworker("W-asof-other", OTHER_STREET).getting(asOf(between, "RECORDED")), 404);
        officer("N-asof", CITY, Role.ANALYST).getting(asOf(between, "RECORDED")).expectStatus().isForbidden();
        officer("R-asof", CITY, Role.REVIEWER).getting(asOf(between, "RECORDED")).expectStatus().isForbidden();
        assertThat(reads()).as("refusals are not reads").isEqualTo(before);
        problem(street.getting("/api/cases/0190aaaa-0000-7000-8000-000000000000/as-of?at=" + between), 404);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        List<String> fields = new ArrayList<>();
        fields.add(problem(street.getting(asOf(Instant.now().plus(1, ChronoUnit.DAYS), "RECORDED")), 400).path("field").asText());
        fields.add(problem(street.getting("/api/cases/" + caseId + "/as-of?at=yesterday"), 400).path("field").asText());
        fields.add(problem(street.getting("/api/cases/" + caseId + "/as-of"), 400).path("field").asText());
        fields.add(problem(street.getting(asOf(between, "WHENEVER")), 400).path("field").asText());
        assertThat(fields).containsExactly("at", "at", "at", "basis");
        JsonNode future = problem(street.getting(asOf(Instant.now().plus(1, ChronoUnit.DAYS), "RECORDED")), 400);
        assertThat(future.path("ruleId").asText()).isEqualTo("INPUT");
        assertThat(future.path("detail").asText()).contains("future");
    }

    private static JsonNode problem(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response, int status) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
