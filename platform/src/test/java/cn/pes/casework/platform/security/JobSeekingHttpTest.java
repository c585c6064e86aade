package cn.pes.casework.platform.security;

import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.CreditCodes;
import cn.pes.casework.platform.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Job seeking end to end over HTTP (JOB-2, JOB-4, JOB-6, CAN-1, CAN-3): a registered person becomes a
 * published job seeker, is referred to a published vacancy and hired — the registration ends and the
 * job seeking closes; another refuses three referrals without good reason, which proposes a
 * cancellation the officer confirms. Bad input stores nothing; an agency outside the case's scope
 * finds no case. The platform's clock starts on Friday 2026-11-27.
 */
class JobSeekingHttpTest extends SecuredPlatformTest {


    private Caseworker street;
    private Caseworker county;
    private Caseworker otherStreet;

    @BeforeEach
    void officers() {
        clock.set(NOW);
        street = caseworker("J-street", STREET);
        county = caseworker("J-county", COUNTY);
        otherStreet = caseworker("J-other", OTHER_STREET);
    }

    @Test
    void publishedJobSeekerIsReferredHiredAndTheRegistrationEnds() {
        String caseId = street.registerAtWindow(TestIds.adult(), "周一");
        String jobSeekingId = registerJobSeeking(caseId);
        street.post(jobSeeking(caseId, jobSeekingId) + "/publication", Map.of()).expectStatus().isOk();
        assertThat(payload(caseId, "JobSeekingRegistered").path("reviewDueOn").asText())
                .as("1 working day after Friday 11-27").isEqualTo("2026-11-30");
        assertThat(payload(caseId, "JobSeekingPublished").path("late").asBoolean()).isFalse();

        String employerId = registerEmployer();
        String vacancyId = publishedVacancy(employerId, "数控车工");
        String referralId = street.post("/api/cases/" + caseId + "/referrals",
                        Map.of("employerId", employerId, "vacancyId", vacancyId))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("referralId").asText();
        JsonNode referred = payload(caseId, "JobReferred");
        assertThat(referred.path("vacancy").path("employerName").asText()).isEqualTo("XX市东湖机械制造有限公司");
        assertThat(referred.path("vacancy").path("occupation").asText()).isEqualTo("数控车工");

        street.post("/api/cases/" + caseId + "/referrals/" + referralId + "/outcomes",
                        Map.of("outcome", "HIRED", "startDate", "2026-11-27"))
                .expectStatus().isCreated();
        assertThat(payloadTypes(caseId)).endsWith("JobReferred", "ReferralOutcomeRecorded", "Employed",
                "JobSeekingClosed");
        assertThat(payload(caseId, "JobSeekingClosed").path("reason").asText()).isEqualTo("PLACED");
        assertThat(payload(caseId, "Employed").path("evidence").path("reference").asText())
                .isEqualTo("referral:" + referralId);
        eventually(Duration.ofSeconds(20), () -> assertThat(street.caseView(caseId).path("status").asText())
                .isEqualTo("EMPLOYED"));

        street.post("/api/cases/" + caseId + "/referrals", Map.of("employerId", employerId, "vacancyId", vacancyId))
                .expectStatus().isEqualTo(409);
    }

    @Test
    void thirdRefusalWithoutGoodReasonProposesACancellationTheOfficerConfirms() {
        String caseId = street.registerAtWindow(TestIds.adult(), "周二");
        String jobSeekingId = registerJobSeeking(caseId);
        street.post(jobSeeking(caseId, jobSeekingId) + "/publication", Map.of()).expectStatus().isOk();
        String employerId = registerEmployer();

        String proposalId = null;
        for (int i = 1; i <= 3; i++) {
            String vacancyId = publishedVacancy(employerId, "仓库保管员" + i);
            String referralId = street.post("/api/cases/" + caseId + "/referrals",
                            Map.of("employerId", employerId, "vacancyId", vacancyId))
                    .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                    .path("referralId").asText();
            JsonNode answer = street.post("/api/cases/" + caseId + "/referrals/" + referralId + "/outcomes",
                            Map.of("outcome", "REFUSED_WITHOUT_GOOD_REASON", "note", "嫌工资低"))
                    .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(payload(caseId, "ReferralOutcomeRecorded").path("refusalsWithoutGoodReason").asInt())
                    .isEqualTo(i);
            if (i < 3) {
                assertThat(answer.has("cancellationProposalId")).as("refusal %d proposes nothing", i).isFalse();
            } else {
                proposalId = answer.path("cancellationProposalId").asText();
            }
        }
        assertThat(proposalId).isNotBlank();
        assertThat(payloadTypes(caseId)).last().isEqualTo("CancellationProposed");
        assertThat(payload(caseId, "CancellationProposed").path("referralIds")).hasSize(3);

        String proposal = "/api/cases/" + caseId + "/cancellation-proposals/" + proposalId;
        otherStreet.post(proposal + "/confirmation", confirmation()).expectStatus().isNotFound();
        street.post(proposal + "/confirmation", confirmation()).expectStatus().isOk();
        assertThat(payloadTypes(caseId)).endsWith("CancellationProposalConfirmed", "RegistrationCancelled",
                "JobSeekingClosed");
        assertThat(payload(caseId, "RegistrationCancelled").path("ground").asText())
                .isEqualTo("REFUSED_OFFERS_THREE_TIMES");
        street.post(proposal + "/dismissal", Map.of("reason", "已说明")).expectStatus().isEqualTo(409);
        eventually(Duration.ofSeconds(20), () -> assertThat(street.caseView(caseId).path("status").asText())
                .isEqualTo("CANCELLED"));
    }

