package cn.pes.casework.platform;

import cn.pes.casework.events.shared.Masking;
import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.MutableClock;
import cn.pes.casework.platform.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A registered person's case end to end over HTTP, from registration through monthly tracking to
 * employment, cancellation and a second registration, read back from the projections. Runs once
 * per event store (subclasses).
 */
public abstract class CaseLifecycleFlow {

    /** A Friday; the Monday after and Tuesday 1 December are working days. */
    static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 27, 10, 0);
    static final LocalDate TODAY = NOW.toLocalDate();
    static final YearMonth MONTH = YearMonth.from(TODAY);

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    Caseworker street;
    Caseworker county;

    @BeforeEach
    void caseworkers() {
        clock.set(NOW);
        street = new Caseworker(port, "officer-li", "990101001").at(clock);
        county = new Caseworker(port, "officer-wang", "990102").at(clock);
    }

    @AfterEach
    void resetClock() {
        clock.set(NOW);
    }

    @Test
    void windowRegistrationTakesEffectAtOnce() {
        String caseId = street.registerAtWindow(TestIds.adult(), "赵一");

        eventually(() -> {
            JsonNode view = street.caseView(caseId);
            assertThat(view.path("status").asText()).isEqualTo("ACTIVE");
            assertThat(view.path("agencyId").asText()).isEqualTo("990101001");
            assertThat(view.path("spells")).hasSize(1);
            assertThat(view.path("spells").get(0).path("registeredOn").asText()).isEqualTo(TODAY.toString());
            assertThat(view.path("categories").toString()).contains("GRADUATE");
        });
    }

    @Test
    void caseLivesThroughContactEmploymentCancellationAndASecondRegistration() {
        String idNumber = TestIds.adult();
        String caseId = street.registerAtWindow(idNumber, "钱二");
        String contactId = street.phoneContact(caseId, TODAY, true);

        // A contact that finds a job ends the registration.
        street.post("/api/cases/" + caseId + "/contacts", Map.of(
                        "contactDate", TODAY.toString(), "method", "ON_SITE_VISIT", "reached", true,
                        "statusFound", "EMPLOYED_BY_UNIT",
                        "employment", Map.of("type", "EMPLOYED_BY_UNIT", "employer", "XX机械厂", "startDate", TODAY.toString()),
                        "nextStep", "结束跟踪"))
                .expectStatus().isCreated();
        eventually(() -> assertThat(street.caseView(caseId).path("status").asText()).isEqualTo("EMPLOYED"));

        // The same person comes back: a new spell in the same case, at another agency (city-wide handling).
        JsonNode second = county.post("/api/registrations", Caseworker.windowRegistration(idNumber, "钱二"))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(second.path("caseId").asText()).isEqualTo(caseId);
        assertThat(second.path("spell").asInt()).isEqualTo(2);

        county.post("/api/cases/" + caseId + "/cancellation", Map.of(
                        "ground", "ENLISTED",
                        "evidence", Map.of("source", "DOCUMENT", "reference", "入伍通知书2026-118", "description", "本人提交入伍通知书"),
                        "effectiveDate", TODAY.toString(),
                        "notification", Map.of("method", "PHONE", "notifiedOn", TODAY.toString())))
                .expectStatus().isOk();

        eventually(() -> {
            JsonNode view = street.caseView(caseId);
            assertThat(view.path("status").asText()).isEqualTo("CANCELLED");
            assertThat(view.path("spells")).hasSize(2);
            assertThat(view.path("spells").get(0).path("endedBy").asText()).isEqualTo("EMPLOYED");
            assertThat(view.path("spells").get(1).path("endedBy").asText()).isEqualTo("CANCELLED");
            assertThat(view.path("spells").get(1).path("agencyId").asText()).isEqualTo("990102");
            assertThat(view.path("lastContact").path("method").asText()).isEqualTo("ON_SITE_VISIT");
        });

        eventually(() -> {
            JsonNode entries = street.history(caseId).path("entries");
            List<String> types = new ArrayList<>();
            entries.forEach(entry -> types.add(entry.path("eventType").asText()));
            assertThat(types).containsExactly("CaseOpened", "UnemploymentRegistered", "TrackingContactRecorded",
                    "TrackingContactRecorded", "Employed", "UnemploymentRegistered", "RegistrationCancelled");
            for (int i = 0; i < entries.size(); i++) {
                JsonNode entry = entries.get(i);
                assertThat(entry.path("sequence").asLong()).isEqualTo(i);
                assertThat(entry.path("officerId").asText()).isNotBlank();
                assertThat(entry.path("agencyId").asText()).isNotBlank();
                assertThat(entry.path("channel").asText()).isNotBlank();
                assertThat(entry.path("correlationId").asText()).isNotBlank();
                assertThat(entry.path("title").asText()).isNotBlank().doesNotContain("Recorded", "Registered");
                assertThat(entry.path("description").asText()).doesNotContain(idNumber);
            }
            assertThat(entries.get(1).path("channel").asText()).isEqualTo("WINDOW");
            assertThat(entries.get(1).path("channelName").asText()).isEqualTo("窗口");
            assertThat(entries.get(2).path("channel").asText()).isEqualTo("BACK_OFFICE");
            assertThat(entries.get(5).path("agencyId").asText()).isEqualTo("990102");
            assertThat(entries.get(5).path("officerId").asText()).isEqualTo("officer-wang");
        });

        eventually(() -> {
            JsonNode rows = street.ledger(MONTH).path("rows");
            JsonNode row = null;
            for (JsonNode candidate : rows) {
                if (candidate.path("contactId").asText().equals(contactId)) {
                    row = candidate;
                }
            }
            assertThat(row).as("ledger row of the phone contact").isNotNull();
            assertThat(row.path("caseId").asText()).isEqualTo(caseId);
            assertThat(row.path("contactDate").asText()).isEqualTo(TODAY.toString());
            assertThat(row.path("method").asText()).isEqualTo("PHONE");
            assertThat(row.path("reached").asBoolean()).isTrue();
            assertThat(row.path("statusFound").asText()).isEqualTo("UNEMPLOYED");
            assertThat(row.path("servicesGiven").toString()).contains("CAREER_GUIDANCE");
            assertThat(row.path("nextStep").asText()).isEqualTo("下月继续电话跟踪");
            assertThat(row.path("officerId").asText()).isEqualTo("officer-li");
        });
    }

    @Test
    void overdueListShowsActiveCasesNotYetContactedThisMonth() {
        String contacted = street.registerAtWindow(TestIds.adult(), "孙三");
        String notContacted = street.registerAtWindow(TestIds.adult(), "李四");
        street.phoneContact(contacted, TODAY, false);

        eventually(() -> {
            JsonNode list = street.uncontacted(MONTH);
            List<String> ids = new ArrayList<>();
            list.path("cases").forEach(c -> ids.add(c.path("caseId").asText()));
            assertThat(ids).contains(notContacted).doesNotContain(contacted);
            assertThat(list.path("activeCases").asInt()).isGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void onlineApplicationWaitsForAnOfficerAndIsOverdueAfterTwoWorkingDays() {
        JsonNode pending = street.post("/api/registrations",
                        Caseworker.onlineApplication(TestIds.adult(), "周五", "NATIONAL_HRSS_PLATFORM"))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String caseId = pending.path("caseId").asText();
        assertThat(pending.path("status").asText()).isEqualTo("PENDING");
        assertThat(pending.path("decisionDueOn").asText()).isEqualTo("2026-12-01");

        eventually(() -> {
            assertThat(street.caseView(caseId).path("status").asText()).isEqualTo("PENDING");
            assertThat(caseIds(street.pendingApplications(false), "applications")).contains(caseId);
            assertThat(caseIds(street.pendingApplications(true), "applications")).doesNotContain(caseId);
        });

        clock.set(LocalDateTime.of(2026, 12, 2, 9, 0));
        assertThat(caseIds(street.pendingApplications(true), "applications")).contains(caseId);

        street.post("/api/cases/" + caseId + "/registration/approval", Map.of()).expectStatus().isOk();
        eventually(() -> {
            assertThat(street.caseView(caseId).path("status").asText()).isEqualTo("ACTIVE");
            assertThat(caseIds(street.pendingApplications(false), "applications")).doesNotContain(caseId);
        });

        String rejectedCase = street.post("/api/registrations",
                        Caseworker.onlineApplication(TestIds.adult(), "吴六", "CITY_PES_CLOUD"))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("caseId").asText();
        street.post("/api/cases/" + rejectedCase + "/registration/rejection", Map.of("reason", "已在外省就业"))
                .expectStatus().isOk();
        eventually(() -> assertThat(street.caseView(rejectedCase).path("status").asText()).isEqualTo("REJECTED"));
    }

    @Test
    void refusalIsAnsweredWithEveryReasonAndRecordedInTheCase() {
        String child = TestIds.bornOn(TODAY.minusYears(16).plusDays(1));
        JsonNode problem = street.post("/api/registrations", Map.of(
                        "person", Map.of("idNumber", child, "name", "郑七"),
                        "channel", "WINDOW",
                        "declaration", Map.of("receivingPension", false, "employed", true, "ableToWork", true, "wantsWork", true),
                        "reason", "OTHER"))
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType("application/problem+json")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.path("ruleId").asText()).isEqualTo("REG-1");
        List<String> codes = new ArrayList<>();
        problem.path("reasons").forEach(r -> codes.add(r.path("code").asText()));
        assertThat(codes).containsExactlyInAnyOrder("UNDER_MINIMUM_AGE", "EMPLOYED", "DOCUMENT_NOT_PRESENTED");

        String caseId = problem.path("caseId").asText();
        eventually(() -> {
            JsonNode entries = street.history(caseId).path("entries");
            assertThat(entries.get(entries.size() - 1).path("eventType").asText()).isEqualTo("RegistrationRefused");
            assertThat(street.caseView(caseId).path("status").asText()).isEqualTo("NOT_REGISTERED");
        });
    }

    @Test
    void findsACaseByIdNumberAndByName() {
        String idNumber = TestIds.adult();
        String name = "冯" + System.nanoTime() % 100000;
        String caseId = street.registerAtWindow(idNumber, name);

        eventually(() -> {
            assertThat(caseIds(street.searchByIdNumber(idNumber), "cases")).containsExactly(caseId);
            assertThat(caseIds(street.searchByName(name), "cases")).containsExactly(caseId);
            assertThat(caseIds(street.searchByIdNumber(TestIds.adult()), "cases")).isEmpty();
        });
    }

    @Test
    void correctedNameAndPhoneReachEveryView() {
        String idNumber = TestIds.adult();
        String oldName = "褚" + System.nanoTime() % 100000;
        String newName = "卫" + System.nanoTime() % 100000;
        String caseId = street.registerAtWindow(idNumber, oldName);
        street.put("/api/cases/" + caseId + "/personal-details", Map.of("name", newName, "phone", "13900001111"))
                .expectStatus().isOk();

        eventually(() -> {
            JsonNode person = street.caseView(caseId).path("person");
            assertThat(person.path("name").asText()).isEqualTo(Masking.name(newName));
            assertThat(person.path("phone").asText()).isEqualTo("139****1111");
            assertThat(person.path("idNumber").asText()).isEqualTo(Masking.idNumber(idNumber));
            JsonNode revealed = street.reveal(caseId);
            assertThat(revealed.path("name").asText()).isEqualTo(newName);
            assertThat(revealed.path("phone").asText()).isEqualTo("13900001111");
            assertThat(revealed.path("idNumber").asText()).isEqualTo(idNumber);
            assertThat(caseIds(street.searchByName(newName), "cases")).containsExactly(caseId);
            assertThat(caseIds(street.searchByName(oldName), "cases")).isEmpty();
            JsonNode entries = street.history(caseId).path("entries");
            assertThat(entries.get(entries.size() - 1).path("eventType").asText()).isEqualTo("PersonalDetailsUpdated");
            assertThat(entries.get(entries.size() - 1).path("description").asText()).doesNotContain(newName);
            List<String> uncontactedNames = new ArrayList<>();
            street.uncontacted(MONTH).path("cases").forEach(c -> uncontactedNames.add(c.path("person").path("name").asText()));
            assertThat(uncontactedNames).contains(Masking.name(newName)).doesNotContain(Masking.name(oldName));
        });
    }

    @Test
    void everyEventIsStoredOnceInTheEventStore() {
        String caseId = street.registerAtWindow(TestIds.adult(), "陈八");
        street.phoneContact(caseId, TODAY, true);
        Integer stored = jdbc.queryForObject(
                "SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?", Integer.class, caseId);
        assertThat(stored).isEqualTo(3);
    }

    @Test
    void apiDocumentDescribesBothSides() {
        JsonNode paths = street.get("/v3/api-docs").path("paths");
        assertThat(paths.has("/api/registrations")).isTrue();
        assertThat(paths.has("/api/cases/{caseId}/contacts")).isTrue();
        assertThat(paths.has("/api/cases/{caseId}/history")).isTrue();
        assertThat(paths.has("/api/agencies/{agencyId}/tracking-ledger")).isTrue();
    }

    public static List<String> caseIds(JsonNode result, String arrayField) {
        List<String> ids = new ArrayList<>();
        result.path(arrayField).forEach(node -> ids.add(node.path("caseId").asText()));
        return ids;
    }
}
