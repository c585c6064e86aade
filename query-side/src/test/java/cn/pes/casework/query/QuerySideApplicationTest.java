package cn.pes.casework.query;

import cn.pes.casework.events.tracking.EmploymentStatus;
import cn.pes.casework.query.projection.ProjectionProcessingConfiguration;
import cn.pes.casework.query.projection.ProjectionProcessorsModule;
import cn.pes.casework.query.support.CaseEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
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

import static cn.pes.casework.query.support.CaseEvents.STREET_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;

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

    @Autowired
    WebTestClient http;
    @Autowired
    EventStore eventStore;
    @Autowired
    ApplicationContext context;

    private static void eventually(Runnable assertion) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
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
        var result = http.get().uri(uri).exchange().returnResult(JsonNode.class);
        assertThat(result.getStatus().value()).as("status of GET " + uri).isEqualTo(200);
        return result.getResponseBody().blockFirst(Duration.ofSeconds(10));
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
            assertThat(found.path("cases").get(0).path("status").asText()).isEqualTo("ACTIVE");
        });
        eventually(() -> {
            JsonNode byName = http.post().uri("/api/case-searches").contentType(MediaType.APPLICATION_JSON)
                                  .bodyValue(Map.of("name", "李四")).exchange()
                                  .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(byName.path("cases").get(0).path("caseId").asText()).isEqualTo(pending.caseId());
        });

        // Month defaults to the clock's: November 2026.
        eventually(() -> {
            JsonNode ledger = getJson("/api/agencies/" + STREET_AGENCY + "/tracking-ledger");
            assertThat(ledger.path("month").asText()).isEqualTo("2026-11");
            assertThat(ledger.path("rows").get(0).path("contactId").asText()).isEqualTo("c-1");
            assertThat(ledger.path("rows").get(0).path("person").path("name").asText()).isEqualTo("张三");
        });
        eventually(() -> {
            JsonNode uncontacted = getJson("/api/agencies/" + STREET_AGENCY + "/uncontacted-cases?month=2026-12");
            assertThat(uncontacted.path("activeCases").asInt()).isEqualTo(1);
            assertThat(uncontacted.path("cases").get(0).path("caseId").asText()).isEqualTo(events.caseId());
        });
        eventually(() -> {
            // asOf defaults to the clock's today, 2026-11-27: due on 11-25, so overdue.
            JsonNode overdue = getJson("/api/agencies/" + STREET_AGENCY + "/pending-applications?overdueOnly=true");
            assertThat(overdue.path("asOf").asText()).isEqualTo("2026-11-27");
            assertThat(overdue.path("applications").get(0).path("overdue").asBoolean()).isTrue();
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
}