    @Test
    void badInputStoresNothingAndNamesTheRuleAndField() {
        String caseId = street.registerAtWindow(TestIds.adult(), "周三");
        long before = storedEvents();

        Map<String, Object> noIdentity = new HashMap<>(jobSeekingBody());
        noIdentity.remove("identityDocument");
        assertProblem(street.post("/api/cases/" + caseId + "/job-seeking", noIdentity)
                .expectStatus().isBadRequest(), "JOB-2", "IDENTITY_NOT_VERIFIED", "identityDocument");

        Map<String, Object> noOccupation = new HashMap<>(jobSeekingBody());
        noOccupation.put("intentions", Map.of("occupations", List.of(), "expectedMonthlyWageYuan", 5000,
                "areaAgencyId", COUNTY, "forms", List.of("FULL_TIME")));
        assertProblem(street.post("/api/cases/" + caseId + "/job-seeking", noOccupation)
                .expectStatus().isBadRequest(), "JOB-2", "NO_OCCUPATION", "intentions.occupations");

        assertProblem(street.post("/api/cases/" + caseId + "/referrals",
                        Map.of("employerId", "nobody-0000", "vacancyId", "nothing-0000"))
                .expectStatus().isNotFound(), "INPUT", "EMPLOYER_NOT_FOUND", "employerId");

        assertProblem(street.post("/api/cases/" + caseId + "/career-guidance",
                        Map.of("topic", "CAREER_DIRECTION", "heldOn", "2026-11-28", "notes", "建议"))
                .expectStatus().isBadRequest(), "JOB-1", "DATE_IN_FUTURE", "heldOn");

        assertThat(storedEvents()).isEqualTo(before);

        street.post("/api/cases/" + caseId + "/career-guidance",
                        Map.of("sessionId", "guidance-" + System.nanoTime(), "topic", "CAREER_DIRECTION",
                                "notes", "建议转向数控方向"))
                .expectStatus().isCreated();
        assertThat(payloadTypes(caseId)).last().isEqualTo("CareerGuidanceGiven");
    }

    @Test
    void anAgencyOutsideTheCaseScopeFindsNoCase() {
        String caseId = street.registerAtWindow(TestIds.adult(), "周四");
        long before = storedEvents();
        assertProblem(otherStreet.post("/api/cases/" + caseId + "/job-seeking", jobSeekingBody())
                .expectStatus().isNotFound(), "INPUT", "CASE_NOT_FOUND", "caseId");
        assertProblem(otherStreet.post("/api/cases/" + caseId + "/referrals",
                        Map.of("employerId", "nobody-0000", "vacancyId", "nothing-0000"))
                .expectStatus().isNotFound(), "INPUT", "CASE_NOT_FOUND", "caseId");
        assertThat(storedEvents()).isEqualTo(before);
        county.post("/api/cases/" + caseId + "/job-seeking", jobSeekingBody()).expectStatus().isCreated();
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, Object> jobSeekingBody() {
        return Map.of("identityDocument", "RESIDENT_ID_CARD",
                "basics", Map.of("education", "VOCATIONAL_SECONDARY", "yearsOfExperience", 4, "skills", "数控车床"),
                "intentions", Map.of("occupations", List.of("数控车工"), "expectedMonthlyWageYuan", 5000,
                        "areaAgencyId", COUNTY, "forms", List.of("FULL_TIME")));
    }

    private String registerJobSeeking(String caseId) {
        return street.post("/api/cases/" + caseId + "/job-seeking", jobSeekingBody())
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("jobSeekingId").asText();
    }

    private static String jobSeeking(String caseId, String jobSeekingId) {
        return "/api/cases/" + caseId + "/job-seeking/" + jobSeekingId;
    }

    private static Map<String, Object> confirmation() {
        return Map.of("effectiveDate", "2026-11-27",
                "notification", Map.of("method", "PHONE", "notifiedOn", "2026-11-27"));
    }

    private static void assertProblem(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec answer,
                                      String ruleId, String code, String field) {
        JsonNode problem = answer.expectHeader().contentType("application/problem+json")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.path("ruleId").asText()).isEqualTo(ruleId);
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("field").asText()).isEqualTo(field);
    }


    private String registerEmployer() {
        return street.post("/api/employers", Map.of("creditCode", CreditCodes.fresh(), "name", "XX市东湖机械制造有限公司",
                        "registeredAddress", "XX市中心区解放路88号", "areaAgencyId", STREET,
                        "contact", Map.of("name", "李四", "phone", "13912345678")))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("employerId").asText();
    }

    private String publishedVacancy(String employerId, String occupation) {
        String vacancyId = street.post("/api/employers/" + employerId + "/vacancies", Map.of("occupation", occupation,
                        "headcount", 3, "wageMin", 5000, "wageMax", 7500, "areaAgencyId", STREET, "form", "FULL_TIME",
                        "requirements", "两年以上经验"))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("vacancyId").asText();
        county.post("/api/employers/" + employerId + "/vacancies/" + vacancyId + "/publication", Map.of())
                .expectStatus().isOk();
        return vacancyId;
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
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
