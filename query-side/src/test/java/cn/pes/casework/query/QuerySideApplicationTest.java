package cn.pes.casework.query;

import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.tracking.EmploymentStatus;
import cn.pes.casework.security.Officer;
import cn.pes.casework.security.OfficerAuthentication;
import cn.pes.casework.security.Role;
import cn.pes.casework.security.audit.AccessAction;
import cn.pes.casework.security.audit.AccessLog;
import cn.pes.casework.security.audit.AccessLogEntry;
import cn.pes.casework.query.projection.ProjectionProcessingConfiguration;
import cn.pes.casework.query.projection.ProjectionProcessorsModule;
import cn.pes.casework.query.support.CaseEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.pes.casework.query.support.CaseEvents.STREET_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockAuthentication;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/**
 * The query side as {@link QuerySideApplication} runs it, with its own {@code query-side.yml}: events
 * in a JDBC event store (H2 here instead of PostgreSQL), read models in the embedded store on an
 * H2 file, HTTP on a random port.
 */
@SpringBootTest(classes = {QuerySideApplication.class, QuerySideApplicationTest.TestSetup.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=query-side",
                "spring.datasource.url=jdbc:h2:mem:query-side-test;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
                "spring.datasource.username=sa",
                "spring.datasource.password=",
                "pes.projections.batch-size=50"
        })
