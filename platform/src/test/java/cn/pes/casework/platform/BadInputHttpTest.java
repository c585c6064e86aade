package cn.pes.casework.platform;

import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a clear 4xx problem naming the rule and field; nothing is stored. */
@SpringBootTest(classes = PlatformApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=platform")
@Import(PlatformTestConfiguration.class)
class BadInputHttpTest {

    private static final String DATA_DIR = PlatformTestConfiguration.freshDataDir("pes-badinput-");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("pes.data-dir", () -> DATA_DIR);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Caseworker caseworker;
    long eventsBefore;

    @BeforeEach
    void setUp() {
        caseworker = new Caseworker(port, "officer-zhou", "990101001");
        eventsBefore = storedEvents();
    }

    @Test
    void malformedJsonIsRejected() {
        JsonNode problem = rawPost("{\"person\": {\"idNumber\": ", MediaType.APPLICATION_JSON)
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.path("ruleId").asText()).isEqualTo("INPUT");
        assertNothingStored();
    }

    @Test
    void missingFieldsAreNamed() {
        Map<String, Object> body = new HashMap<>(Caseworker.windowRegistration(TestIds.adult(), "缺字段"));
        body.remove("declaration");
        body.remove("reason");
        JsonNode problem = caseworker.post("/api/registrations", body)
                .expectStatus().isBadRequest()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.path("fields").toString()).contains("declaration", "reason");
        assertThat(problem.path("field").asText()).isIn("declaration", "reason");
        assertNothingStored();
    }

    @Test
    void unknownEnumValueNamesTheField() {
        Map<String, Object> body = new HashMap<>(Caseworker.windowRegistration(TestIds.adult(), "枚举"));
        body.put("channel", "CARRIER_PIGEON");
        JsonNode problem = caseworker.post("/api/registrations", body)
                .expectStatus().isBadRequest()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.path("field").asText()).isEqualTo("channel");
        assertNothingStored();
    }

    @Test
    void oversizedBodyIsRefused() {
        Map<String, Object> body = new HashMap<>(Caseworker.windowRegistration(TestIds.adult(), "长"));
        body.put("padding", "x".repeat(200_000));
        caseworker.post("/api/registrations", body).expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertNothingStored();
    }

    @Test
    void wrongIdCheckDigitIsRejectedUnderReg6() {
        String wrong = TestIds.withWrongCheckDigit(TestIds.adult());
        JsonNode problem = caseworker.post("/api/registrations", Caseworker.windowRegistration(wrong, "校验位"))
                .expectStatus().isBadRequest()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.path("ruleId").asText()).isEqualTo("REG-6");
        assertThat(problem.path("code").asText()).isEqualTo("ID_NUMBER_CHECK_DIGIT");
        assertThat(problem.path("field").asText()).isEqualTo("person.idNumber");
        assertThat(problem.toString()).doesNotContain(wrong);
        assertNothingStored();
    }

    @Test
    void seventeenDigitIdNumberIsRejected() {
        String shortId = TestIds.adult().substring(0, 17);
        caseworker.post("/api/registrations", Caseworker.windowRegistration(shortId, "短号"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("ID_NUMBER_FORMAT");
        assertNothingStored();
    }

    @Test
    void requestWithoutSignInIsRefused() {
        caseworker.http().post().uri("/api/registrations")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Caseworker.windowRegistration(TestIds.adult(), "无人"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("SIGN_IN_REQUIRED");
        assertNothingStored();
    }

    @Test
    void tokenNamingAnAgencyTheCityDoesNotHaveSignsNobodyIn() {
        new Caseworker(port, "officer-x", "000000").post("/api/registrations",
                        Caseworker.windowRegistration(TestIds.adult(), "无机构"))
                .expectStatus().isUnauthorized();
        assertNothingStored();
    }

    @Test
    void contactOnUnknownCaseIsNotFound() {
        caseworker.post("/api/cases/01a21e55-0000-7000-8000-000000000000/contacts", Map.of(
                        "contactDate", CaseLifecycleFlow.TODAY.toString(), "method", "PHONE", "reached", false))
                .expectStatus().isNotFound();
        assertNothingStored();
    }

    @Test
    void contactDatedInTheFutureIsRejected() {
        String caseId = caseworker.registerAtWindow(TestIds.adult(), "未来");
        long afterRegistration = storedEvents();
        caseworker.post("/api/cases/" + caseId + "/contacts", Map.of(
                        "contactDate", CaseLifecycleFlow.TODAY.plusDays(1).toString(), "method", "PHONE",
                        "reached", false))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("DATE_IN_FUTURE")
                .jsonPath("$.field").isEqualTo("contactDate");
        assertThat(storedEvents()).isEqualTo(afterRegistration);
    }

    @Test
    void nonJsonContentTypeIsRejected() {
        rawPost("<registration/>", MediaType.APPLICATION_XML).expectStatus().isEqualTo(415);
        assertNothingStored();
    }

    /** API routes are closed unless listed with their roles: a method nobody is given is refused to all. */
    @Test
    void wrongMethodIsRefused() {
        caseworker.http().delete().uri("/api/registrations")
                .header(HttpHeaders.AUTHORIZATION, caseworker.bearer())
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertNothingStored();
    }

    private WebTestClient.ResponseSpec rawPost(String body, MediaType type) {
        return caseworker.http().post().uri("/api/registrations")
                .header(HttpHeaders.AUTHORIZATION, caseworker.bearer())
                .contentType(type)
                .bodyValue(body)
                .exchange();
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    private void assertNothingStored() {
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }
}
