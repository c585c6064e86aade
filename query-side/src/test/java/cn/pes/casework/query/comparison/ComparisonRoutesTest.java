package cn.pes.casework.query.comparison;

import cn.pes.casework.events.comparison.ExternalRecordKind;
import cn.pes.casework.events.comparison.MatchCounts;
import cn.pes.casework.events.comparison.RowProblem;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.comparison.ComparisonProjections.BatchEvents;
import cn.pes.casework.query.support.ProjectionHarness;
import cn.pes.casework.query.support.ProjectionTestBase;
import cn.pes.casework.query.support.TestAccessLog;
import cn.pes.casework.query.web.QueryProblemAdvice;
import cn.pes.casework.query.web.QueryScope;
import cn.pes.casework.security.AccessRules;
import cn.pes.casework.security.Officer;
import cn.pes.casework.security.OfficerAuthentication;
import cn.pes.casework.security.Role;
import cn.pes.casework.security.agency.AgencyDirectory;
import cn.pes.casework.security.audit.AccessAction;
import cn.pes.casework.security.audit.AccessLogEntry;
import cn.pes.casework.security.protection.PersonalDataProtector;
import cn.pes.casework.security.web.PersonalDataMaskingModule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.codec.json.Jackson2JsonDecoder;
import org.springframework.http.codec.json.Jackson2JsonEncoder;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static cn.pes.casework.query.comparison.ProposalStory.P_ID_NUMBER;
import static cn.pes.casework.query.support.CaseEvents.OTHER_STREET_AGENCY;
import static cn.pes.casework.query.support.CaseEvents.STREET_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comparison routes' agency scope, masking, access log and bad input, with the controller bound
 * directly (the route roles live in the security module's configuration).
 */
class ComparisonRoutesTest extends ProjectionTestBase {

    private static final String COUNTY = "990101";
    private static final AgencyDirectory AGENCIES = ProjectionHarness.AGENCIES;
    private static final Officer STREET_CASEWORKER = new Officer("W1", STREET_AGENCY, Set.of(Role.CASEWORKER));
    private static final Officer COUNTY_CASEWORKER = new Officer("W2", COUNTY, Set.of(Role.CASEWORKER));
    private static final Officer OTHER_STREET_CASEWORKER = new Officer("W3", OTHER_STREET_AGENCY, Set.of(Role.CASEWORKER));
    private static final Officer ANALYST = new Officer("N1", "9901", Set.of(Role.ANALYST));

    private ProposalStory story;
    private QueryGateway queryGateway;
    private TestAccessLog accessLog;

    @BeforeEach
    void publish() {
        ComparisonProjections models = new ComparisonProjections(fixture.store(serverSideGuards()),
                new PersonalDataDocs(new PersonalDataProtector(keys)));
        story = new ProposalStory();
        models.deliver(story.events);
        BatchEvents batch = new BatchEvents("batch-a");
        models.deliver(batch.next(batch.imported(ExternalRecordKind.SOCIAL_INSURANCE_ENROLMENT, STREET_AGENCY,
                                                 LocalDate.of(2026, 11, 10), 4,
                                                 List.of(new RowProblem(3, "idNumber", "ID_NUMBER_CHECK_DIGIT", null))),
                                  Instant.parse("2026-11-10T01:00:00Z")),
                       batch.next(batch.processed(5, new MatchCounts(4, 1, 0, 0, 0, 3), new MatchCounts(4, 1, 0, 0, 0, 3)),
                                  Instant.parse("2026-11-10T01:01:00Z")));
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(models.batches).subscribe(bus);
        new AnnotationQueryHandlerAdapter<>(models.proposals).subscribe(bus);
        new AnnotationQueryHandlerAdapter<>(models.reconciliation).subscribe(bus);
        queryGateway = DefaultQueryGateway.builder().queryBus(bus).build();
        accessLog = new TestAccessLog(CLOCK);
    }

    private WebTestClient as(Officer officer) {
        QueryScope scope = new QueryScope(new AccessRules(AGENCIES), AGENCIES);
        // As the web layer's mapper: problem details flattened, personal data masked on the way out.
        ObjectMapper mapper = Jackson2ObjectMapperBuilder.json()
                                                         .modulesToInstall(new JavaTimeModule(), new PersonalDataMaskingModule())
                                                         .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                                                         .build();
        return WebTestClient.bindToController(new ComparisonQueryController(queryGateway, scope, accessLog.readAudit(),
                                                                            ComparisonProjections.MAX_NUMBERS))
                            .controllerAdvice(new QueryProblemAdvice())
                            .httpMessageCodecs(codecs -> {
                                codecs.defaultCodecs().jackson2JsonEncoder(new Jackson2JsonEncoder(mapper));
                                codecs.defaultCodecs().jackson2JsonDecoder(new Jackson2JsonDecoder(mapper));
                            })
                            .webFilter((exchange, chain) -> chain.filter(exchange).contextWrite(
                                    ReactiveSecurityContextHolder.withAuthentication(new OfficerAuthentication(officer))))
                            .build();
    }

    private static JsonNode get(WebTestClient client, String uri, int status) {
        return client.get().uri(uri).exchange().expectStatus().isEqualTo(status)
                     .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static JsonNode post(WebTestClient client, String uri, String body, int status) {
        return client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                     .expectStatus().isEqualTo(status).expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private List<AccessLogEntry> logged(AccessAction action) {
        return accessLog.log().search(null, action, null, null, null, 100);
    }

    @Test
    void aBatchIsForTheOfficersWhoseScopeCoversItsAgency() {
        JsonNode batch = get(as(STREET_CASEWORKER), "/api/comparison-batches/batch-a", 200);
        assertThat(batch.path("status").asText()).isEqualTo("PROCESSING");
        assertThat(batch.path("processed").path("rows").asInt()).isEqualTo(4);
        assertThat(batch.path("problems").get(0).path("code").asText()).isEqualTo("ID_NUMBER_CHECK_DIGIT");
        get(as(COUNTY_CASEWORKER), "/api/comparison-batches/batch-a", 200);
        assertThat(get(as(OTHER_STREET_CASEWORKER), "/api/comparison-batches/batch-a", 404).path("ruleId").asText())
                .isEqualTo("NOT_FOUND");
        get(as(ANALYST), "/api/comparison-batches/batch-a", 404);
        get(as(STREET_CASEWORKER), "/api/comparison-batches/batch-x", 404);

        JsonNode county = get(as(COUNTY_CASEWORKER), "/api/agencies/" + COUNTY + "/comparison-batches", 200);
        assertThat(county.path("batches")).hasSize(1);
        assertThat(county.path("batches").get(0).path("problems")).isEmpty();
        get(as(STREET_CASEWORKER), "/api/agencies/" + COUNTY + "/comparison-batches", 404);
        assertThat(get(as(OTHER_STREET_CASEWORKER), "/api/agencies/" + OTHER_STREET_AGENCY + "/comparison-batches", 200)
                           .path("batches")).isEmpty();
    }

    @Test
    void theQueueIsTheAgencysMaskedAndFilteredByState() {
        String uri = "/api/agencies/" + COUNTY + "/status-change-proposals";
        JsonNode open = get(as(COUNTY_CASEWORKER), uri, 200);
        assertThat(open.path("state").asText()).isEqualTo("OPEN");
        assertThat(open.path("lines")).hasSize(3);
        assertThat(open.path("lines").get(0).path("person").path("masked").asBoolean()).isTrue();
        assertThat(open.toString()).doesNotContain(P_ID_NUMBER, "张三");
        assertThat(get(as(COUNTY_CASEWORKER), uri + "?state=confirmed", 200).path("lines")).isEmpty();
        assertThat(get(as(COUNTY_CASEWORKER), uri + "?state=DONE", 400).path("field").asText()).isEqualTo("state");
        get(as(STREET_CASEWORKER), uri, 404);
        get(as(OTHER_STREET_CASEWORKER), uri, 404);
        assertThat(get(as(STREET_CASEWORKER), "/api/agencies/" + STREET_AGENCY + "/status-change-proposals", 200)
                           .path("lines")).hasSize(2);
        // Each queue answered is in the access log, with its state and size; refusals and 404s are not.
        assertThat(accessLog.exports()).containsExactly(
                "W2|status-change-proposals|agency=" + COUNTY + " state=OPEN format=json rows=3",
                "W2|status-change-proposals|agency=" + COUNTY + " state=CONFIRMED format=json rows=0",
                "W1|status-change-proposals|agency=" + STREET_AGENCY + " state=OPEN format=json rows=2");
    }

    @Test
    void aCasesProposalsAreForTheScopeOfItsAgencyAndTheReadIsLogged() {
        String uri = "/api/cases/" + story.p.caseId() + "/status-change-proposals";
        JsonNode view = get(as(STREET_CASEWORKER), uri, 200);
        assertThat(view.path("lines")).hasSize(2);
        assertThat(view.path("lines").get(0).path("proposalId").asText()).isEqualTo("p-1");
        assertThat(view.path("lines").get(0).path("record").path("kind").asText()).isEqualTo("SOCIAL_INSURANCE_ENROLMENT");
        assertThat(logged(AccessAction.CASE_VIEWED)).extracting(AccessLogEntry::target).containsExactly(story.p.caseId());
        get(as(OTHER_STREET_CASEWORKER), uri, 404);
        get(as(ANALYST), uri, 404);
        assertThat(logged(AccessAction.CASE_VIEWED)).hasSize(1);
    }

    @Test
    void aReconciliationIsCityWideMaskedAndLoggedAsAListExportWithoutTheNumbers() {
        String wrong = P_ID_NUMBER.substring(0, 17) + "9";
        JsonNode view = post(as(OTHER_STREET_CASEWORKER), "/api/reconciliations",
                             "{\"idNumbers\": [\"" + P_ID_NUMBER + "\", \"" + wrong + "\", null, \"110105199001022222\"]}", 200);
        JsonNode lines = view.path("lines");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).path("caseId").asText()).isEqualTo(story.p.caseId());
        assertThat(lines.get(0).path("status").asText()).isEqualTo("ACTIVE");
        assertThat(lines.get(0).path("person").path("masked").asBoolean()).isTrue();
        assertThat(lines.get(1).path("problem").asText()).isEqualTo("ID_NUMBER_CHECK_DIGIT");
        assertThat(lines.get(2).path("problem").asText()).isEqualTo("ID_NUMBER_MISSING");
        assertThat(lines.get(3).path("caseId").asText()).as("李四's case, city-wide").isEqualTo(story.q.caseId());
        assertThat(view.toString()).doesNotContain(P_ID_NUMBER, "张三");

        List<AccessLogEntry> exports = logged(AccessAction.LIST_EXPORTED);
        assertThat(exports).singleElement().satisfies(entry -> {
            assertThat(entry.target()).isEqualTo("reconciliation");
            assertThat(entry.detail()).isEqualTo("numbers=4 found=2 invalid=2 format=json");
        });

        assertThat(post(as(STREET_CASEWORKER), "/api/reconciliations", "{\"idNumbers\": []}", 400).path("field").asText())
                .isEqualTo("idNumbers");
        assertThat(post(as(STREET_CASEWORKER), "/api/reconciliations", "{}", 400).path("field").asText())
                .isEqualTo("idNumbers");
        StringBuilder tooMany = new StringBuilder("{\"idNumbers\": [");
        for (int i = 0; i <= ComparisonProjections.MAX_NUMBERS; i++) {
            tooMany.append(i == 0 ? "" : ",").append('"').append(P_ID_NUMBER).append('"');
        }
        JsonNode refused = post(as(STREET_CASEWORKER), "/api/reconciliations", tooMany.append("]}").toString(), 400);
        assertThat(refused.path("field").asText()).isEqualTo("idNumbers");
        assertThat(refused.toString()).doesNotContain(P_ID_NUMBER);
        post(as(ANALYST), "/api/reconciliations", "{\"idNumbers\": [\"" + P_ID_NUMBER + "\"]}", 404);
        assertThat(logged(AccessAction.LIST_EXPORTED)).hasSize(1);
    }
}
