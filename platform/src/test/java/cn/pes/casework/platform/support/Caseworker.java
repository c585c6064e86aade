package cn.pes.casework.platform.support;

import cn.pes.casework.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an officer's client sends over HTTP, as one signed-in officer of one agency (a caseworker
 * unless other roles are given), with a bearer token fresh for the platform's clock at every request.
 */
public class Caseworker {

    private final WebTestClient http;
    private final String officerId;
    private final String agencyId;
    private final Role[] roles;
    private final Supplier<Instant> clock;

    public Caseworker(int port, String officerId, String agencyId) {
        this(client(port), officerId, agencyId);
    }

    public Caseworker(WebTestClient http, String officerId, String agencyId) {
        this(http, officerId, agencyId, Instant::now, Role.CASEWORKER);
    }

    public Caseworker(WebTestClient http, String officerId, String agencyId, Supplier<Instant> clock, Role... roles) {
        this.http = http;
        this.officerId = officerId;
        this.agencyId = agencyId;
        this.clock = clock;
        this.roles = roles;
    }

    /** An officer in other roles, on the platform at {@code port}, whose clock is {@code clock}. */
    public static Caseworker officer(int port, String officerId, String agencyId, Clock clock, Role... roles) {
        return new Caseworker(client(port), officerId, agencyId, clock::instant, roles);
    }

    public static WebTestClient client(int port) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** The same officer, with tokens issued at the platform's (test) clock. */
    public Caseworker at(Clock platformClock) {
        return new Caseworker(http, officerId, agencyId, platformClock::instant, roles);
    }

    public WebTestClient http() {
        return http;
    }

    public String officerId() {
        return officerId;
    }

    public String bearer() {
        return "Bearer " + TestTokens.mint(officerId, agencyId, clock.get(), roles);
    }

    public WebTestClient.ResponseSpec getting(String path) {
        return http.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer()).exchange();
    }

    public WebTestClient.ResponseSpec put(String path, Object body) {
        return http.put().uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    public String agencyId() {
        return agencyId;
    }

    public WebTestClient.ResponseSpec post(String path, Object body) {
        return http.post().uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .header("X-Correlation-Id", "test-" + System.nanoTime())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    public JsonNode get(String path) {
        return getting(path).expectStatus().isOk().expectBody(JsonNode.class).returnResult()
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

    /** The explicit, logged reveal of a case's full personal data. */
    public JsonNode reveal(String caseId) {
        return post("/api/cases/" + caseId + "/personal-data/disclosures", Map.of("purpose", "核对身份信息"))
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
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
