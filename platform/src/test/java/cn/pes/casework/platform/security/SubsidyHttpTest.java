package cn.pes.casework.platform.security;

import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.TestIds;
import cn.pes.casework.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.kagkarlsson.scheduler.Scheduler;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The skills upgrading subsidy end to end over HTTP (SUB-1..SUB-7): a street caseworker records the
 * certificate for the county department, the city's reviewer approves, publicity ends by itself when
 * the platform's clock passes its last day (a persistent deadline, polled by db-scheduler), the
 * county's caseworker records the payment; objections dismissed and upheld. The clock starts on
 * Friday 2026-11-27: publicity of an approval that day runs 11-30 .. 12-04.
 */
class SubsidyHttpTest extends SecuredPlatformTest {

    private static final LocalDateTime AFTER_PUBLICITY = LocalDateTime.of(2026, 12, 5, 0, 0, 1);

    @Autowired
    Scheduler scheduler;
    private Caseworker street;
    private Caseworker countyCaseworker;
    private Caseworker reviewer;

    @BeforeEach
    void officers() {
        clock.set(NOW);
        street = caseworker("S-street", STREET);
        countyCaseworker = caseworker("S-county", COUNTY);
        reviewer = officer("S-reviewer", CITY, Role.REVIEWER);
    }

    @Test
    void certificateApprovalPublicityEndingByItselfAndPayment() {
        String caseId = street.registerAtWindow(TestIds.adult(), "孙一");
        String applicationId = submit(caseId, "S-HTTP-" + System.nanoTime(), Map.of());

        reviewer.post(subsidy(caseId, applicationId) + "/approval", Map.of()).expectStatus().isOk();
        assertThat(payloadTypes(caseId)).endsWith("CertificateSubmitted", "SubsidyApproved");

        moveClockTo(AFTER_PUBLICITY);
        eventually(Duration.ofSeconds(20), () -> assertThat(payloadTypes(caseId)).last().isEqualTo("SubsidyPublicityEnded"));
        JsonNode ended = payload(caseId, "SubsidyPublicityEnded");
        assertThat(ended.path("endedOn").asText()).isEqualTo("2026-12-04");
        assertThat(ended.path("heldByObjection").asBoolean()).isFalse();
        assertThat(ended.path("paymentDueOn").asText()).isNotEmpty();
        assertThat(metaData(caseId, "SubsidyPublicityEnded"))
                .as("the clock's doing, in the department's name").contains("platform-clock").contains(COUNTY);

        clock.set(LocalDateTime.of(2026, 12, 7, 10, 0));
        countyCaseworker.post(subsidy(caseId, applicationId) + "/payment", Map.of("amount", "1000.00",
                        "paidOn", "2026-12-07", "accountReference", "6222021234567890"))
                .expectStatus().isOk();
        JsonNode paid = payload(caseId, "SubsidyPaid");
        assertThat(paid.path("maskedAccountReference").asText()).isEqualTo("************7890");
        assertThat(paid.path("late").asBoolean()).isFalse();
        assertThat(rawEvents(caseId)).doesNotContain("6222021234567890");
    }

    @Test
    void objectionDismissedDuringPublicityLetsPaymentGoAhead() {
        String caseId = street.registerAtWindow(TestIds.adult(), "孙二");
        String applicationId = submit(caseId, "S-HTTP-" + System.nanoTime(),
                Map.of("groups", List.of("DISABLED"), "ruralOrLowIncomeFamily", false));
        reviewer.post(subsidy(caseId, applicationId) + "/approval", Map.of()).expectStatus().isOk();

        clock.set(LocalDateTime.of(2026, 11, 30, 9, 0));
        String objectionId = countyCaseworker.post(subsidy(caseId, applicationId) + "/objections",
                        Map.of("summary", "来信反映证书非本人考取"))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("objectionId").asText();
        countyCaseworker.post(subsidy(caseId, applicationId) + "/payment", Map.of("amount", "1500",
                "paidOn", "2026-11-30", "accountReference", "6222021234567890")).expectStatus().isEqualTo(409);
        clock.set(LocalDateTime.of(2026, 12, 1, 9, 0));
        reviewer.post(subsidy(caseId, applicationId) + "/objections/" + objectionId + "/resolution",
                Map.of("upheld", false, "finding", "经核实证书真实有效")).expectStatus().isOk();

        moveClockTo(AFTER_PUBLICITY);
        eventually(Duration.ofSeconds(20), () -> assertThat(payloadTypes(caseId)).last().isEqualTo("SubsidyPublicityEnded"));
        clock.set(LocalDateTime.of(2026, 12, 8, 10, 0));
        countyCaseworker.post(subsidy(caseId, applicationId) + "/payment", Map.of("amount", "1500",
                "paidOn", "2026-12-08", "accountReference", "6222021234567890")).expectStatus().isOk();
        assertThat(payload(caseId, "SubsidyPaid").path("allowanceAmount").asInt()).as("SUB-6").isEqualTo(500);
    }

