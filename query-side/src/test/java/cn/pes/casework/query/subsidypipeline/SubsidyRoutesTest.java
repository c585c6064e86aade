package cn.pes.casework.query.subsidypipeline;

import cn.pes.casework.query.statistics.SubsidyStatisticsController;
import cn.pes.casework.query.support.CaseEvents;
import cn.pes.casework.query.support.ProjectionTestBase;
import cn.pes.casework.query.support.TestAccessLog;
import cn.pes.casework.query.web.QueryProblemAdvice;
import cn.pes.casework.query.web.QueryScope;
import cn.pes.casework.security.AccessRules;
import cn.pes.casework.security.Officer;
import cn.pes.casework.security.OfficerAuthentication;
import cn.pes.casework.security.Role;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import cn.pes.casework.security.web.PersonalDataMaskingModule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventhandling.DomainEventMessage;
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

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static cn.pes.casework.query.support.CaseEvents.STREET_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subsidy routes' agency scope and masking, with the controllers bound directly: the route
 * roles live in the security module's configuration, which does not open these paths yet. What is
 * checked here is what the controllers add on top of a route's role.
 */
class SubsidyRoutesTest extends ProjectionTestBase {

    private static final String COUNTY = "990101";
    private static final String SECOND_STREET = "990101002";
    private static final String OTHER_COUNTY = "990102";
    private static final String OTHER_COUNTY_STREET = "990102001";

    private static final AgencyDirectory AGENCIES = new AgencyDirectory(List.of(
            new Agency("9901", "市就业局", Agency.Level.CITY, null),
            new Agency(COUNTY, "东湖区", Agency.Level.COUNTY, null),
            new Agency(STREET_AGENCY, "东湖街道", Agency.Level.STREET, COUNTY),
            new Agency(SECOND_STREET, "西湖街道", Agency.Level.STREET, COUNTY),
            new Agency(OTHER_COUNTY, "南山区", Agency.Level.COUNTY, null),
            new Agency(OTHER_COUNTY_STREET, "南山街道", Agency.Level.STREET, OTHER_COUNTY)));

    private static final Officer STREET_CASEWORKER = new Officer("W1", STREET_AGENCY, Set.of(Role.CASEWORKER));
    private static final Officer COUNTY_CASEWORKER = new Officer("W2", COUNTY, Set.of(Role.CASEWORKER));
    private static final Officer OTHER_STREET_CASEWORKER = new Officer("W3", OTHER_COUNTY_STREET, Set.of(Role.CASEWORKER));
    private static final Officer REVIEWER = new Officer("R1", "9901", Set.of(Role.REVIEWER));
    private static final Officer ANALYST = new Officer("N1", "9901", Set.of(Role.ANALYST));
    private static final Officer AUDITOR = new Officer("A1", "9901", Set.of(Role.AUDITOR));

    private final CaseEvents street = CaseEvents.newCase();
    private final CaseEvents secondStreet = CaseEvents.newCase();
    private QueryGateway queryGateway;
    private final TestAccessLog accessLog = new TestAccessLog(CLOCK);

