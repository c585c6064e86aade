package cn.pes.casework.platform.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a caseworker's client sends over HTTP, as one officer of one agency. */
public class Caseworker {

    private final WebTestClient http;
    private final String officerId;
    private final String agencyId;

    public Caseworker(int port, String officerId, String agencyId) {
        this(WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build(), officerId, agencyId);
    }

    public Caseworker(WebTestClient http, String officerId, String agencyId) {
        this.http = http;
        this.officerId = officerId;
        this.agencyId = agencyId;
    }

    public WebTestClient http() {
        return http;
    }

    public String agencyId() {
        return agencyId;
    }

    public WebTestClient.ResponseSpec post(String path, Object body) {
        return http.post().uri(path)
                .header("X-Officer-Id", officerId)
                .header("X-Agency-Id", agencyId)
                .header("X-Correlation-Id", "test-" + System.nanoTime())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    public JsonNode get(String path) {
        return http.get().uri(path).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult()
                .getResponseBody();
    }

    public static Map<String, Object> windowRegistration(String idNumber, String name) {
        return Map.of(
                "person", Map.of("idNumber", idNumber, "name", name, "phone", "13812345678"),
                "channel", "WINDOW",
                "presentedDocument", "RESIDENT_ID_CARD",
                "declaration", eligible(),
                "reason", "LOST_JOB",
                "categories", java.util.List.of("GRADUATE"));
    }

    public static Map<String, Object> onlineApplication(String idNumber, String name, String channel) {
        return Map.of(
                "person", Map.of("idNumber", idNumber, "name", name),
                "channel", channel,
                "declaration", eligible(),
                "reason", "GRADUATE");
    }

    public static Map<String, Object> eligible() {
        return Map.of("receivingPension", false, "employed", false, "ableToWork", true, "wantsWork", true);
    }

    /** Registers at the window and returns the case ID. */
    public String registerAtWindow(String idNumber, String name) {
        JsonNode outcome = post("/api/registrations", windowRegistration(idNumber, name))
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(outcome.path("status").asText()).isEqualTo("ACTIVE");
        return outcome.path("caseId").asText();
    }

    public String phoneContact(String caseId, LocalDate date, boolean reached) {
        JsonNode answer = post("/api/cases/" + caseId + "/contacts", Map.of(
                "contactDate", date.toString(),
                "method", "PHONE",
                "reached", reached,
                "statusFound", "UNEMPLOYED",
                "servicesGiven", java.util.List.of("POLICY_INFORMATION", "CAREER_GUIDANCE"),
                "nextStep", "下月继续电话跟踪"))
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return answer.path("contactId").asText();
    }

    public JsonNode caseView(String caseId) {
        return get("/api/cases/" + caseId);
    }

    public JsonNode history(String caseId) {
        return get("/api/cases/" + caseId + "/history");
    }

    public JsonNode ledger(YearMonth month) {
        return get("/api/agencies/" + agencyId + "/tracking-ledger?month=" + month);
    }

    public JsonNode uncontacted(YearMonth month) {
        return get("/api/agencies/" + agencyId + "/uncontacted-cases?month=" + month);
    }

    public JsonNode pendingApplications(boolean overdueOnly) {
        return get("/api/agencies/" + agencyId + "/pending-applications?overdueOnly=" + overdueOnly);
    }

    public JsonNode searchByIdNumber(String idNumber) {
        return post("/api/case-searches", Map.of("idNumber", idNumber)).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    public JsonNode searchByName(String name) {
        return post("/api/case-searches", Map.of("name", name)).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