    @Test
    void objectionUpheldRejectsTheApplicationAndPublicityEndsWithNothing() {
        String caseId = street.registerAtWindow(TestIds.adult(), "孙三");
        String applicationId = submit(caseId, "S-HTTP-" + System.nanoTime(), Map.of());
        reviewer.post(subsidy(caseId, applicationId) + "/approval", Map.of()).expectStatus().isOk();
        clock.set(LocalDateTime.of(2026, 12, 2, 9, 0));
        String objectionId = reviewer.post(subsidy(caseId, applicationId) + "/objections",
                        Map.of("summary", "证书系他人代考"))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("objectionId").asText();
        reviewer.post(subsidy(caseId, applicationId) + "/objections/" + objectionId + "/resolution",
                Map.of("upheld", true, "finding", "经查证书系他人代考")).expectStatus().isOk();
        assertThat(payloadTypes(caseId)).endsWith("SubsidyObjectionUpheld", "SubsidyRejected");

        moveClockTo(AFTER_PUBLICITY);
        // Give the scheduler time to run the publicity deadline: it must find nothing to do.
        eventually(Duration.ofSeconds(20), () -> assertThat(jdbc.queryForObject(
                "SELECT COUNT(*) FROM scheduled_tasks WHERE execution_time <= ?", Long.class,
                java.sql.Timestamp.from(clock.instant()))).isZero());
        assertThat(payloadTypes(caseId)).last().isEqualTo("SubsidyRejected");
    }