    @BeforeEach
    void publish() {
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(projections.subsidyPipeline).subscribe(bus);
        new AnnotationQueryHandlerAdapter<>(projections.subsidyTotals).subscribe(bus);
        queryGateway = DefaultQueryGateway.builder().queryBus(bus).build();
        projections.deliver(
                street.next(street.openedWithKey(CaseEvents.person("110105199001011111", "张三"))),
                street.next(street.certificateSubmitted("a-1", STREET_AGENCY, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 23))),
                street.next(street.reviewDeadlineMissed("a-1", STREET_AGENCY, LocalDate.of(2026, 11, 23))),
                secondStreet.next(secondStreet.openedWithKey(CaseEvents.person("110105199001012222", "李四"))),
                secondStreet.next(secondStreet.certificateSubmitted("b-1", SECOND_STREET, LocalDate.of(2026, 9, 1),
                                                                    LocalDate.of(2026, 9, 22))),
                secondStreet.next(secondStreet.reviewDeadlineMissed("b-1", SECOND_STREET, LocalDate.of(2026, 9, 22))),
                secondStreet.next(secondStreet.subsidyApproved("b-1", LocalDate.of(2026, 9, 25), "500", true,
                                                               LocalDate.of(2026, 10, 9))),
                secondStreet.next(secondStreet.subsidyPaid("b-1", SECOND_STREET, "1500", "500", LocalDate.of(2026, 11, 16), false)));
    }

    private WebTestClient as(Officer officer) {
        QueryScope scope = new QueryScope(new AccessRules(AGENCIES), AGENCIES);
        // As the web layer's mapper: problem details flattened, personal data masked on the way out.
        ObjectMapper mapper = Jackson2ObjectMapperBuilder.json()
                                                         .modulesToInstall(new JavaTimeModule(), new PersonalDataMaskingModule())
                                                         .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                                                         .build();
        return WebTestClient.bindToController(new SubsidyPipelineController(queryGateway, scope, AGENCIES, accessLog.readAudit(),
                                                                            CLOCK),
                                              new SubsidyStatisticsController(queryGateway, scope, AGENCIES, CLOCK))
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

    @Test
    void thePipelineListsTheDepartmentsPeopleMaskedWithDaysLeftFromToday() {
        JsonNode pipeline = get(as(STREET_CASEWORKER), "/api/departments/" + STREET_AGENCY + "/subsidy-pipeline", 200);
        assertThat(pipeline.path("asOf").asText()).isEqualTo("2026-11-27");
        JsonNode line = pipeline.path("applications").get(0);
        assertThat(line.path("applicationId").asText()).isEqualTo("a-1");
        assertThat(line.path("stage").asText()).isEqualTo("RECEIVED");
        assertThat(line.path("dueOn").asText()).isEqualTo("2026-11-23");
        assertThat(line.path("daysLeft").asInt()).isEqualTo(-4);
        assertThat(line.path("missedDeadline").asBoolean()).isTrue();
        assertThat(line.path("person").path("name").asText()).isEqualTo("张*");
        assertThat(line.path("person").path("idNumber").asText()).isEqualTo("1101**********1111");
        assertThat(line.path("person").path("masked").asBoolean()).isTrue();
        assertThat(pipeline.toString()).doesNotContain("张三", "110105199001011111");

        JsonNode later = get(as(STREET_CASEWORKER), "/api/departments/" + STREET_AGENCY
                + "/subsidy-pipeline?stage=received&asOf=2026-11-20", 200);
        assertThat(later.path("applications").get(0).path("daysLeft").asInt()).isEqualTo(3);
        assertThat(get(as(STREET_CASEWORKER), "/api/departments/" + STREET_AGENCY + "/subsidy-pipeline?stage=PAID", 200)
                           .path("applications")).isEmpty();
        assertThat(get(as(STREET_CASEWORKER), "/api/departments/" + STREET_AGENCY + "/subsidy-pipeline?stage=DONE", 400)
                           .path("field").asText()).isEqualTo("stage");
        assertThat(get(as(STREET_CASEWORKER), "/api/departments/" + STREET_AGENCY + "/subsidy-pipeline?asOf=2026-11-31", 400)
                           .path("field").asText()).isEqualTo("asOf");

        // The applicants leave as data: each answer is in the access log with its filters and size, the 400s not.
        String department = "W1|subsidy-pipeline|department=" + STREET_AGENCY;
        assertThat(accessLog.exports()).containsExactly(
                department + " asOf=2026-11-27 format=json rows=1",
                department + " stage=RECEIVED asOf=2026-11-20 format=json rows=1",
                department + " stage=PAID asOf=2026-11-27 format=json rows=0");
    }

    @Test
    void thePipelineIsForTheDepartmentsCaseworkersThoseAboveReviewersAndAuditors() {
        String uri = "/api/departments/" + STREET_AGENCY + "/subsidy-pipeline";
        for (Officer officer : List.of(STREET_CASEWORKER, COUNTY_CASEWORKER, REVIEWER, AUDITOR)) {
            assertThat(get(as(officer), uri, 200).path("applications")).as(officer.officerId()).hasSize(1);
        }
        for (Officer officer : List.of(OTHER_STREET_CASEWORKER, ANALYST)) {
            assertThat(get(as(officer), uri, 404).path("ruleId").asText()).as(officer.officerId()).isEqualTo("NOT_FOUND");
        }
        get(as(REVIEWER), "/api/departments/no-such-agency/subsidy-pipeline", 404);
        get(as(new Officer("R2", OTHER_COUNTY, Set.of(Role.REVIEWER))), uri, 404);
    }

    @Test
    void aCountySeesTheMissedDeadlinesOfItsStreetsAStreetOnlyItsOwn() {
        JsonNode county = get(as(COUNTY_CASEWORKER), "/api/departments/" + COUNTY + "/missed-subsidy-deadlines", 200);
        assertThat(county.path("deadlines")).hasSize(2);
        assertThat(county.path("deadlines").get(0).path("applicationId").asText()).isEqualTo("a-1");
        assertThat(county.path("deadlines").get(0).path("completedOn").isNull()).isTrue();
        assertThat(county.path("deadlines").get(1).path("departmentId").asText()).isEqualTo(SECOND_STREET);
        assertThat(county.path("deadlines").get(1).path("kind").asText()).isEqualTo("REVIEW");
        assertThat(county.path("deadlines").get(1).path("completedOn").asText()).isEqualTo("2026-09-25");

        assertThat(get(as(STREET_CASEWORKER), "/api/departments/" + STREET_AGENCY + "/missed-subsidy-deadlines", 200)
                           .path("deadlines")).hasSize(1);
        get(as(STREET_CASEWORKER), "/api/departments/" + COUNTY + "/missed-subsidy-deadlines", 404);
        get(as(OTHER_STREET_CASEWORKER), "/api/departments/" + COUNTY + "/missed-subsidy-deadlines", 404);
        assertThat(get(as(AUDITOR), "/api/departments/9901/missed-subsidy-deadlines", 200).path("deadlines")).hasSize(2);
    }

    @Test
    void aCasesSubsidiesAreForWhoeverMayViewCasesMasked() {
        String uri = "/api/cases/" + street.caseId() + "/subsidies";
        JsonNode subsidies = get(as(OTHER_STREET_CASEWORKER), uri, 200);
        assertThat(subsidies.path("caseId").asText()).isEqualTo(street.caseId());
        assertThat(subsidies.path("applications").get(0).path("person").path("name").asText()).isEqualTo("张*");
        assertThat(subsidies.path("applications").get(0).path("daysLeft").asInt()).isEqualTo(-4);
        assertThat(get(as(STREET_CASEWORKER), uri + "?asOf=2026-11-22", 200)
                           .path("applications").get(0).path("daysLeft").asInt()).isEqualTo(1);
        get(as(REVIEWER), uri, 200);
        get(as(ANALYST), uri, 404);
        get(as(STREET_CASEWORKER), "/api/cases/no-such-case/subsidies", 404);
    }

    @Test
    void subsidyStatisticsSumTheAgenciesCoveredWithoutPersonalData() {
        JsonNode county = get(as(ANALYST), "/api/statistics/agencies/" + COUNTY + "/subsidies?month=2026-11", 200);
        assertThat(county.path("agencyIds")).hasSize(3);
        assertThat(county.path("subsidiesPaid").asInt()).isEqualTo(1);
        assertThat(county.path("subsidyAmount").decimalValue()).isEqualByComparingTo("1500");
        assertThat(county.path("allowancesPaid").asInt()).isEqualTo(1);
        assertThat(county.path("allowanceAmount").decimalValue()).isEqualByComparingTo("500");
        assertThat(get(as(STREET_CASEWORKER), "/api/statistics/agencies/" + STREET_AGENCY + "/subsidies", 200)
                           .path("subsidiesPaid").asInt()).isZero();
        assertThat(get(as(AUDITOR), "/api/statistics/agencies/" + SECOND_STREET + "/subsidies?month=2026-10", 200)
                           .path("subsidiesPaid").asInt()).isZero();
        get(as(STREET_CASEWORKER), "/api/statistics/agencies/" + COUNTY + "/subsidies", 404);
        get(as(REVIEWER), "/api/statistics/agencies/" + COUNTY + "/subsidies", 404);
        assertThat(get(as(ANALYST), "/api/statistics/agencies/" + COUNTY + "/subsidies?month=2026-13", 400)
                           .path("field").asText()).isEqualTo("month");
    }
}
