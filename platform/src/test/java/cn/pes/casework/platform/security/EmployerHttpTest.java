package cn.pes.casework.platform.security;

import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.CreditCodes;
import cn.pes.casework.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Employers and vacancies end to end over HTTP (JOB-3): a street caseworker registers an employer and
 * posts a vacancy, the county reviews and publishes it, it is found by search until it is filled; a
 * second employer with the same credit code and a code with a wrong check character are refused and
 * leave nothing behind.
 */
class EmployerHttpTest extends SecuredPlatformTest {


    private Caseworker street;
    private Caseworker county;
    private Caseworker otherStreet;
    private Caseworker reviewer;

    @BeforeEach
    void officers() {
        clock.set(NOW);
        street = caseworker("E-street", STREET);
        county = caseworker("E-county", COUNTY);
        otherStreet = caseworker("E-other", OTHER_STREET);
        reviewer = officer("E-reviewer", CITY, Role.REVIEWER);
    }


    private static Map<String, Object> employer(String creditCode) {
        return Map.of("creditCode", creditCode, "name", "XX市东湖机械制造有限公司", "registeredAddress", "XX市中心区解放路88号",
                "areaAgencyId", STREET, "contact", Map.of("name", "李四", "phone", "13912345678"));
    }

    private String register(Caseworker officer, String creditCode) {
        return officer.post("/api/employers", employer(creditCode))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("employerId").asText();
    }

    private String postVacancy(Caseworker officer, String employerId, String occupation) {
        Map<String, Object> body = new HashMap<>(Map.of("occupation", occupation, "headcount", 3, "wageMin", 5000,
                "wageMax", 7500, "areaAgencyId", STREET, "form", "FULL_TIME", "requirements", "两年以上经验"));
        return officer.post("/api/employers/" + employerId + "/vacancies", body)
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("vacancyId").asText();
    }

    private List<String> search(Caseworker officer, String query) {
        return officer.get("/api/vacancies?" + query).path("vacancies").findValuesAsText("vacancyId");
    }

    @Test
    void registerPostPublishFindAndCloseAsFilled() {
        String employerId = register(street, CreditCodes.fresh());
        String occupation = "数控车工" + System.nanoTime();
        String vacancyId = postVacancy(street, employerId, occupation);
        assertThat(payloadTypes(employerId)).containsExactly("EmployerRegistered", "VacancyPosted");
        assertThat(rawEvents(employerId)).as("the contact is sealed in the events")
                .doesNotContain("13912345678").doesNotContain("李四");

        eventually(Duration.ofSeconds(20), () -> assertThat(street.get("/api/employers/" + employerId)
                .path("vacancies").findValuesAsText("status")).containsExactly("PENDING_REVIEW"));
        assertThat(search(street, "occupation=" + occupation)).as("not before review").isEmpty();

        county.post("/api/employers/" + employerId + "/vacancies/" + vacancyId + "/publication", Map.of())
                .expectStatus().isOk();
        String wanted = "occupation=" + occupation + "&area=" + COUNTY + "&minWage=6000&fullTime=true";
        eventually(Duration.ofSeconds(20), () -> assertThat(search(street, wanted)).containsExactly(vacancyId));
        assertThat(search(reviewer, wanted)).containsExactly(vacancyId);
        assertThat(search(street, "occupation=" + occupation + "&minWage=7501")).isEmpty();
        assertThat(search(street, "occupation=" + occupation + "&fullTime=false")).isEmpty();
        assertThat(search(street, "occupation=" + occupation + "&area=" + OTHER_COUNTY)).isEmpty();

        JsonNode page = street.get("/api/employers/" + employerId);
        assertThat(page.path("contact").path("name").asText()).isEqualTo("李*");
        assertThat(page.path("contact").path("phone").asText()).isEqualTo("139****5678");
        assertThat(page.toString()).doesNotContain("13912345678");

        street.post("/api/employers/" + employerId + "/vacancies/" + vacancyId + "/closure", Map.of("reason", "FILLED"))
                .expectStatus().isOk();
        eventually(Duration.ofSeconds(20), () -> assertThat(search(street, "occupation=" + occupation)).isEmpty());
        assertThat(payloadTypes(employerId)).endsWith("VacancyPublished", "VacancyClosed");
        assertThat(metaData(employerId)).contains("E-street").contains(STREET).contains("BACK_OFFICE");
    }

    @Test
    void reviewRejectsAndAPendingVacancyCannotBeFilled() {
        String employerId = register(street, CreditCodes.fresh());
        String vacancyId = postVacancy(street, employerId, "仓库保管员");
        JsonNode problem = street.post("/api/employers/" + employerId + "/vacancies/" + vacancyId + "/closure",
                        Map.of("reason", "FILLED"))
                .expectStatus().isEqualTo(409).expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.path("ruleId").asText()).isEqualTo("JOB-3");
        assertThat(problem.path("code").asText()).isEqualTo("VACANCY_NOT_PUBLISHED");

