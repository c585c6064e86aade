package cn.pes.casework.query.fairs;

import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.employerguidance.EmployerGuidanceController;
import cn.pes.casework.query.jobfigures.JobStatisticsController;
import cn.pes.casework.query.support.JobIntroductionStory;
import cn.pes.casework.query.support.JobProjections;
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

import static cn.pes.casework.query.support.JobIntroductionStory.COUNTY;
import static cn.pes.casework.query.support.JobIntroductionStory.EMPLOYER;
import static cn.pes.casework.query.support.JobIntroductionStory.F1;
import static cn.pes.casework.query.support.JobIntroductionStory.F2;
import static cn.pes.casework.query.support.JobIntroductionStory.F3;
import static cn.pes.casework.query.support.JobIntroductionStory.SECOND_STREET;
import static cn.pes.casework.query.support.JobIntroductionStory.STREET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fair, job statistics and employer guidance routes' agency scope and masking, with the
 * controllers bound directly: what is checked is what the controllers add on top of a route's role.
 */
class JobIntroductionRoutesTest extends ProjectionTestBase {

    private static final AgencyDirectory AGENCIES = ProjectionHarness.AGENCIES;

    private static final Officer STREET_CASEWORKER = new Officer("W1", STREET, Set.of(Role.CASEWORKER));
    private static final Officer SECOND_STREET_CASEWORKER = new Officer("W4", SECOND_STREET, Set.of(Role.CASEWORKER));
    private static final Officer COUNTY_CASEWORKER = new Officer("W2", COUNTY, Set.of(Role.CASEWORKER));
    private static final Officer OTHER_STREET_CASEWORKER = new Officer("W3", JobIntroductionStory.OTHER_COUNTY_STREET,
                                                                       Set.of(Role.CASEWORKER));
    private static final Officer REVIEWER = new Officer("R1", "9901", Set.of(Role.REVIEWER));
    private static final Officer ANALYST = new Officer("N1", "9901", Set.of(Role.ANALYST));
    private static final Officer COUNTY_ANALYST = new Officer("N2", COUNTY, Set.of(Role.ANALYST));
    private static final Officer AUDITOR = new Officer("A1", "9901", Set.of(Role.AUDITOR));

    private final JobIntroductionStory story = new JobIntroductionStory();
    private QueryGateway queryGateway;
    private final TestAccessLog accessLog = new TestAccessLog(CLOCK);

    @BeforeEach
    void publish() {
        JobProjections jobs = new JobProjections(fixture.store(serverSideGuards()),
                                                 new PersonalDataDocs(new PersonalDataProtector(keys)));
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(jobs.fairs).subscribe(bus);
        new AnnotationQueryHandlerAdapter<>(jobs.jobFigures).subscribe(bus);
        new AnnotationQueryHandlerAdapter<>(jobs.employerGuidance).subscribe(bus);
        queryGateway = DefaultQueryGateway.builder().queryBus(bus).build();
        jobs.deliver(story.history());
    }

