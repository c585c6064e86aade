package cn.pes.casework.query.entrepreneurship;

import cn.pes.casework.query.support.EntrepreneurshipProjections;
import cn.pes.casework.query.support.ProjectionHarness;
import cn.pes.casework.query.support.ProjectionTestBase;
import cn.pes.casework.query.support.TestAccessLog;
import cn.pes.casework.query.common.PersonalDataDocs;
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
import org.springframework.http.codec.json.Jackson2JsonDecoder;
import org.springframework.http.codec.json.Jackson2JsonEncoder;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Set;

import static cn.pes.casework.query.support.CaseEvents.OTHER_STREET_AGENCY;
import static cn.pes.casework.query.support.CaseEvents.STREET_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The entrepreneurship routes' agency scope, masking, access log and bad input, with the controller
 * bound directly (the route roles live in the security module's configuration).
 */
class EntrepreneurshipRoutesTest extends ProjectionTestBase {

    private static final String COUNTY = "990101";
    private static final AgencyDirectory AGENCIES = ProjectionHarness.AGENCIES;
    private static final Officer STREET_CASEWORKER = new Officer("W1", STREET_AGENCY, Set.of(Role.CASEWORKER));
    private static final Officer COUNTY_CASEWORKER = new Officer("W2", COUNTY, Set.of(Role.CASEWORKER));
    private static final Officer OTHER_STREET_CASEWORKER = new Officer("W3", OTHER_STREET_AGENCY, Set.of(Role.CASEWORKER));
    private static final Officer ANALYST = new Officer("N1", "9901", Set.of(Role.ANALYST));

    private EntrepreneurshipStory story;
    private QueryGateway queryGateway;
    private TestAccessLog accessLog;

    @BeforeEach
    void publish() {
        EntrepreneurshipProjections models = new EntrepreneurshipProjections(fixture.store(serverSideGuards()), CLOCK,
                new PersonalDataDocs(new PersonalDataProtector(keys)));
        story = new EntrepreneurshipStory();
        models.deliver(story.events);
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(models.caseEntrepreneurship).subscribe(bus);
        new AnnotationQueryHandlerAdapter<>(models.loanPipeline).subscribe(bus);
        new AnnotationQueryHandlerAdapter<>(models.trainingRolls).subscribe(bus);
        new AnnotationQueryHandlerAdapter<>(models.figures).subscribe(bus);
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
        return WebTestClient.bindToController(new EntrepreneurshipQueryController(queryGateway, scope, AGENCIES,
                                                                             accessLog.readAudit(), CLOCK))
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

    private List<AccessLogEntry> caseViews() {
        return accessLog.log().search(null, AccessAction.CASE_VIEWED, null, null, null, 100);
    }

    @Test
    void aCasesTrainingsAndLoansAreForWhoeverMayViewCasesAndTheReadIsLogged() {
        String caseId = story.a.caseId();
        JsonNode view = get(as(OTHER_STREET_CASEWORKER), "/api/cases/" + caseId + "/entrepreneurship", 200);
        assertThat(view.path("trainings").get(0).path("status").asText()).isEqualTo("COMPLETED");
        assertThat(view.path("loans").get(0).path("stage").asText()).isEqualTo("REPAID");
        assertThat(view.path("loans").get(0).path("repayments")).hasSize(2);
        assertThat(caseViews()).extracting(AccessLogEntry::target).containsExactly(caseId);

        JsonNode loan = get(as(STREET_CASEWORKER), "/api/cases/" + caseId + "/guarantee-loans/loan-a", 200);
        assertThat(loan.path("amountApproved").decimalValue()).isEqualByComparingTo("150000");
        assertThat(loan.path("application").path("business").path("legalForm").asText()).isEqualTo("INDIVIDUAL_BUSINESS");
        assertThat(get(as(STREET_CASEWORKER), "/api/cases/" + caseId + "/guarantee-loans/loan-x", 404).path("ruleId").asText())
                .isEqualTo("NOT_FOUND");
        assertThat(caseViews()).hasSize(2);
        get(as(ANALYST), "/api/cases/" + caseId + "/entrepreneurship", 404);
    }

    @Test
    void theCountyPipelineIsMaskedFilteredByStageAndRefusesBadInput() {
        String uri = "/api/agencies/" + COUNTY + "/guarantee-loans";
        JsonNode county = get(as(COUNTY_CASEWORKER), uri, 200);
        assertThat(county.path("asOf").asText()).isEqualTo("2026-11-27");
        assertThat(county.path("applied").asInt()).isEqualTo(3);
        assertThat(county.path("overdue").asInt()).isEqualTo(1);
        assertThat(county.path("lines")).hasSize(3);
        assertThat(county.path("lines").get(0).path("person").path("masked").asBoolean()).isTrue();
        assertThat(county.toString()).doesNotContain("110105199001014444", "110105195001013333");

        JsonNode overdue = get(as(COUNTY_CASEWORKER), uri + "?stage=overdue&asOf=2026-01-11", 200);
        assertThat(overdue.path("lines")).hasSize(1);
        assertThat(overdue.path("lines").get(0).path("loanId").asText()).isEqualTo("loan-d");
        assertThat(get(as(COUNTY_CASEWORKER), uri + "?stage=DONE", 400).path("field").asText()).isEqualTo("stage");
        assertThat(get(as(COUNTY_CASEWORKER), uri + "?asOf=2026-11-31", 400).path("field").asText()).isEqualTo("asOf");
        get(as(STREET_CASEWORKER), uri, 404);
        get(as(OTHER_STREET_CASEWORKER), uri, 404);
        assertThat(get(as(STREET_CASEWORKER), "/api/agencies/" + STREET_AGENCY + "/guarantee-loans", 200).path("lines"))
                .hasSize(2);
        // Every list answered is in the access log with its filters and size; refusals and 404s are not.
        assertThat(accessLog.exports()).containsExactly(
                "W2|guarantee-loans|agency=" + COUNTY + " asOf=2026-11-27 format=json rows=3",
                "W2|guarantee-loans|agency=" + COUNTY + " stage=OVERDUE asOf=2026-01-11 format=json rows=1",
                "W1|guarantee-loans|agency=" + STREET_AGENCY + " asOf=2026-11-27 format=json rows=2");
    }

    @Test
    void aTrainingRollNeedsAnInstitutionAndAMonth() {
        String uri = "/api/agencies/" + COUNTY + "/training-rolls";
        JsonNode roll = get(as(COUNTY_CASEWORKER), uri + "?institution=inst-1&month=2026-03", 200);
        assertThat(roll.path("enrolled").asInt()).isEqualTo(1);
        assertThat(roll.path("entries").get(0).path("training").path("trainingId").asText()).isEqualTo("t-a");
        assertThat(roll.path("entries").get(0).path("person").path("masked").asBoolean()).isTrue();
        assertThat(get(as(COUNTY_CASEWORKER), uri + "?institution=inst-1&month=2026-3x", 400).path("field").asText())
                .isEqualTo("month");
        assertThat(get(as(COUNTY_CASEWORKER), uri + "?month=2026-03", 400).path("field").asText()).isEqualTo("institution");
        get(as(OTHER_STREET_CASEWORKER), uri + "?institution=inst-1&month=2026-03", 404);
        assertThat(accessLog.exports()).containsExactly(
                "W2|training-roll|agency=" + COUNTY + " institution=inst-1 month=2026-03 format=json rows=1");
    }

    @Test
    void monthlyFiguresAddUpTheAgencyAndThoseBelowIt() {
        JsonNode county = get(as(ANALYST), "/api/statistics/agencies/" + COUNTY + "/entrepreneurship?month=2026-11", 200);
        assertThat(county.path("loansApplied").asInt()).isEqualTo(1);
        assertThat(county.path("loansRefused").asInt()).isEqualTo(1);
        assertThat(county.path("loansRepaid").asInt()).isEqualTo(1);
        assertThat(county.path("interestSubsidy").decimalValue()).isEqualByComparingTo("1500");
        JsonNode city = get(as(ANALYST), "/api/statistics/agencies/9901/entrepreneurship?month=2026-03", 200);
        assertThat(city.path("trainees").asInt()).isEqualTo(2);
        assertThat(get(as(ANALYST), "/api/statistics/agencies/9901/entrepreneurship?month=March", 400).path("field").asText())
                .isEqualTo("month");
    }
}
