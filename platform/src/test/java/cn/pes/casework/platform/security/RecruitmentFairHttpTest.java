package cn.pes.casework.platform.security;

import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.CreditCodes;
import cn.pes.casework.platform.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recruitment fairs (JOB-5) and employer guidance (JOB-1) end to end over HTTP: a street caseworker
 * plans a fair for a later day, enrols an employer with a published vacancy, invites a registered
 * person who comes on the day, and closes it with its counts; an unpublished vacancy is refused and
 * leaves nothing behind; another area finds no fair; a guidance session is recorded once. The clock
 * starts on Friday 2026-11-27; the fair is held on Monday 11-30.
 */
class RecruitmentFairHttpTest extends SecuredPlatformTest {

    private static final String HELD_ON = "2026-11-30";
    private static final LocalDateTime FAIR_DAY = LocalDateTime.of(2026, 11, 30, 10, 0);

    private Caseworker street;
    private Caseworker county;
    private Caseworker otherStreet;

    @BeforeEach
    void officers() {
        clock.set(NOW);
        street = caseworker("F-street", STREET);
        county = caseworker("F-county", COUNTY);
        otherStreet = caseworker("F-other", OTHER_STREET);
    }

    @Test
    void planEnrolInviteAttendAndClose() {
        String employerId = registerEmployer();
        String published = postVacancy(employerId);
        county.post("/api/employers/" + employerId + "/vacancies/" + published + "/publication", Map.of())
                .expectStatus().isOk();
        String caseId = street.registerAtWindow(TestIds.adult(), "周一");

        String fairId = plan(street, STREET);
        street.post("/api/fairs/" + fairId + "/employers", Map.of("employerId", employerId,
                "vacancyIds", List.of(published))).expectStatus().isOk();
        street.post("/api/fairs/" + fairId + "/invitations", Map.of("caseId", caseId)).expectStatus().isOk();
        street.post("/api/fairs/" + fairId + "/invitations", Map.of("caseId", caseId)).expectStatus().isOk();
        JsonNode early = street.post("/api/fairs/" + fairId + "/attendance", Map.of("caseId", caseId))
                .expectStatus().isBadRequest().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(early.path("code").asText()).isEqualTo("ATTENDED_BEFORE_FAIR");
        assertThat(early.path("field").asText()).isEqualTo("attendedOn");

        clock.set(FAIR_DAY);
        street.post("/api/fairs/" + fairId + "/attendance", Map.of("caseId", caseId)).expectStatus().isOk();
        county.post("/api/fairs/" + fairId + "/closure", Map.of()).expectStatus().isOk();

        assertThat(payloadTypes(fairId)).containsExactly("RecruitmentFairPlanned", "FairEmployerEnrolled",
                "FairInvitationSent", "FairAttended", "RecruitmentFairClosed");
        JsonNode enrolled = payload(fairId, "FairEmployerEnrolled");
        assertThat(enrolled.path("employerName").asText()).isEqualTo("XX市东湖机械制造有限公司");
        assertThat(enrolled.path("vacancies").findValuesAsText("vacancyId")).containsExactly(published);
        JsonNode closed = payload(fairId, "RecruitmentFairClosed");
        assertThat(closed.path("closedOn").asText()).isEqualTo(HELD_ON);
        assertThat(List.of(closed.path("employers").asInt(), closed.path("vacancies").asInt(),
                closed.path("invited").asInt(), closed.path("attended").asInt())).containsExactly(1, 3, 1, 1);
        assertThat(metaData(fairId)).contains("F-street").contains("F-county").contains("BACK_OFFICE");

        JsonNode again = street.post("/api/fairs/" + fairId + "/closure", Map.of())
                .expectStatus().isEqualTo(409).expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(again.path("ruleId").asText()).isEqualTo("JOB-5");
        assertThat(again.path("code").asText()).isEqualTo("FAIR_CLOSED");
    }