        street.post("/api/employers/" + employerId + "/vacancies/" + vacancyId + "/rejection",
                Map.of("reason", "工资信息不实")).expectStatus().isOk();
        street.post("/api/employers/" + employerId + "/vacancies/" + vacancyId + "/publication", Map.of())
                .expectStatus().isEqualTo(409);
        assertThat(payloadTypes(employerId)).containsExactly("EmployerRegistered", "VacancyPosted", "VacancyRejected");
    }

    @Test
    void aSecondEmployerWithTheSameCreditCodeIsRefusedAndNothingIsStored() {
        String code = CreditCodes.fresh();
        register(street, code);
        long before = storedEvents();

        JsonNode problem = county.post("/api/employers", employer(code.substring(0, 9).toLowerCase() + " " + code.substring(9)))
                .expectStatus().isEqualTo(409).expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.path("ruleId").asText()).isEqualTo("JOB-3");
        assertThat(problem.path("code").asText()).isEqualTo("EMPLOYER_ALREADY_REGISTERED");
        assertThat(problem.path("field").asText()).isEqualTo("creditCode");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aCreditCodeWithAWrongCheckCharacterIsRefusedAndNothingIsStored() {
        String valid = CreditCodes.fresh();
        String wrong = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        long before = storedEvents();

        JsonNode problem = street.post("/api/employers", employer(wrong))
                .expectStatus().isBadRequest().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.path("ruleId").asText()).isEqualTo("JOB-3");
        assertThat(problem.path("code").asText()).isEqualTo("CREDIT_CODE_CHECK_CHARACTER");
        assertThat(problem.path("field").asText()).isEqualTo("creditCode");
        assertThat(problem.toString()).doesNotContain(wrong).doesNotContain("13912345678");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM employer_credit_code WHERE credit_code = ?", Long.class,
                wrong)).isZero();
        // The correct code is still free.
        register(street, valid);
    }

    @Test
    void anOfficerOfAnotherAreaFindsNoEmployerToActOn() {
        String employerId = register(street, CreditCodes.fresh());
        otherStreet.post("/api/employers/" + employerId + "/vacancies", Map.of("occupation", "电工", "headcount", 1,
                        "wageMin", 4000, "wageMax", 5000, "areaAgencyId", OTHER_STREET, "form", "PART_TIME"))
                .expectStatus().isNotFound();
        JsonNode problem = otherStreet.post("/api/employers", employer(CreditCodes.fresh()))
                .expectStatus().isEqualTo(422).expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.path("code").asText()).isEqualTo("AREA_NOT_COVERED");
        assertThat(payloadTypes(employerId)).containsExactly("EmployerRegistered");
    }

    @Test
    void anEmployerNobodyRegisteredIsAnsweredAsAnUnknownEmployer() {
        JsonNode problem = street.post("/api/employers/no-such-employer/vacancies", Map.of("occupation", "电工",
                        "headcount", 1, "wageMin", 4000, "wageMax", 5000, "areaAgencyId", STREET, "form", "PART_TIME"))
                .expectStatus().isNotFound().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.path("code").asText()).isEqualTo("EMPLOYER_NOT_FOUND");
        assertThat(problem.path("field").asText()).isEqualTo("employerId");
        assertThat(street.post("/api/employers/no-such-employer/vacancies/v-1/publication", Map.of())
                .expectStatus().isNotFound().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("code").asText()).isEqualTo("EMPLOYER_NOT_FOUND");
    }

    @Test
    void reviewersMayReadButNotRegisterAndAnalystsMayNotReadVacancies() {
        reviewer.post("/api/employers", employer(CreditCodes.fresh())).expectStatus().isForbidden();
        officer("E-analyst", CITY, Role.ANALYST).getting("/api/vacancies").expectStatus().isForbidden();
    }

    private List<String> payloadTypes(String aggregateId) {
        return jdbc.queryForList("SELECT payloadType FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                        + " ORDER BY sequenceNumber", String.class, aggregateId).stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    private String rawEvents(String aggregateId) {
        StringBuilder all = new StringBuilder();
        jdbc.queryForList("SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ?", byte[].class, aggregateId)
                .forEach(bytes -> all.append(new String(bytes, StandardCharsets.UTF_8)));
        return all.toString();
    }

    private String metaData(String aggregateId) {
        StringBuilder all = new StringBuilder();
        jdbc.queryForList("SELECT metaData FROM DomainEventEntry WHERE aggregateIdentifier = ?", byte[].class, aggregateId)
                .forEach(bytes -> all.append(new String(bytes, StandardCharsets.UTF_8)));
        return all.toString();
    }
}