    @Test
    void refusedCertificateIsAnsweredWithEveryRuleAndRecordedAsARefusal() {
        String caseId = street.registerAtWindow(TestIds.adult(), "孙四");
        JsonNode problem = street.post("/api/cases/" + caseId + "/subsidies", Map.of(
                        "certificate", Map.of("occupation", "电工", "level", "LEVEL_2", "certificateNumber",
                                "S-OLD-" + System.nanoTime(), "issuingBody", "鉴定中心", "issuedOn", "2025-01-10"),
                        "place", "INSURED", "departmentId", COUNTY))
                .expectStatus().isEqualTo(422).expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.path("ruleId").asText()).isEqualTo("SUB-2");
        assertThat(problem.path("reasons").findValuesAsText("code"))
                .containsExactly("CERTIFICATE_TOO_OLD", "LEVEL_NOT_SUBSIDISED");
        assertThat(payloadTypes(caseId)).last().isEqualTo("CertificateRefused");
    }

    @Test
    void oneCertificateNumberSentForTwoPeopleAtOnceIsReceivedOnce() throws Exception {
        String first = street.registerAtWindow(TestIds.adult(), "孙七");
        String second = street.registerAtWindow(TestIds.adult(), "孙八");
        String number = "S-RACE-" + System.nanoTime();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Integer>> answers = pool.invokeAll(List.of(
                    () -> submitStatus(first, number), () -> submitStatus(second, number)));
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 422);
        } finally {
            pool.shutdownNow();
        }
        long received = payloadTypes(first).stream().filter("CertificateSubmitted"::equals).count()
                + payloadTypes(second).stream().filter("CertificateSubmitted"::equals).count();
        assertThat(received).isEqualTo(1);
    }

    private int submitStatus(String caseId, String certificateNumber) {
        return street.post("/api/cases/" + caseId + "/subsidies", Map.of(
                        "certificate", Map.of("occupation", "电工", "level", "LEVEL_5", "certificateNumber",
                                certificateNumber, "issuingBody", "鉴定中心", "issuedOn", "2026-06-10"),
                        "place", "INSURED", "departmentId", COUNTY))
                .returnResult(String.class).getStatus().value();
    }

    @Test
    void badInputIsAProblemAndStoresNothing() {
        String caseId = street.registerAtWindow(TestIds.adult(), "孙五");
        long before = storedEvents();
        street.post("/api/cases/" + caseId + "/subsidies", Map.of("place", "INSURED", "departmentId", COUNTY))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.ruleId").isEqualTo("INPUT");
        street.post("/api/cases/" + caseId + "/subsidies", Map.of(
                        "certificate", Map.of("occupation", "电工", "level", "LEVEL_5", "certificateNumber", "S-X1",
                                "issuingBody", "鉴定中心", "issuedOn", "2026-06-10"),
                        "place", "INSURED", "departmentId", "123456"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("UNKNOWN_DEPARTMENT");
        officer("S-analyst", COUNTY, Role.ANALYST).post("/api/cases/" + caseId + "/subsidies/nope/approval", Map.of())
                .expectStatus().isForbidden();
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aStreetCaseworkerCannotDecideForTheCountyDepartment() {
        String caseId = street.registerAtWindow(TestIds.adult(), "孙六");
        String applicationId = submit(caseId, "S-HTTP-" + System.nanoTime(), Map.of());
        Caseworker streetAsDepartment = officer("S-street-2", STREET, Role.CASEWORKER);
        streetAsDepartment.post(subsidy(caseId, applicationId) + "/approval", Map.of()).expectStatus().isNotFound();
        countyCaseworker.post(subsidy(caseId, applicationId) + "/review", Map.of()).expectStatus().isOk();
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * db-scheduler polls on the platform's clock, and its poller sleeps until that clock reaches "last
     * poll + polling interval". The shared test clock jumps back to {@link #NOW} before each test, which
     * would leave the poller asleep until the clock catches up with where an earlier test left it: wake
     * it, as a forward-running clock never needs.
     */
    private void moveClockTo(LocalDateTime localTime) {
        clock.set(localTime);
        scheduler.triggerCheckForDueExecutions();
    }


    private String submit(String caseId, String certificateNumber, Map<String, Object> allowanceClaim) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "certificate", Map.of("occupation", "电工", "level", "LEVEL_5", "certificateNumber", certificateNumber,
                        "issuingBody", "XX市职业技能鉴定指导中心", "issuedOn", "2026-06-10"),
                "place", "INSURED", "departmentId", COUNTY));
        if (!allowanceClaim.isEmpty()) {
            body.put("allowanceClaim", allowanceClaim);
        }
        JsonNode created = street.post("/api/cases/" + caseId + "/subsidies", body)
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        return created.path("applicationId").asText();
    }

    private static String subsidy(String caseId, String applicationId) {
        return "/api/cases/" + caseId + "/subsidies/" + applicationId;
    }

    private List<String> payloadTypes(String caseId) {
        return jdbc.queryForList("SELECT payloadType FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                        + " ORDER BY sequenceNumber", String.class, caseId).stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    private JsonNode payload(String caseId, String simpleType) {
        byte[] bytes = jdbc.queryForObject("SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                + " AND payloadType LIKE ? ORDER BY sequenceNumber DESC LIMIT 1", byte[].class, caseId, "%." + simpleType);
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String metaData(String caseId, String simpleType) {
        byte[] bytes = jdbc.queryForObject("SELECT metaData FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                + " AND payloadType LIKE ? ORDER BY sequenceNumber DESC LIMIT 1", byte[].class, caseId, "%." + simpleType);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private String rawEvents(String caseId) {
        StringBuilder all = new StringBuilder();
        jdbc.queryForList("SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ?", byte[].class, caseId)
                .forEach(bytes -> all.append(new String(bytes, StandardCharsets.UTF_8)));
        return all.toString();
    }
}