    @Test
    void anUnpublishedVacancyIsRefusedAndNothingIsStored() {
        String employerId = registerEmployer();
        String pending = postVacancy(employerId);
        String fairId = plan(street, STREET);
        long before = storedEvents();

        JsonNode problem = street.post("/api/fairs/" + fairId + "/employers", Map.of("employerId", employerId,
                        "vacancyIds", List.of(pending)))
                .expectStatus().isEqualTo(409).expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.path("ruleId").asText()).isEqualTo("JOB-5");
        assertThat(problem.path("code").asText()).isEqualTo("VACANCY_NOT_PUBLISHED");
        assertThat(problem.path("field").asText()).isEqualTo("vacancyIds");
        street.post("/api/fairs/" + fairId + "/employers", Map.of("employerId", employerId, "vacancyIds", List.of()))
                .expectStatus().isBadRequest();
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(payloadTypes(fairId)).containsExactly("RecruitmentFairPlanned");
    }

    @Test
    void anotherAreaFindsNoFairAndCannotPlanOneForUs() {
        String fairId = plan(street, STREET);
        String caseId = street.registerAtWindow(TestIds.adult(), "周二");
        long before = storedEvents();

        assertThat(otherStreet.post("/api/fairs/" + fairId + "/invitations", Map.of("caseId", caseId))
                .expectStatus().isNotFound().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("code").asText()).isEqualTo("FAIR_NOT_FOUND");
        clock.set(FAIR_DAY);
        assertThat(otherStreet.post("/api/fairs/" + fairId + "/closure", Map.of())
                .expectStatus().isNotFound().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("code").asText()).isEqualTo("FAIR_NOT_FOUND");
        assertThat(street.post("/api/fairs/unknown-fair-0001/closure", Map.of())
                .expectStatus().isNotFound().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("field").asText()).isEqualTo("fairId");
        assertThat(street.post("/api/fairs/" + fairId + "/attendance", Map.of("caseId", "unknown-case-0001"))
                .expectStatus().isNotFound().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("code").asText()).isEqualTo("CASE_NOT_FOUND");
        assertThat(otherStreet.post("/api/fairs", fair(STREET))
                .expectStatus().isEqualTo(422).expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("code").asText()).isEqualTo("AGENCY_NOT_COVERED");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aFairWithoutTitleIsAProblemAndAResentPlanIsPlannedOnce() {
        street.post("/api/fairs", Map.of("format", "ONLINE", "heldOn", HELD_ON, "place", "https://jobs.example",
                        "organiserAgencyId", STREET))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.fields[0]").isEqualTo("title");
        String fairId = "F-HTTP-" + System.nanoTime();
        Map<String, Object> body = new java.util.HashMap<>(fair(STREET));
        body.put("fairId", fairId);
        street.post("/api/fairs", body).expectStatus().isCreated();
        street.post("/api/fairs", body).expectStatus().isCreated();
        body.put("title", "另一场招聘会");
        street.post("/api/fairs", body).expectStatus().isEqualTo(409);
        assertThat(payloadTypes(fairId)).containsExactly("RecruitmentFairPlanned");
    }

    @Test
    void employerGuidanceIsRecordedOnceInTheOfficersAgency() {
        String employerId = registerEmployer();
        Map<String, Object> session = Map.of("sessionId", "G-HTTP-" + System.nanoTime(), "topic", "HIRING_CRITERIA",
                "notes", "建议取消招聘条件中的性别限制", "followUp", "两周后回访");
        county.post("/api/employers/" + employerId + "/guidance", session).expectStatus().isCreated();
        county.post("/api/employers/" + employerId + "/guidance", session).expectStatus().isCreated();
        assertThat(payloadTypes(employerId)).containsExactly("EmployerRegistered", "RecruitmentGuidanceGiven");
        JsonNode given = payload(employerId, "RecruitmentGuidanceGiven");
        assertThat(given.path("agencyId").asText()).isEqualTo(COUNTY);
        assertThat(given.path("heldOn").asText()).isEqualTo("2026-11-27");

        assertThat(otherStreet.post("/api/employers/" + employerId + "/guidance", Map.of("topic", "RECRUITMENT_METHOD",
                        "notes", "建议"))
                .expectStatus().isNotFound().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("code").asText()).isEqualTo("EMPLOYER_NOT_FOUND");
        assertThat(street.post("/api/employers/unknown-employer-0001/guidance", Map.of("topic", "RECRUITMENT_METHOD",
                        "notes", "建议"))
                .expectStatus().isNotFound().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("code").asText()).isEqualTo("EMPLOYER_NOT_FOUND");
        street.post("/api/employers/" + employerId + "/guidance", Map.of("topic", "RECRUITMENT_METHOD",
                        "notes", "建议", "heldOn", "2026-11-28"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("HELD_AFTER_RECORDING");
        assertThat(payloadTypes(employerId)).containsExactly("EmployerRegistered", "RecruitmentGuidanceGiven");
    }

    // ---------------------------------------------------------------------------------------------

    private static Map<String, Object> fair(String organiserAgencyId) {
        return Map.of("title", "2026年冬季就业援助专场招聘会", "format", "OFFLINE", "heldOn", HELD_ON,
                "place", "XX市中心区解放路人力资源市场", "organiserAgencyId", organiserAgencyId);
    }

    private String plan(Caseworker officer, String organiserAgencyId) {
        return officer.post("/api/fairs", fair(organiserAgencyId))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("fairId").asText();
    }


    private String registerEmployer() {
        return street.post("/api/employers", Map.of("creditCode", CreditCodes.fresh(), "name", "XX市东湖机械制造有限公司",
                        "registeredAddress", "XX市中心区解放路88号", "areaAgencyId", STREET,
                        "contact", Map.of("name", "李四", "phone", "13912345678")))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("employerId").asText();
    }

    private String postVacancy(String employerId) {
        return street.post("/api/employers/" + employerId + "/vacancies", Map.of("occupation", "数控车工",
                        "headcount", 3, "wageMin", 5000, "wageMax", 7500, "areaAgencyId", STREET, "form", "FULL_TIME"))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("vacancyId").asText();
    }

    private List<String> payloadTypes(String aggregateId) {
        return jdbc.queryForList("SELECT payloadType FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                        + " ORDER BY sequenceNumber", String.class, aggregateId).stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    private JsonNode payload(String aggregateId, String simpleType) {
        byte[] bytes = jdbc.queryForObject("SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                        + " AND payloadType LIKE ? ORDER BY sequenceNumber DESC LIMIT 1", byte[].class, aggregateId,
                "%." + simpleType);
        try {
            return new ObjectMapper().readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String metaData(String aggregateId) {
        StringBuilder all = new StringBuilder();
        jdbc.queryForList("SELECT metaData FROM DomainEventEntry WHERE aggregateIdentifier = ?", byte[].class,
                        aggregateId)
                .forEach(bytes -> all.append(new String(bytes, StandardCharsets.UTF_8)));
        return all.toString();
    }
}