    private WebTestClient as(Officer officer) {
        QueryScope scope = new QueryScope(new AccessRules(AGENCIES), AGENCIES);
        // As the web layer's mapper: problem details flattened, personal data masked on the way out.
        ObjectMapper mapper = Jackson2ObjectMapperBuilder.json()
                                                         .modulesToInstall(new JavaTimeModule(), new PersonalDataMaskingModule())
                                                         .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                                                         .build();
        return WebTestClient.bindToController(new RecruitmentFairsController(queryGateway, scope, AGENCIES, accessLog.readAudit(),
                                                                             CLOCK),
                                              new JobStatisticsController(queryGateway, scope, AGENCIES, CLOCK),
                                              new EmployerGuidanceController(queryGateway, scope))
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

    private static List<String> fairIds(JsonNode fairs) {
        return fairs.path("fairs").findValuesAsText("fairId");
    }

    @Test
    void aFairShowsItsPeopleMaskedToTheAgenciesCoveringItsOrganiser() {
        JsonNode f1 = get(as(COUNTY_CASEWORKER), "/api/fairs/" + F1, 200);
        assertThat(f1.path("fair").path("referrals").asInt()).isEqualTo(2);
        assertThat(f1.path("fair").path("hires").asInt()).isEqualTo(1);
        JsonNode person = f1.path("participants").get(0).path("person");
        assertThat(person.path("name").asText()).isEqualTo("张*");
        assertThat(person.path("idNumber").asText()).isEqualTo("1101**********1111");
        assertThat(f1.toString()).doesNotContain("张三", "110105199001011111");

        for (Officer officer : List.of(REVIEWER, AUDITOR)) {
            get(as(officer), "/api/fairs/" + F1, 200);
        }
        // The county's fair is not the streets' to read; the street's is the county's.
        for (Officer officer : List.of(STREET_CASEWORKER, OTHER_STREET_CASEWORKER, ANALYST)) {
            assertThat(get(as(officer), "/api/fairs/" + F1, 404).path("ruleId").asText()).as(officer.officerId())
                                                                                   .isEqualTo("NOT_FOUND");
        }
        int f2People = get(as(COUNTY_CASEWORKER), "/api/fairs/" + F2, 200).path("participants").size();
        get(as(STREET_CASEWORKER), "/api/fairs/" + F2, 200);
        get(as(COUNTY_CASEWORKER), "/api/fairs/" + F3, 404);
        get(as(AUDITOR), "/api/fairs/no-such-fair", 404);

        // Every fair answered is in the access log with how many people it listed; the 404s are not.
        int f1People = f1.path("participants").size();
        assertThat(f1People).isPositive();
        assertThat(accessLog.exports()).containsExactly(
                COUNTY_CASEWORKER.officerId() + "|fair-participants|fair=" + F1 + " format=json rows=" + f1People,
                REVIEWER.officerId() + "|fair-participants|fair=" + F1 + " format=json rows=" + f1People,
                AUDITOR.officerId() + "|fair-participants|fair=" + F1 + " format=json rows=" + f1People,
                COUNTY_CASEWORKER.officerId() + "|fair-participants|fair=" + F2 + " format=json rows=" + f2People,
                STREET_CASEWORKER.officerId() + "|fair-participants|fair=" + F2 + " format=json rows=" + f2People);
    }

    @Test
    void theFairListIsForTheOfficersAgencyAndThoseBelowIt() {
        assertThat(fairIds(get(as(STREET_CASEWORKER), "/api/fairs", 200))).containsExactly(F2, JobIntroductionStory.F4);
        assertThat(fairIds(get(as(COUNTY_CASEWORKER), "/api/fairs?month=2026-11", 200))).containsExactly(F2, F1);
        assertThat(fairIds(get(as(COUNTY_CASEWORKER), "/api/fairs?agency=" + STREET + "&month=2026-11", 200)))
                .containsExactly(F2);
        assertThat(fairIds(get(as(REVIEWER), "/api/fairs?agency=9901", 200))).hasSize(4);
        assertThat(fairIds(get(as(AUDITOR), "/api/fairs?agency=990102", 200))).containsExactly(F3);
        assertThat(fairIds(get(as(SECOND_STREET_CASEWORKER), "/api/fairs", 200))).isEmpty();

        get(as(STREET_CASEWORKER), "/api/fairs?agency=" + COUNTY, 404);
        get(as(OTHER_STREET_CASEWORKER), "/api/fairs?agency=" + STREET, 404);
        get(as(ANALYST), "/api/fairs", 404);
        get(as(AUDITOR), "/api/fairs?agency=no-such-agency", 404);
        assertThat(get(as(COUNTY_CASEWORKER), "/api/fairs?month=2026-13", 400).path("field").asText()).isEqualTo("month");
    }

    @Test
    void jobStatisticsSumTheAgenciesCoveredWithoutPersonalData() {
        JsonNode county = get(as(COUNTY_ANALYST), "/api/statistics/agencies/" + COUNTY + "/jobs?month=2026-11", 200);
        assertThat(county.path("agencyIds")).hasSize(3);
        assertThat(county.path("month").asText()).isEqualTo("2026-11");
        assertThat(county.path("registrationsReviewed").asInt()).isEqualTo(3);
        assertThat(county.path("reviewedOnTime").asInt()).isEqualTo(2);
        assertThat(county.path("referralsMade").asInt()).isEqualTo(3);
        assertThat(county.path("hiresThroughReferral").asInt()).isEqualTo(2);
        assertThat(county.path("fairsHeld").asInt()).isEqualTo(2);
        assertThat(county.path("fairAttendees").asInt()).isEqualTo(3);
        assertThat(county.path("fairReferrals").asInt()).isEqualTo(2);
        assertThat(county.path("guidanceSessions").asInt()).isEqualTo(3);

        // Today is 2026-11-27: the month defaults to November.
        assertThat(get(as(STREET_CASEWORKER), "/api/statistics/agencies/" + STREET + "/jobs", 200)
                           .path("registrationsReviewed").asInt()).isEqualTo(2);
        assertThat(get(as(AUDITOR), "/api/statistics/agencies/9901/jobs?month=2026-12", 200)
                           .path("hiresThroughReferral").asInt()).isEqualTo(1);
        get(as(STREET_CASEWORKER), "/api/statistics/agencies/" + COUNTY + "/jobs", 404);
        get(as(REVIEWER), "/api/statistics/agencies/" + COUNTY + "/jobs", 404);
        get(as(ANALYST), "/api/statistics/agencies/no-such-agency/jobs", 404);
        assertThat(get(as(ANALYST), "/api/statistics/agencies/" + COUNTY + "/jobs?month=11-2026", 400)
                           .path("field").asText()).isEqualTo("month");
    }

    @Test
    void anEmployersGuidanceIsForWhoeverMayReadTheEmployerPage() {
        JsonNode guidance = get(as(OTHER_STREET_CASEWORKER), "/api/employers/" + EMPLOYER + "/guidance", 200);
        assertThat(guidance.path("sessions").findValuesAsText("sessionId")).containsExactly("eg-2", "eg-1");
        assertThat(guidance.path("sessions").get(0).path("topic").asText()).isEqualTo("RECRUITMENT_METHOD");
        get(as(REVIEWER), "/api/employers/" + EMPLOYER + "/guidance", 200);
        get(as(AUDITOR), "/api/employers/" + EMPLOYER + "/guidance", 200);
        get(as(ANALYST), "/api/employers/" + EMPLOYER + "/guidance", 404);
        get(as(STREET_CASEWORKER), "/api/employers/no-such-employer/guidance", 404);
    }
}
