package cn.pes.casework.query.jobseekers;

import cn.pes.casework.events.employer.EmploymentForm;
import cn.pes.casework.events.employer.VacancyPublished;
import cn.pes.casework.events.jobseeking.JobSeekingPublished;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.matching.MatchingController;
import cn.pes.casework.query.matching.MatchingWeights;
import cn.pes.casework.query.support.CaseEvents;
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

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static cn.pes.casework.query.jobseekers.JobSeekingEvents.employer;
import static cn.pes.casework.query.jobseekers.JobSeekingEvents.posted;
import static cn.pes.casework.query.jobseekers.JobSeekingEvents.registered;
import static cn.pes.casework.query.jobseekers.JobSeekingEvents.wants;
import static cn.pes.casework.query.support.CaseEvents.OTHER_STREET_AGENCY;
import static cn.pes.casework.query.support.CaseEvents.STREET_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job-seeking and matching routes' agency scope and masking, with the controllers bound directly
 * (the route roles are the security module's): what the controllers add on top of a route's role.
 */
class JobSeekingRoutesTest extends ProjectionTestBase {

    private static final String COUNTY = "990101";
    private static final String SECOND_STREET = "990101002";
    private static final String OTHER_COUNTY = "990102";
    private static final AgencyDirectory AGENCIES = ProjectionHarness.AGENCIES;
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    private static final Officer STREET_CASEWORKER = new Officer("W1", STREET_AGENCY, Set.of(Role.CASEWORKER));
    private static final Officer COUNTY_CASEWORKER = new Officer("W2", COUNTY, Set.of(Role.CASEWORKER));
    private static final Officer SECOND_STREET_CASEWORKER = new Officer("W3", SECOND_STREET, Set.of(Role.CASEWORKER));
    private static final Officer OTHER_STREET_CASEWORKER = new Officer("W4", OTHER_STREET_AGENCY, Set.of(Role.CASEWORKER));
    private static final Officer REVIEWER = new Officer("R1", "9901", Set.of(Role.REVIEWER));
    private static final Officer COUNTY_REVIEWER = new Officer("R2", OTHER_COUNTY, Set.of(Role.REVIEWER));
    private static final Officer ANALYST = new Officer("N1", "9901", Set.of(Role.ANALYST));
    private static final Officer AUDITOR = new Officer("A1", "9901", Set.of(Role.AUDITOR));

    private final CaseEvents published = CaseEvents.newCase();
    private final CaseEvents pending = CaseEvents.newCase();
    private final CaseEvents notSeeking = CaseEvents.newCase();
    private final CaseEvents factory = CaseEvents.newCase();
    private QueryGateway queryGateway;
    private final TestAccessLog accessLog = new TestAccessLog(CLOCK);

    @BeforeEach
    void publish() {
        JobSeekingHarness jobs = new JobSeekingHarness(fixture.store(serverSideGuards()), CLOCK,
                new PersonalDataDocs(new PersonalDataProtector(keys)), MatchingWeights.DEFAULTS);
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(jobs.jobSeekers).subscribe(bus);
        new AnnotationQueryHandlerAdapter<>(jobs.matching).subscribe(bus);
        queryGateway = DefaultQueryGateway.builder().queryBus(bus).build();
        String f = factory.caseId();
        jobs.deliver(
                published.next(published.openedWithKey(CaseEvents.person("110105199001011111", "张三"))),
                published.next(registered(published.caseId(), 1, "js-1", wants(6000, STREET_AGENCY, EmploymentForm.FULL_TIME,
                        "数控车工"), STREET_AGENCY, DAY, DAY.plusDays(1))),
                published.next(new JobSeekingPublished(published.caseId(), "js-1", DAY.plusDays(1), false)),
                pending.next(pending.openedWithKey(CaseEvents.person("110105199001012222", "李四"))),
                pending.next(registered(pending.caseId(), 1, "js-2", wants(4000, SECOND_STREET, EmploymentForm.PART_TIME,
                        "保洁员"), SECOND_STREET, DAY, DAY.plusDays(1))),
                notSeeking.next(notSeeking.openedWithKey(CaseEvents.person("110105199001013333", "王五"))),
                factory.next(employer(f, "东湖机械有限公司", STREET_AGENCY)),
                factory.next(posted(f, "v-1", "数控车工", STREET_AGENCY, 6000, 8000, EmploymentForm.FULL_TIME)),
                factory.next(new VacancyPublished(f, "v-1", DAY)));
    }

    private WebTestClient as(Officer officer) {
        QueryScope scope = new QueryScope(new AccessRules(AGENCIES), AGENCIES);
        ObjectMapper mapper = Jackson2ObjectMapperBuilder.json()
                .modulesToInstall(new JavaTimeModule(), new PersonalDataMaskingModule())
                .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        return WebTestClient.bindToController(
                        new JobSeekersController(queryGateway, scope, new AccessRules(AGENCIES), AGENCIES, accessLog.readAudit(),
                                                 CLOCK),
                        new MatchingController(queryGateway, scope, new AccessRules(AGENCIES), AGENCIES, MatchingWeights.DEFAULTS,
                                               accessLog.readAudit()))
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
    void aProfileIsForTheAgenciesCoveringTheCaseReviewersAndAuditors() {
        String uri = "/api/cases/" + published.caseId() + "/job-seeking";
        for (Officer officer : List.of(STREET_CASEWORKER, COUNTY_CASEWORKER, REVIEWER, AUDITOR)) {
            JsonNode profile = get(as(officer), uri, 200);
            assertThat(profile.path("status").asText()).as(officer.officerId()).isEqualTo("PUBLISHED");
            assertThat(profile.path("intentions").path("occupations").get(0).asText()).isEqualTo("数控车工");
        }
        for (Officer officer : List.of(SECOND_STREET_CASEWORKER, OTHER_STREET_CASEWORKER, COUNTY_REVIEWER, ANALYST)) {
            assertThat(get(as(officer), uri, 404).path("ruleId").asText()).as(officer.officerId()).isEqualTo("NOT_FOUND");
        }
        get(as(AUDITOR), "/api/cases/" + notSeeking.caseId() + "/job-seeking", 404);
        get(as(AUDITOR), "/api/cases/no-such-case/job-seeking", 404);
    }

    @Test
    void reviewsAreForTheAgencyThoseAboveItReviewersAndAuditorsMaskedOverdueOnTheDayAsked() {
        String uri = "/api/agencies/" + COUNTY + "/job-seeking-reviews";
        JsonNode county = get(as(COUNTY_CASEWORKER), uri + "?asOf=2026-11-24", 200);
        assertThat(county.path("reviews")).hasSize(1);
        JsonNode line = county.path("reviews").get(0);
        assertThat(line.path("jobSeekingId").asText()).isEqualTo("js-2");
        assertThat(line.path("overdue").asBoolean()).isFalse();
        assertThat(line.path("person").path("name").asText()).isEqualTo("李*");
        assertThat(county.toString()).doesNotContain("李四", "110105199001012222");
        assertThat(get(as(COUNTY_CASEWORKER), uri, 200).path("reviews").get(0).path("overdue").asBoolean()).isTrue();

        get(as(SECOND_STREET_CASEWORKER), "/api/agencies/" + SECOND_STREET + "/job-seeking-reviews", 200);
        get(as(REVIEWER), uri, 200);
        get(as(AUDITOR), uri, 200);
        for (Officer officer : List.of(STREET_CASEWORKER, OTHER_STREET_CASEWORKER, COUNTY_REVIEWER, ANALYST)) {
            assertThat(get(as(officer), uri, 404).path("ruleId").asText()).as(officer.officerId()).isEqualTo("NOT_FOUND");
        }
        get(as(REVIEWER), "/api/agencies/no-such-agency/job-seeking-reviews", 404);
        assertThat(get(as(COUNTY_CASEWORKER), uri + "?asOf=2026-11-31", 400).path("field").asText()).isEqualTo("asOf");
        // Each list answered is in the access log, as its file download is; the 404s and the 400 are not.
        String countyAsOf = "agency=" + COUNTY + " asOf=";
        assertThat(accessLog.exports()).containsExactly(
                "W2|pending-job-seeking-reviews|" + countyAsOf + "2026-11-24 format=json rows=1",
                "W2|pending-job-seeking-reviews|" + countyAsOf + "2026-11-27 format=json rows=1",
                "W3|pending-job-seeking-reviews|agency=" + SECOND_STREET + " asOf=2026-11-27 format=json rows=1",
                "R1|pending-job-seeking-reviews|" + countyAsOf + "2026-11-27 format=json rows=1",
                "A1|pending-job-seeking-reviews|" + countyAsOf + "2026-11-27 format=json rows=1");
    }

    @Test
    void vacancyMatchesFollowTheProfilesScopeAndAreEmptyUntilPublished() {
        String uri = "/api/cases/" + published.caseId() + "/vacancy-matches";
        JsonNode matches = get(as(STREET_CASEWORKER), uri + "?limit=5", 200);
        assertThat(matches.path("matches").get(0).path("vacancy").path("vacancyId").asText()).isEqualTo("v-1");
        assertThat(matches.path("matches").get(0).path("score").asInt()).isEqualTo(100);
        assertThat(matches.path("matches").get(0).path("reasons").get(0).path("detail").asText()).isEqualTo("数控车工 = 数控车工");
        get(as(REVIEWER), uri, 200);
        get(as(OTHER_STREET_CASEWORKER), uri, 404);
        get(as(ANALYST), uri, 404);
        assertThat(get(as(SECOND_STREET_CASEWORKER), "/api/cases/" + pending.caseId() + "/vacancy-matches", 200)
                .path("matches")).isEmpty();
        get(as(AUDITOR), "/api/cases/" + notSeeking.caseId() + "/vacancy-matches", 404);
        assertThat(get(as(STREET_CASEWORKER), uri + "?limit=0", 400).path("field").asText()).isEqualTo("limit");
        assertThat(get(as(STREET_CASEWORKER), uri + "?limit=many", 400).path("field").asText()).isEqualTo("limit");
    }

    @Test
    void candidatesAreACityWideSearchWithMaskedPeople() {
        String uri = "/api/employers/" + factory.caseId() + "/vacancies/v-1/candidates";
        for (Officer officer : List.of(OTHER_STREET_CASEWORKER, REVIEWER, AUDITOR)) {
            JsonNode candidates = get(as(officer), uri, 200);
            assertThat(candidates.path("matches")).as(officer.officerId()).hasSize(1);
            assertThat(candidates.path("matches").get(0).path("person").path("name").asText()).isEqualTo("张*");
            assertThat(candidates.toString()).doesNotContain("张三", "110105199001011111");
        }
        get(as(ANALYST), uri, 404);
        assertThat(get(as(STREET_CASEWORKER), "/api/employers/" + factory.caseId() + "/vacancies/v-9/candidates?limit=3", 200)
                .path("matches")).isEmpty();
        // A search across the city's people: every answer is in the access log, the empty one too.
        String vacancy = "|vacancy-candidates|employer=" + factory.caseId() + " vacancy=";
        int defaultLimit = MatchingWeights.DEFAULTS.defaultLimit();
        assertThat(accessLog.exports()).containsExactly(
                "W4" + vacancy + "v-1 limit=" + defaultLimit + " format=json rows=1",
                "R1" + vacancy + "v-1 limit=" + defaultLimit + " format=json rows=1",
                "A1" + vacancy + "v-1 limit=" + defaultLimit + " format=json rows=1",
                "W1" + vacancy + "v-9 limit=3 format=json rows=0");
    }
}