// Closed after the class, not in a JVM shutdown hook racing H2's own, which left the fork hanging.
@DirtiesContext
class QuerySideApplicationTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TestConfiguration(proxyBeanMethods = false)
    static class TestSetup {

        /** Friday 2026-11-27 in the agencies' zone; replaces the auto-configured clock. */
        @Bean
        Clock testClock() {
            return Clock.fixed(LocalDate.of(2026, 11, 27).atTime(10, 0).atZone(ZONE).toInstant(), ZONE);
        }

        /** The command side creates the event tables; here the test does, before processors start. */
        @Bean
        InitializingBean eventTables(DataSource dataSource) {
            return () -> new ResourceDatabasePopulator(new ClassPathResource("events-schema-h2.sql")).execute(dataSource);
        }
    }

    static final Path DATA_DIR = createDataDir();

    static Path createDataDir() {
        try {
            return Files.createTempDirectory("query-side-test-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("pes.data-dir", DATA_DIR::toString);
    }

    /** Officers of the demonstration city (pes-agencies.yml): city 9901, counties 9901xx, streets 9901xxyyy. */
    static final Officer STREET_CASEWORKER = new Officer("W990101001A", STREET_AGENCY, Set.of(Role.CASEWORKER));
    static final Officer SECOND_STREET_CASEWORKER = new Officer("W990101002A", "990101002", Set.of(Role.CASEWORKER));
    static final Officer COUNTY_CASEWORKER = new Officer("W990101A", "990101", Set.of(Role.CASEWORKER));
    static final Officer OTHER_COUNTY_STREET_CASEWORKER = new Officer("W990102001A", "990102001", Set.of(Role.CASEWORKER));
    static final Officer WESTHILL_CASEWORKER = new Officer("W990103A", "990103", Set.of(Role.CASEWORKER));
    static final Officer CITY_ANALYST = new Officer("N9901A", "9901", Set.of(Role.ANALYST));
    static final Officer COUNTY_ANALYST = new Officer("N990102A", "990102", Set.of(Role.ANALYST));
    static final Officer AUDITOR = new Officer("A9901A", "9901", Set.of(Role.AUDITOR));

    @Autowired
    EventStore eventStore;
    @Autowired
    ApplicationContext context;
    @Autowired
    AccessLog accessLog;

    /**
     * Bound to the application context rather than the port, so that a test can sign an officer in
     * (mockAuthentication works only there); requests still pass every web filter, the security
     * filter chain included.
     */
    WebTestClient client;
    /** A street caseworker of {@link CaseEvents#STREET_AGENCY}, for the checks that are not about scope. */
    WebTestClient http;

    @BeforeEach
    void signIn() {
        client = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient()
                              .responseTimeout(Duration.ofSeconds(30)).build();
        http = as(STREET_CASEWORKER);
    }

    private WebTestClient as(Officer officer) {
        return client.mutateWith(mockAuthentication(new OfficerAuthentication(officer))).mutateWith(csrf());
    }

    private static void eventually(Runnable assertion) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError | NullPointerException | IndexOutOfBoundsException e) {
                // A row not there yet (JsonNode.get(0) is null) means the read model has not caught up either.
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Asserts 200 without WebTestClient's failure logging, which would flood the log while polling. */
    private JsonNode getJson(String uri) {
        return getJson(http, uri);
    }

    private static JsonNode getJson(WebTestClient client, String uri) {
        var result = client.get().uri(uri).exchange().returnResult(JsonNode.class);
        assertThat(result.getStatus().value()).as("status of GET " + uri).isEqualTo(200);
        return result.getResponseBody().blockFirst(Duration.ofSeconds(10));
    }

    private static JsonNode postJson(WebTestClient client, String uri, Object body) {
        var result = client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                           .returnResult(JsonNode.class);
        assertThat(result.getStatus().value()).as("status of POST " + uri).isEqualTo(200);
        return result.getResponseBody().blockFirst(Duration.ofSeconds(10));
    }

    private static List<String> caseIds(JsonNode searchResult) {
        List<String> ids = new ArrayList<>();
        searchResult.path("cases").forEach(found -> ids.add(found.path("caseId").asText()));
        return ids;
    }

    private JsonNode problem(WebTestClient.ResponseSpec response, int status) {
        return response.expectStatus().isEqualTo(status)
                       .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                       .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void wiringOfTheStandaloneQuerySide() {
        assertThat(context.getBeansOfType(MongoClient.class)).containsOnlyKeys("readModelMongoClient");
        assertThat(context.getBeansOfType(Clock.class)).containsOnlyKeys("testClock");
        assertThat(Files.exists(DATA_DIR.resolve("readmodels").resolve("readmodels.mv"))).isTrue();
        assertThat(context.getBeansOfType(ProjectionProcessorsModule.class)).hasSize(1);
    }

    @Test
    void answersFromTheReadModelsOverHttp() {
        CaseEvents events = CaseEvents.newCase();
        List<EventMessage<?>> stream = new ArrayList<>(List.of(
                events.next(events.opened(CaseEvents.person("11010519900101123X", "张三"))),
                events.next(events.registered(1, LocalDate.of(2026, 10, 8), STREET_AGENCY)),
                events.next(events.phoneContact(1, "c-1", LocalDate.of(2026, 11, 3), EmploymentStatus.UNEMPLOYED, STREET_AGENCY))));
        CaseEvents pending = CaseEvents.newCase();
        stream.add(pending.next(pending.opened(CaseEvents.person("110105199202021234", "李四"))));
        stream.add(pending.next(pending.applied(1, LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 25), STREET_AGENCY)));
        eventStore.publish(stream);

        eventually(() -> assertThat(getJson("/api/cases/" + events.caseId() + "/history").path("entries")).hasSize(3));
        eventually(() -> assertThat(getJson("/api/cases/" + pending.caseId()).path("status").asText()).isEqualTo("PENDING"));

        JsonNode view = getJson("/api/cases/" + events.caseId());
        assertThat(view.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(view.path("spells").get(0).path("registeredOn").asText()).isEqualTo("2026-10-08");
        assertThat(view.path("lastSequence").asLong()).isEqualTo(2);

        JsonNode history = getJson("/api/cases/" + events.caseId() + "/history");
        assertThat(history.path("entries").get(2).path("description").asText()).startsWith("电话调查：已联系上，未就业");

        eventually(() -> {
            JsonNode found = http.post().uri("/api/case-searches").contentType(MediaType.APPLICATION_JSON)
                                 .bodyValue(Map.of("idNumber", "11010519900101123x")).exchange()
                                 .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(found.path("cases")).hasSize(1);
            assertThat(found.path("cases").path(0).path("status").asText()).isEqualTo("ACTIVE");
        });
        eventually(() -> {
            JsonNode byName = http.post().uri("/api/case-searches").contentType(MediaType.APPLICATION_JSON)
                                  .bodyValue(Map.of("name", "李四")).exchange()
                                  .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(byName.path("cases").path(0).path("caseId").asText()).isEqualTo(pending.caseId());
        });

        // Month defaults to the clock's: November 2026.
        eventually(() -> {
            JsonNode ledger = getJson("/api/agencies/" + STREET_AGENCY + "/tracking-ledger");
            assertThat(ledger.path("month").asText()).isEqualTo("2026-11");
            assertThat(ledger.path("rows").path(0).path("contactId").asText()).isEqualTo("c-1");
            // Personal data leaves masked; full values only through a logged disclosure.
            assertThat(ledger.path("rows").path(0).path("person").path("name").asText()).isEqualTo("张*");
            assertThat(ledger.path("rows").path(0).path("person").path("masked").asBoolean()).isTrue();
        });
        eventually(() -> {
            JsonNode uncontacted = getJson("/api/agencies/" + STREET_AGENCY + "/uncontacted-cases?month=2026-12");
            assertThat(uncontacted.path("activeCases").asInt()).isEqualTo(1);
            assertThat(uncontacted.path("cases").path(0).path("caseId").asText()).isEqualTo(events.caseId());
        });
        eventually(() -> {
            // asOf defaults to the clock's today, 2026-11-27: due on 11-25, so overdue.
            JsonNode overdue = getJson("/api/agencies/" + STREET_AGENCY + "/pending-applications?overdueOnly=true");
            assertThat(overdue.path("asOf").asText()).isEqualTo("2026-11-27");
            assertThat(overdue.path("applications").path(0).path("overdue").asBoolean()).isTrue();
        });
        JsonNode notYet = getJson("/api/agencies/" + STREET_AGENCY + "/pending-applications?overdueOnly=true&asOf=2026-11-25");
        assertThat(notYet.path("applications")).isEmpty();

        MongoClient client = context.getBean("readModelMongoClient", MongoClient.class);
        for (String group : ProjectionProcessingConfiguration.PROCESSING_GROUPS) {
            assertThat(client.getDatabase("casework").getCollection(ProjectionProcessorsModule.TOKEN_COLLECTION)
                             .countDocuments(Filters.eq("processorName", group))).isPositive();
        }
    }

    @Test
    void unknownCasesAreProblems() {
        JsonNode notFound = problem(http.get().uri("/api/cases/no-such-case").exchange(), 404);
        assertThat(notFound.path("ruleId").asText()).isEqualTo("NOT_FOUND");
        assertThat(notFound.path("status").asInt()).isEqualTo(404);
        problem(http.get().uri("/api/cases/no-such-case/history").exchange(), 404);
    }

    @Test
    void badInputIsA400ProblemNamingTheField() {
        JsonNode month = problem(http.get().uri("/api/agencies/990101001/tracking-ledger?month=2026-13").exchange(), 400);
        assertThat(month.path("ruleId").asText()).isEqualTo("INPUT");
        assertThat(month.path("field").asText()).isEqualTo("month");
        assertThat(problem(http.get().uri("/api/agencies/990101001/uncontacted-cases?month=11-2026").exchange(), 400)
                           .path("field").asText()).isEqualTo("month");
        assertThat(problem(http.get().uri("/api/agencies/990101001/pending-applications?asOf=2026-11-31").exchange(), 400)
                           .path("field").asText()).isEqualTo("asOf");
        assertThat(problem(http.get().uri("/api/agencies/990101001/pending-applications?overdueOnly=maybe").exchange(), 400)
                           .path("field").asText()).isEqualTo("overdueOnly");

        JsonNode neither = problem(http.post().uri("/api/case-searches").contentType(MediaType.APPLICATION_JSON)
                                       .bodyValue(Map.of()).exchange(), 400);
        assertThat(neither.path("ruleId").asText()).isEqualTo("INPUT");
        JsonNode both = problem(http.post().uri("/api/case-searches").contentType(MediaType.APPLICATION_JSON)
                                    .bodyValue(Map.of("idNumber", "11010519900101123X", "name", "张三")).exchange(), 400);
        assertThat(both.toString()).doesNotContain("11010519900101123X", "张三");
        problem(http.post().uri("/api/case-searches").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"idNumber\": ").exchange(), 400);
        problem(http.post().uri("/api/case-searches").contentType(MediaType.APPLICATION_JSON).exchange(), 400);
        problem(http.post().uri("/api/case-searches").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("name", "张".repeat(300_000))).exchange(), 413);
    }

    // Scope: the role a route needs is the security filter chain's; which agency's data is the controllers'.

    @Test
    void anonymousRequestsAreRefused() {
        client.get().uri("/api/cases/any").exchange().expectStatus().isUnauthorized();
        client.mutateWith(csrf()).post().uri("/api/case-searches").contentType(MediaType.APPLICATION_JSON)
              .bodyValue(Map.of("name", "张三")).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void caseworkerOfAnotherAgencySeesTheCaseMaskedButCannotRevealIt() {
        CaseEvents events = CaseEvents.newCase();
        eventStore.publish(events.next(events.opened(CaseEvents.person("110105198801011234", "赵六"))),
                           events.next(events.registered(1, LocalDate.of(2026, 10, 12), "990101002")));
        WebTestClient outsider = as(OTHER_COUNTY_STREET_CASEWORKER);

        // REG-4 (city-wide service): any caseworker finds and reads any case, masked.
        eventually(() -> assertThat(getJson(outsider, "/api/cases/" + events.caseId()).path("status").asText())
                .isEqualTo("ACTIVE"));
        JsonNode view = getJson(outsider, "/api/cases/" + events.caseId());
        assertThat(view.path("agencyId").asText()).isEqualTo("990101002");
        assertThat(view.path("person").path("idNumber").asText()).isEqualTo("1101**********1234");
        assertThat(view.path("person").path("name").asText()).isEqualTo("赵*");
        assertThat(view.path("person").path("phone").asText()).isEqualTo("138****5678");
        assertThat(view.path("person").path("masked").asBoolean()).isTrue();
        assertThat(view.toString()).doesNotContain("110105198801011234", "赵六", "13812345678");
        // Another processing group: it may not have caught up with the case summary yet.
        eventually(() -> assertThat(getJson(outsider, "/api/cases/" + events.caseId() + "/history").path("entries"))
                .isNotEmpty());

        JsonNode refused = problem(outsider.post().uri("/api/cases/" + events.caseId() + "/personal-data/disclosures")
                                           .contentType(MediaType.APPLICATION_JSON)
                                           .bodyValue(Map.of("purpose", "核对身份以转介岗位")).exchange(), 404);
        assertThat(refused.path("ruleId").asText()).isEqualTo("NOT_FOUND");
        assertThat(refused.toString()).doesNotContain("110105198801011234", "赵六", "990101002");
        // The same answer as for a case that does not exist, and nothing is logged.
        assertThat(withoutInstance(problem(outsider.post().uri("/api/cases/no-such-case/personal-data/disclosures")
                                                   .contentType(MediaType.APPLICATION_JSON)
                                                   .bodyValue(Map.of("purpose", "核对身份以转介岗位")).exchange(), 404)))
                .isEqualTo(withoutInstance(refused));
        assertThat(accessLog.search(OTHER_COUNTY_STREET_CASEWORKER.officerId(), AccessAction.PERSONAL_DATA_REVEALED,
                                    events.caseId(), null, null, 10)).isEmpty();
        // Reading the masked case and its history is recorded, as every read of a person's record is.
        assertThat(accessLog.search(OTHER_COUNTY_STREET_CASEWORKER.officerId(), AccessAction.CASE_VIEWED,
                                    events.caseId(), null, null, 10)).isNotEmpty();
    }

    @Test
    void caseworkerInScopeRevealsFullPersonalDataAndTheAccessLogRecordsIt() {
        CaseEvents events = CaseEvents.newCase();
        eventStore.publish(events.next(events.opened(CaseEvents.person("11010519870707567X", "钱七"))),
                           events.next(events.registered(1, LocalDate.of(2026, 10, 15), "990101002")));
        WebTestClient own = as(SECOND_STREET_CASEWORKER);
        eventually(() -> assertThat(getJson(own, "/api/cases/" + events.caseId()).path("status").asText())
                .isEqualTo("ACTIVE"));

        String purpose = "办理失业保险金申领，核对身份证号";
        JsonNode disclosure = own.post().uri("/api/cases/" + events.caseId() + "/personal-data/disclosures")
                                 .header("X-Correlation-Id", "corr-reveal-1")
                                 .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("purpose", purpose))
                                 .exchange().expectStatus().isOk()
                                 .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(disclosure.path("caseId").asText()).isEqualTo(events.caseId());
        assertThat(disclosure.path("idNumber").asText()).isEqualTo("11010519870707567X");
        assertThat(disclosure.path("name").asText()).isEqualTo("钱七");
        assertThat(disclosure.path("phone").asText()).isEqualTo("13812345678");
        assertThat(disclosure.has("masked")).isFalse();
        assertThat(disclosure.path("disclosedAt").asText()).isEqualTo("2026-11-27T02:00:00Z");

        List<AccessLogEntry> logged = accessLog.search(SECOND_STREET_CASEWORKER.officerId(),
                                                       AccessAction.PERSONAL_DATA_REVEALED, events.caseId(), null, null, 10);
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).agencyId()).isEqualTo("990101002");
        assertThat(logged.get(0).detail()).isEqualTo(purpose);
        assertThat(logged.get(0).correlationId()).isEqualTo("corr-reveal-1");
        assertThat(logged.get(0).toString()).doesNotContain("11010519870707567X", "钱七");

        // The county above the street, and auditors anywhere, may reveal too; each time is logged.
        postJson(as(COUNTY_CASEWORKER), "/api/cases/" + events.caseId() + "/personal-data/disclosures",
                 Map.of("purpose", "区级复核失业登记材料"));
        postJson(as(AUDITOR), "/api/cases/" + events.caseId() + "/personal-data/disclosures",
                 Map.of("purpose", "年度审计抽查"));
        assertThat(accessLog.search(null, AccessAction.PERSONAL_DATA_REVEALED, events.caseId(), null, null, 10))
                .extracting(AccessLogEntry::officerId)
                .containsExactly(AUDITOR.officerId(), COUNTY_CASEWORKER.officerId(), SECOND_STREET_CASEWORKER.officerId());
        // A sibling street is outside the scope.
        problem(as(STREET_CASEWORKER).post().uri("/api/cases/" + events.caseId() + "/personal-data/disclosures")
                                     .contentType(MediaType.APPLICATION_JSON)
                                     .bodyValue(Map.of("purpose", "核对身份以转介岗位")).exchange(), 404);

        // Auditors read the same rows over HTTP.
        JsonNode log = getJson(as(AUDITOR), "/api/audit/access-log?action=PERSONAL_DATA_REVEALED&target="
                + events.caseId() + "&officerId=" + SECOND_STREET_CASEWORKER.officerId());
        assertThat(log.path("entries")).hasSize(1);
        assertThat(log.path("entries").get(0).path("detail").asText()).isEqualTo(purpose);
        assertThat(log.path("entries").get(0).path("correlationId").asText()).isEqualTo("corr-reveal-1");
        assertThat(log.path("entries").get(0).path("occurredAt").asText()).isEqualTo("2026-11-27T02:00:00Z");
        assertThat(getJson(as(AUDITOR), "/api/audit/access-log?target=" + events.caseId() + "&limit=2")
                           .path("entries")).hasSize(2);
        assertThat(getJson(as(AUDITOR), "/api/audit/access-log?target=" + events.caseId()
                + "&from=2026-11-27T02:00:01Z").path("entries")).isEmpty();
    }

    @Test
    void aRevealNeedsAPurposeOfFourTo200Characters() {
        String uri = "/api/cases/any-case/personal-data/disclosures";
        for (Object body : List.<Object>of(Map.of(), Map.of("purpose", "查看"), Map.of("purpose", "  查看一  "),
                                           Map.of("purpose", "查".repeat(201)), Map.of("purpose", "    "))) {
            JsonNode invalid = problem(as(AUDITOR).post().uri(uri).contentType(MediaType.APPLICATION_JSON)
                                                  .bodyValue(body).exchange(), 400);
            assertThat(invalid.path("ruleId").asText()).isEqualTo("INPUT");
            assertThat(invalid.path("field").asText()).isEqualTo("purpose");
        }
        assertThat(problem(as(AUDITOR).post().uri(uri).contentType(MediaType.APPLICATION_JSON).exchange(), 400)
                           .path("field").asText()).isEqualTo("purpose");
        problem(as(AUDITOR).post().uri(uri).contentType(MediaType.APPLICATION_JSON)
                           .bodyValue("{\"purpose\": ").exchange(), 400);
        // Four characters are enough; the case is unknown, so 404.
        problem(as(AUDITOR).post().uri(uri).contentType(MediaType.APPLICATION_JSON)
                           .bodyValue(Map.of("purpose", "核对身份")).exchange(), 404);
    }

    @Test
    void countyCaseworkerSeesItsStreetsListsButAStreetCaseworkerNotAnotherStreets() {
        CaseEvents events = CaseEvents.newCase();
        eventStore.publish(events.next(events.opened(CaseEvents.person("110105198505055678", "孙八"))),
                           events.next(events.registered(1, LocalDate.of(2026, 10, 20), "990101002")),
                           events.next(events.phoneContact(1, "c-scope-1", LocalDate.of(2026, 11, 4),
                                                           EmploymentStatus.UNEMPLOYED, "990101002")));
        String ledger = "/api/agencies/990101002/tracking-ledger";
        eventually(() -> assertThat(caseIdsOfRows(getJson(as(SECOND_STREET_CASEWORKER), ledger)))
                .contains(events.caseId()));
        assertThat(caseIdsOfRows(getJson(as(COUNTY_CASEWORKER), ledger))).contains(events.caseId());
        assertThat(caseIdsOfRows(getJson(as(AUDITOR), ledger))).contains(events.caseId());
        getJson(as(COUNTY_CASEWORKER), "/api/agencies/990101002/uncontacted-cases");
        getJson(as(COUNTY_CASEWORKER), "/api/agencies/990101002/pending-applications");

        for (String list : List.of("tracking-ledger", "uncontacted-cases", "pending-applications")) {
            JsonNode sibling = problem(as(STREET_CASEWORKER).get().uri("/api/agencies/990101002/" + list).exchange(), 404);
            assertThat(sibling.path("ruleId").asText()).isEqualTo("NOT_FOUND");
            // A county does not see another county's streets, nor a street its county.
            problem(as(WESTHILL_CASEWORKER).get().uri("/api/agencies/990101002/" + list).exchange(), 404);
            problem(as(STREET_CASEWORKER).get().uri("/api/agencies/990101/" + list).exchange(), 404);
            // An unknown agency is the same answer, for everyone.
            assertThat(withoutInstance(problem(as(AUDITOR).get().uri("/api/agencies/990199999/" + list).exchange(), 404)))
                    .isEqualTo(withoutInstance(sibling));
        }
        // Scope comes before reading the parameters: a bad month outside it says nothing either.
        problem(as(STREET_CASEWORKER).get().uri(ledger + "?month=2026-13").exchange(), 404);
    }

    @Test
    void searchByIdNumberIsCityWideButByNameOnlyWithinTheOfficersAgencies() {
        CaseEvents central = CaseEvents.newCase();
        CaseEvents westhill = CaseEvents.newCase();
        eventStore.publish(central.next(central.opened(CaseEvents.person("110105197603031111", "周九"))),
                           central.next(central.registered(1, LocalDate.of(2026, 10, 1), "990101002")),
                           westhill.next(westhill.opened(CaseEvents.person("110105197604042222", "周九"))),
                           westhill.next(westhill.registered(1, LocalDate.of(2026, 10, 2), "990103001")));
        Map<String, String> byName = Map.of("name", "周九");
        // Both registrations projected (the agency of a case comes from its registration, after its opening).
        eventually(() -> {
            assertThat(caseIds(postJson(as(AUDITOR), "/api/case-searches", byName)))
                    .containsExactlyInAnyOrder(central.caseId(), westhill.caseId());
            assertThat(caseIds(postJson(as(SECOND_STREET_CASEWORKER), "/api/case-searches", byName)))
                    .containsExactly(central.caseId());
            assertThat(caseIds(postJson(as(WESTHILL_CASEWORKER), "/api/case-searches", byName)))
                    .containsExactly(westhill.caseId());
        });
        assertThat(caseIds(postJson(as(COUNTY_CASEWORKER), "/api/case-searches", byName)))
                .containsExactly(central.caseId());
        assertThat(caseIds(postJson(as(WESTHILL_CASEWORKER), "/api/case-searches", byName)))
                .containsExactly(westhill.caseId());
        assertThat(caseIds(postJson(as(STREET_CASEWORKER), "/api/case-searches", byName))).isEmpty();

        // REG-4: the full ID number finds the person's case wherever it is, masked.
        JsonNode byIdNumber = postJson(as(STREET_CASEWORKER), "/api/case-searches", Map.of("idNumber", "110105197604042222"));
        assertThat(caseIds(byIdNumber)).containsExactly(westhill.caseId());
        assertThat(byIdNumber.path("cases").get(0).path("person").path("masked").asBoolean()).isTrue();
        assertThat(byIdNumber.toString()).doesNotContain("110105197604042222", "周九");
    }

    @Test
    void statisticsOfACountySumItsStreets() {
        publishCountyCaseload();
        eventually(() -> {
            JsonNode county = getJson(as(COUNTY_ANALYST), "/api/statistics/agencies/990102/caseload");
            assertThat(county.path("agencyId").asText()).isEqualTo("990102");
            assertThat(county.path("month").asText()).isEqualTo("2026-11");
            assertThat(county.path("agencies")).extracting(JsonNode::asText)
                                               .containsExactly("990102", "990102001", "990102002");
            assertThat(county.path("activeCases").asInt()).isEqualTo(3);
            // The case contacted and then employed still counts as contacted that month.
            assertThat(county.path("contactedCases").asInt()).isEqualTo(2);
            assertThat(county.path("uncontactedCases").asInt()).isEqualTo(2);
            assertThat(county.path("pendingApplications").asInt()).isEqualTo(2);
            assertThat(county.path("overdueApplications").asInt()).isEqualTo(1);
            // By effective date: November took in one registration and lost one case to work.
            assertThat(county.path("newRegistrations").asInt()).isEqualTo(1);
            assertThat(county.path("employed").asInt()).isEqualTo(1);
            assertThat(county.path("cancelled").asInt()).isZero();
        });
        JsonNode street = getJson(as(OTHER_COUNTY_STREET_CASEWORKER), "/api/statistics/agencies/990102001/caseload");
        assertThat(street.path("agencies")).extracting(JsonNode::asText).containsExactly("990102001");
        assertThat(street.path("activeCases").asInt()).isEqualTo(2);
        assertThat(street.path("contactedCases").asInt()).isEqualTo(2);
        assertThat(street.path("uncontactedCases").asInt()).isEqualTo(1);
        assertThat(street.path("pendingApplications").asInt()).isZero();
        assertThat(street.path("newRegistrations").asInt()).isZero();
        assertThat(street.path("employed").asInt()).isEqualTo(1);

        JsonNode october = getJson(as(COUNTY_ANALYST), "/api/statistics/agencies/990102/caseload?month=2026-10");
        assertThat(october.path("month").asText()).isEqualTo("2026-10");
        assertThat(october.path("activeCases").asInt()).isEqualTo(2);
        assertThat(october.path("contactedCases").asInt()).isZero();
        assertThat(october.path("uncontactedCases").asInt()).isEqualTo(2);
        // The cancellation recorded in November took effect in October.
        assertThat(october.path("newRegistrations").asInt()).isEqualTo(4);
        assertThat(october.path("employed").asInt()).isZero();
        assertThat(october.path("cancelled").asInt()).isEqualTo(1);

        JsonNode city = getJson(as(CITY_ANALYST), "/api/statistics/agencies/9901/caseload");
        assertThat(city.path("agencies")).hasSize(9);
        assertThat(city.path("agencies").get(0).asText()).isEqualTo("9901");
        assertThat(city.path("activeCases").asInt()).isGreaterThanOrEqualTo(3);

        assertThat(problem(as(CITY_ANALYST).get().uri("/api/statistics/agencies/990102/caseload?month=2026-13")
                                           .exchange(), 400).path("field").asText()).isEqualTo("month");
    }

    /**
     * Through the security filter chain and the running processors. Only the statistics route is
     * reachable here: the department and case subsidy routes wait for their roles in the security
     * module's configuration.
     */
    @Test
    void subsidyStatisticsOfACountySumItsStreetsByMonthOfPayment() {
        CaseEvents a = CaseEvents.newCase();
        CaseEvents b = CaseEvents.newCase();
        List<EventMessage<?>> events = List.of(
                a.next(a.openedWithKey(CaseEvents.person("110105199001013333", "王五"))),
                a.next(a.subsidyPaid("s-1", "990102001", "1500", "500", LocalDate.of(2026, 11, 10), false)),
                b.next(b.openedWithKey(CaseEvents.person("110105199001014444", "赵六"))),
                b.next(b.subsidyPaid("s-2", "990102", "1000", "0", LocalDate.of(2026, 11, 12), false)),
                b.next(b.subsidyPaid("s-3", "990102", "2000", "0", LocalDate.of(2026, 12, 1), false)));
        eventStore.publish(events);

        eventually(() -> {
            JsonNode county = getJson(as(COUNTY_ANALYST), "/api/statistics/agencies/990102/subsidies");
            assertThat(county.path("month").asText()).isEqualTo("2026-11");
            assertThat(county.path("agencyIds")).extracting(JsonNode::asText)
                                                .containsExactly("990102", "990102001", "990102002");
            assertThat(county.path("subsidiesPaid").asInt()).isEqualTo(2);
            assertThat(county.path("subsidyAmount").decimalValue()).isEqualByComparingTo("2500");
            assertThat(county.path("allowancesPaid").asInt()).isEqualTo(1);
            assertThat(county.path("allowanceAmount").decimalValue()).isEqualByComparingTo("500");
        });
        JsonNode december = getJson(as(COUNTY_ANALYST), "/api/statistics/agencies/990102/subsidies?month=2026-12");
        assertThat(december.path("subsidiesPaid").asInt()).isEqualTo(1);
        assertThat(december.path("allowancesPaid").asInt()).isZero();
        assertThat(getJson(as(OTHER_COUNTY_STREET_CASEWORKER), "/api/statistics/agencies/990102001/subsidies")
                           .path("subsidiesPaid").asInt()).isEqualTo(1);
        problem(as(OTHER_COUNTY_STREET_CASEWORKER).get().uri("/api/statistics/agencies/990102/subsidies").exchange(), 404);
    }

    @Test
    void analystsSeeStatisticsWithoutPersonalDataButNoListOrCase() {
        publishCountyCaseload();
        eventually(() -> assertThat(getJson(as(CITY_ANALYST), "/api/statistics/agencies/990102/caseload")
                                            .path("activeCases").asInt()).isEqualTo(3));
        JsonNode figures = getJson(as(CITY_ANALYST), "/api/statistics/agencies/990102/caseload");
        assertThat(figures.findValues("person")).isEmpty();
        assertThat(figures.findValues("caseId")).isEmpty();
        assertThat(figures.toString()).doesNotContain("1101", "吴", "郑", "冯", "陈", "褚", "卫", "蒋", "138");

        // Statistics only within the analyst's own agency; outside it, as if there were no such agency.
        problem(as(COUNTY_ANALYST).get().uri("/api/statistics/agencies/9901/caseload").exchange(), 404);
        problem(as(COUNTY_ANALYST).get().uri("/api/statistics/agencies/990101/caseload").exchange(), 404);
        problem(as(OTHER_COUNTY_STREET_CASEWORKER).get().uri("/api/statistics/agencies/990102002/caseload").exchange(), 404);
        problem(as(AUDITOR).get().uri("/api/statistics/agencies/990199999/caseload").exchange(), 404);

        // No lists of people and no case files: the route table refuses the role (403); behind it, scope (404).
        for (String uri : List.of("/api/agencies/990102001/tracking-ledger", "/api/agencies/990102001/uncontacted-cases",
                                  "/api/agencies/990102001/pending-applications", "/api/cases/any-case")) {
            int status = as(CITY_ANALYST).get().uri(uri).exchange().returnResult(String.class).getStatus().value();
            assertThat(status).as(uri).isIn(403, 404);
        }
    }

    @Test
    void theAccessLogIsForAuditorsAndRejectsBadParametersNamingTheField() {
        assertThat(getJson(as(AUDITOR), "/api/audit/access-log").has("entries")).isTrue();
        int status = as(STREET_CASEWORKER).get().uri("/api/audit/access-log").exchange()
                                          .returnResult(String.class).getStatus().value();
        assertThat(status).isIn(403, 404);

        Map<String, String> bad = Map.of("limit=0", "limit", "limit=1001", "limit", "limit=ten", "limit",
                                         "action=PEEKED", "action", "from=2026-11-27", "from", "to=yesterday", "to",
                                         "from=2026-11-27T02:00:00Z&to=2026-11-26T02:00:00Z", "to",
                                         "target=" + "x".repeat(101), "target");
        bad.forEach((parameters, field) -> {
            JsonNode invalid = problem(as(AUDITOR).get().uri("/api/audit/access-log?" + parameters).exchange(), 400);
            assertThat(invalid.path("field").asText()).as(parameters).isEqualTo(field);
            assertThat(invalid.path("ruleId").asText()).isEqualTo("INPUT");
        });
        assertThat(getJson(as(AUDITOR), "/api/audit/access-log?limit=1000&action=personal_data_revealed")
                           .path("entries").isArray()).isTrue();
    }

    /** A problem as it would read for any other request: without the path that was asked for. */
    private static JsonNode withoutInstance(JsonNode problem) {
        ObjectNode copy = problem.deepCopy();
        copy.remove("instance");
        return copy;
    }

    private static List<String> caseIdsOfRows(JsonNode ledger) {
        List<String> ids = new ArrayList<>();
        ledger.path("rows").forEach(row -> ids.add(row.path("caseId").asText()));
        return ids;
    }

    /**
     * County 990102, used by no other test: two active cases, one contacted-then-employed and one
     * cancelled with effect from October in street 990102001, one active and two pending applications
     * (one overdue on 2026-11-27) in 990102002.
     */
    private void publishCountyCaseload() {
        synchronized (QuerySideApplicationTest.class) {
            if (countyCaseloadPublished) {
                return;
            }
            countyCaseloadPublished = true;
        }
        CaseEvents a = CaseEvents.newCase();
        CaseEvents b = CaseEvents.newCase();
        CaseEvents c = CaseEvents.newCase();
        CaseEvents d = CaseEvents.newCase();
        CaseEvents e = CaseEvents.newCase();
        CaseEvents f = CaseEvents.newCase();
        CaseEvents g = CaseEvents.newCase();
        eventStore.publish(List.of(
                a.next(a.opened(CaseEvents.person("110105196001010011", "吴一"))),
                a.next(a.registered(1, LocalDate.of(2026, 10, 8), "990102001")),
                a.next(a.phoneContact(1, "s-a1", LocalDate.of(2026, 11, 5), EmploymentStatus.UNEMPLOYED, "990102001")),
                a.next(a.phoneContact(1, "s-a2", LocalDate.of(2026, 11, 20), EmploymentStatus.UNEMPLOYED, "990102001")),
                b.next(b.opened(CaseEvents.person("110105196002020022", "郑二"))),
                b.next(b.registered(1, LocalDate.of(2026, 10, 10), "990102001")),
                c.next(c.opened(CaseEvents.person("110105196003030033", "冯三"))),
                c.next(c.registered(1, LocalDate.of(2026, 11, 2), "990102002")),
                d.next(d.opened(CaseEvents.person("110105196004040044", "陈四"))),
                d.next(d.applied(1, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 25), "990102002")),
                e.next(e.opened(CaseEvents.person("110105196005050055", "褚五"))),
                e.next(e.applied(1, LocalDate.of(2026, 11, 26), LocalDate.of(2026, 12, 3), "990102002")),
                f.next(f.opened(CaseEvents.person("110105196006060066", "卫六"))),
                f.next(f.registered(1, LocalDate.of(2026, 10, 9), "990102001")),
                f.next(f.phoneContact(1, "s-f1", LocalDate.of(2026, 11, 10), EmploymentStatus.EMPLOYED_BY_UNIT, "990102001")),
                f.next(f.employed(1, LocalDate.of(2026, 11, 9), "s-f1", "990102001")),
                g.next(g.opened(CaseEvents.person("110105196007070077", "蒋七"))),
                g.next(g.registered(1, LocalDate.of(2026, 10, 12), "990102001")),
                g.next(g.cancelled(1, CancellationGround.MOVED_ABROAD, LocalDate.of(2026, 10, 30), "990102001"))));
    }

    private static boolean countyCaseloadPublished;
}
