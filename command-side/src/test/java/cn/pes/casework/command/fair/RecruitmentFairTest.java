package cn.pes.casework.command.fair;

import cn.pes.casework.command.clientcase.CaseRuleViolation;
import cn.pes.casework.command.clientcase.ClientCase;
import cn.pes.casework.command.employer.Employer;
import cn.pes.casework.events.employer.EmployerRegistered;
import cn.pes.casework.events.employer.EmploymentForm;
import cn.pes.casework.events.employer.VacancyPosted;
import cn.pes.casework.events.employer.VacancyPublished;
import cn.pes.casework.events.employer.WageRange;
import cn.pes.casework.events.fair.CloseRecruitmentFairCommand;
import cn.pes.casework.events.fair.EnrolFairEmployerCommand;
import cn.pes.casework.events.fair.FairAttended;
import cn.pes.casework.events.fair.FairEmployerEnrolled;
import cn.pes.casework.events.fair.FairFormat;
import cn.pes.casework.events.fair.FairInvitationSent;
import cn.pes.casework.events.fair.FairVacancy;
import cn.pes.casework.events.fair.InviteToFairCommand;
import cn.pes.casework.events.fair.PlanRecruitmentFairCommand;
import cn.pes.casework.events.fair.RecordFairAttendanceCommand;
import cn.pes.casework.events.fair.RecruitmentFairClosed;
import cn.pes.casework.events.fair.RecruitmentFairPlanned;
import cn.pes.casework.events.registration.CaseOpened;
import cn.pes.casework.events.shared.CaseMetadata;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.events.shared.RuleViolation;
import cn.pes.casework.events.shared.Sex;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recruitment fairs (JOB-5). The employers and cases a fair is asked about are real aggregates, sourced
 * by Axon's own repository from an in-memory event store next to the fixture's.
 */
class RecruitmentFairTest {

    private static final String CITY = "9901";
    private static final String COUNTY = "990101";
    private static final String STREET = "990101001";
    private static final String OTHER_COUNTY = "990102";
    private static final String OTHER_STREET = "990102001";
    private static final String FAIR = "fair-0001";
    private static final String EMPLOYER = "employer-0001";
    private static final String EMPLOYER_NAME = "XX市东湖机械制造有限公司";
    private static final String PUBLISHED = "vacancy-0001";
    private static final String ALSO_PUBLISHED = "vacancy-0002";
    private static final String PENDING = "vacancy-0003";
    private static final String CASE = "case-0001";
    private static final String OTHER_CASE = "case-0002";
    private static final LocalDate PLANNED_ON = LocalDate.of(2026, 11, 20);
    private static final LocalDate HELD_ON = LocalDate.of(2026, 12, 10);

    /**
     * The employer's and the case's own command handlers never run here: whatever resources they
     * would be given resolve to nothing, so that their repositories can be built without them. The
     * first parameter is the message's payload and is left to Axon.
     */
    private static final ParameterResolverFactory UNUSED_RESOURCES = (executable, parameters, index) ->
            index == 0 ? null : new ParameterResolver<Object>() {
                @Override
                public Object resolveParameterValue(Message<?> message) {
                    return null;
                }

                @Override
                public boolean matches(Message<?> message) {
                    return true;
                }
            };

    private final AgencyDirectory agencies = new AgencyDirectory(List.of(
            new Agency(CITY, "XX市公共就业服务中心", Agency.Level.CITY, null),
            new Agency(COUNTY, "XX市中心区公共就业服务中心", Agency.Level.COUNTY, null),
            new Agency(STREET, "中心区解放街道劳动保障所", Agency.Level.STREET, COUNTY),
            new Agency(OTHER_COUNTY, "XX市东湖区公共就业服务中心", Agency.Level.COUNTY, null),
            new Agency(OTHER_STREET, "东湖区东湖街道劳动保障所", Agency.Level.STREET, OTHER_COUNTY)));

    private FixtureConfiguration<RecruitmentFair> fixture;
    private EmbeddedEventStore others;

    @BeforeEach
    void setUp() {
        others = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        store(others, "Employer", EMPLOYER,
                new EmployerRegistered(EMPLOYER, "91350100M000100Y43", EMPLOYER_NAME, "XX市中心区解放路88号", STREET,
                        new PersonalData(null, "李四", "13912345678", EMPLOYER), PLANNED_ON),
                posted(PUBLISHED, "数控车工", 3), posted(ALSO_PUBLISHED, "电工", 2), posted(PENDING, "仓库保管员", 1),
                new VacancyPublished(EMPLOYER, PUBLISHED, PLANNED_ON),
                new VacancyPublished(EMPLOYER, ALSO_PUBLISHED, PLANNED_ON));
        for (String caseId : List.of(CASE, OTHER_CASE)) {
            store(others, "ClientCase", caseId, new CaseOpened(caseId,
                    new PersonalData("11010519491231002X", "张三", "13800000000", caseId),
                    LocalDate.of(1949, 12, 31), Sex.FEMALE, STREET));
        }
        fixture = new AggregateTestFixture<>(RecruitmentFair.class);
        fixture.registerInjectableResource(agencies);
        fixture.registerAnnotatedCommandHandler(new FairCommandHandler(fixture.getRepository(),
                repository(Employer.class, others), repository(ClientCase.class, others), agencies));
    }

    @AfterEach
    void tearDown() {
        others.shutDown();
    }

    private static <T> EventSourcingRepository<T> repository(Class<T> type, EventStore store) {
        return EventSourcingRepository.builder(type).eventStore(store)
                .parameterResolverFactory(MultiParameterResolverFactory.ordered(
                        ClasspathParameterResolverFactory.forClass(type), UNUSED_RESOURCES))
                .build();
    }

    private static void store(EventStore store, String type, String aggregateId, Object... events) {
        for (int i = 0; i < events.length; i++) {
            store.publish(new GenericDomainEventMessage<>(type, aggregateId, i, events[i]));
        }
    }

    private static VacancyPosted posted(String vacancyId, String occupation, int headcount) {
        return new VacancyPosted(EMPLOYER, vacancyId, occupation, headcount, new WageRange(5000, 7500), STREET,
                EmploymentForm.FULL_TIME, null, PLANNED_ON);
    }

    private static GenericCommandMessage<?> by(String agencyId, Object command) {
        return new GenericCommandMessage<>(command, MetaData.with(CaseMetadata.AGENCY, agencyId)
                .and(CaseMetadata.OFFICER, "officer-1"));
    }

    private static PlanRecruitmentFairCommand plan(String title, String organiserAgencyId) {
        return new PlanRecruitmentFairCommand(FAIR, title, FairFormat.OFFLINE, HELD_ON, " 解放路人力资源市场 ",
                organiserAgencyId, PLANNED_ON);
    }

    private static RecruitmentFairPlanned planned() {
        return planned(STREET);
    }

    private static RecruitmentFairPlanned planned(String organiserAgencyId) {
        return new RecruitmentFairPlanned(FAIR, "2026年冬季就业援助专场招聘会", FairFormat.OFFLINE, HELD_ON, "解放路人力资源市场",
                organiserAgencyId);
    }

    private static EnrolFairEmployerCommand enrol(String... vacancyIds) {
        return new EnrolFairEmployerCommand(FAIR, EMPLOYER, List.of(vacancyIds), PLANNED_ON);
    }

    private static FairEmployerEnrolled enrolled(FairVacancy... vacancies) {
        return new FairEmployerEnrolled(FAIR, EMPLOYER, EMPLOYER_NAME, List.of(vacancies));
    }

    private static FairVacancy lathe() {
        return new FairVacancy(PUBLISHED, "数控车工", 3);
    }

    private static FairVacancy electrician() {
        return new FairVacancy(ALSO_PUBLISHED, "电工", 2);
    }

    private static RecruitmentFairClosed closed() {
        return new RecruitmentFairClosed(FAIR, HELD_ON, 0, 0, 0, 0);
    }

    private static RuleViolation violation(String ruleId, String code, String field, RuleViolation.Kind kind) {
        return RuleViolation.of(ruleId, code, field, kind);
    }

    // ---------------------------------------------------------------- planning

    @Test
    void plansAFairToBeHeldWeeksLater() {
        fixture.givenNoPriorActivity()
                .when(by(STREET, plan(" 2026年冬季就业援助专场招聘会 ", STREET)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(planned());
    }

    @Test
    void countyPlansAFairForItsStreet() {
        fixture.givenNoPriorActivity()
                .when(by(COUNTY, plan("2026年冬季就业援助专场招聘会", STREET)))
                .expectEvents(planned());
    }

    @Test
    void refusesAFairOfAnUnknownAgency() {
        fixture.givenNoPriorActivity()
                .when(by(STREET, plan("招聘会", "999999")))
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(violation("JOB-5", "UNKNOWN_AGENCY", "organiserAgencyId",
                        RuleViolation.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesAFairOfAnAgencyTheOfficersAgencyDoesNotCover() {
        fixture.givenNoPriorActivity()
                .when(by(STREET, plan("招聘会", COUNTY)))
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage("JOB-5 AGENCY_NOT_COVERED")
                .expectNoEvents();
    }

    @Test
    void refusesATitleLongerThanItsLimit() {
        fixture.givenNoPriorActivity()
                .when(by(STREET, plan("招".repeat(RecruitmentFair.MAX_TITLE_LENGTH + 1), STREET)))
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(violation("INPUT", "TOO_LONG", "title", RuleViolation.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesAFairWithoutFormatOrDay() {
        fixture.givenNoPriorActivity()
                .when(by(STREET, new PlanRecruitmentFairCommand(FAIR, "招聘会", null, HELD_ON, "某地", STREET, PLANNED_ON)))
                .expectExceptionDetails(violation("INPUT", "MISSING", "format", RuleViolation.Kind.INVALID))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(by(STREET, new PlanRecruitmentFairCommand(FAIR, "招聘会", FairFormat.ONLINE, null, "https://jobs.example",
                        STREET, PLANNED_ON)))
                .expectExceptionDetails(violation("INPUT", "MISSING", "heldOn", RuleViolation.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void resentPlanPlansNothingMore() {
        fixture.given(planned())
                .when(by(STREET, plan("2026年冬季就业援助专场招聘会", STREET)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesAnotherFairUnderATakenId() {
        fixture.given(planned())
                .when(by(STREET, plan("另一场招聘会", STREET)))
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(violation("JOB-5", "FAIR_ID_TAKEN", "fairId", RuleViolation.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void officerOfAnotherAreaFindsNoFairToClose() {
        fixture.given(planned())
                .when(by(OTHER_COUNTY, new CloseRecruitmentFairCommand(FAIR, HELD_ON)))
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(violation("INPUT", "FAIR_NOT_FOUND", "fairId", RuleViolation.Kind.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void officerOfAnotherAreaFindsNoFairToInviteTo() {
        fixture.given(planned())
                .when(by(OTHER_STREET, new InviteToFairCommand(FAIR, CASE, PLANNED_ON)))
                .expectExceptionDetails(violation("INPUT", "FAIR_NOT_FOUND", "fairId", RuleViolation.Kind.NOT_FOUND))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- employers

    @Test
    void enrolsAnEmployerWithItsPublishedVacanciesAsPosted() {
        fixture.given(planned())
                .when(by(STREET, enrol(PUBLISHED, ALSO_PUBLISHED, PUBLISHED)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(enrolled(lathe(), electrician()));
    }

    @Test
    void refusesAVacancyNotPublishedAndEnrolsNothing() {
        fixture.given(planned())
                .when(by(STREET, enrol(PUBLISHED, PENDING)))
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(violation("JOB-5", "VACANCY_NOT_PUBLISHED", "vacancyIds",
                        RuleViolation.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void refusesAnEnrolmentWithoutVacancies() {
        fixture.given(planned())
                .when(by(STREET, enrol()))
                .expectExceptionDetails(violation("JOB-5", "NO_VACANCY", "vacancyIds", RuleViolation.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void answersNotFoundForAnUnknownEmployer() {
        fixture.given(planned())
                .when(by(STREET, new EnrolFairEmployerCommand(FAIR, "employer-9999", List.of(PUBLISHED), PLANNED_ON)))
                .expectExceptionDetails(violation("INPUT", "EMPLOYER_NOT_FOUND", "employerId",
                        RuleViolation.Kind.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void answersNotFoundForAnUnknownFair() {
        fixture.givenNoPriorActivity()
                .when(by(STREET, enrol(PUBLISHED)))
                .expectExceptionDetails(violation("INPUT", "FAIR_NOT_FOUND", "fairId", RuleViolation.Kind.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void anAgencyCoveringTheEmployerButNotTheOrganiserFindsNoFair() {
        fixture.given(planned(OTHER_STREET))
                .when(by(STREET, enrol(PUBLISHED)))
                .expectExceptionDetails(violation("INPUT", "FAIR_NOT_FOUND", "fairId", RuleViolation.Kind.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void anAgencyCoveringTheOrganiserButNotTheEmployerFindsNoEmployer() {
        fixture.given(planned(OTHER_STREET))
                .when(by(OTHER_STREET, enrol(PUBLISHED)))
                .expectExceptionDetails(violation("INPUT", "EMPLOYER_NOT_FOUND", "employerId",
                        RuleViolation.Kind.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void enrollingAgainReplacesTheVacancies() {
        fixture.given(planned(), enrolled(lathe(), electrician()))
                .when(by(STREET, enrol(ALSO_PUBLISHED)))
                .expectEvents(enrolled(electrician()));
    }

    @Test
    void enrollingWithTheSameVacanciesAgainRecordsNothing() {
        fixture.given(planned(), enrolled(lathe(), electrician()))
                .when(by(STREET, enrol(ALSO_PUBLISHED, PUBLISHED)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- people

    @Test
    void invitesARegisteredPerson() {
        fixture.given(planned())
                .when(by(STREET, new InviteToFairCommand(FAIR, CASE, PLANNED_ON)))
                .expectEvents(new FairInvitationSent(FAIR, CASE, PLANNED_ON));
    }

    @Test
    void invitingTwiceRecordsTheInvitationOnce() {
        fixture.given(planned(), new FairInvitationSent(FAIR, CASE, PLANNED_ON))
                .when(by(STREET, new InviteToFairCommand(FAIR, CASE, PLANNED_ON.plusDays(1))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesAnInvitationAfterTheFair() {
        fixture.given(planned())
                .when(by(STREET, new InviteToFairCommand(FAIR, CASE, HELD_ON.plusDays(1))))
                .expectExceptionDetails(violation("JOB-5", "INVITED_AFTER_FAIR", "invitedOn",
                        RuleViolation.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void answersNotFoundForAnUnknownCase() {
        fixture.given(planned())
                .when(by(STREET, new InviteToFairCommand(FAIR, "case-9999", PLANNED_ON)))
                .expectExceptionDetails(violation("INPUT", "CASE_NOT_FOUND", "caseId", RuleViolation.Kind.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void recordsAttendanceOfAPersonWhoCameUninvited() {
        fixture.given(planned())
                .when(by(STREET, new RecordFairAttendanceCommand(FAIR, OTHER_CASE, HELD_ON)))
                .expectEvents(new FairAttended(FAIR, OTHER_CASE, HELD_ON));
    }

    @Test
    void recordingAttendanceTwiceRecordsItOnce() {
        fixture.given(planned(), new FairAttended(FAIR, CASE, HELD_ON))
                .when(by(STREET, new RecordFairAttendanceCommand(FAIR, CASE, HELD_ON)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesAttendanceBeforeTheFair() {
        fixture.given(planned())
                .when(by(STREET, new RecordFairAttendanceCommand(FAIR, CASE, HELD_ON.minusDays(1))))
                .expectExceptionDetails(violation("JOB-5", "ATTENDED_BEFORE_FAIR", "attendedOn",
                        RuleViolation.Kind.INVALID))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- closing

    @Test
    void closesWithTheEmployersPositionsAndPeopleItRecorded() {
        FairEmployerEnrolled another = new FairEmployerEnrolled(FAIR, "employer-0002", "XX市东湖物流有限公司",
                List.of(new FairVacancy("vacancy-0009", "叉车司机", 4)));
        fixture.given(planned(), enrolled(lathe(), electrician()), another, enrolled(lathe()),
                        new FairInvitationSent(FAIR, CASE, PLANNED_ON), new FairInvitationSent(FAIR, OTHER_CASE, PLANNED_ON),
                        new FairAttended(FAIR, CASE, HELD_ON), new FairAttended(FAIR, "case-0003", HELD_ON))
                .when(by(STREET, new CloseRecruitmentFairCommand(FAIR, HELD_ON)))
                .expectEvents(new RecruitmentFairClosed(FAIR, HELD_ON, 2, 3 + 4, 2, 2));
    }

    @Test
    void refusesToCloseBeforeTheFairWasHeld() {
        fixture.given(planned())
                .when(by(STREET, new CloseRecruitmentFairCommand(FAIR, HELD_ON.minusDays(1))))
                .expectExceptionDetails(violation("JOB-5", "FAIR_NOT_YET_HELD", "closedOn",
                        RuleViolation.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void refusesToCloseAClosedFairAgain() {
        fixture.given(planned(), closed())
                .when(by(STREET, new CloseRecruitmentFairCommand(FAIR, HELD_ON.plusDays(1))))
                .expectExceptionDetails(violation("JOB-5", "FAIR_CLOSED", "fairId", RuleViolation.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void aClosedFairEnrolsNoEmployer() {
        fixture.given(planned(), closed())
                .when(by(STREET, enrol(PUBLISHED)))
                .expectExceptionDetails(violation("JOB-5", "FAIR_CLOSED", "fairId", RuleViolation.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void aClosedFairInvitesNobody() {
        fixture.given(planned(), closed())
                .when(by(STREET, new InviteToFairCommand(FAIR, CASE, PLANNED_ON)))
                .expectExceptionDetails(violation("JOB-5", "FAIR_CLOSED", "fairId", RuleViolation.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void aClosedFairRecordsNoMoreAttendance() {
        fixture.given(planned(), closed())
                .when(by(STREET, new RecordFairAttendanceCommand(FAIR, CASE, HELD_ON)))
                .expectExceptionDetails(violation("JOB-5", "FAIR_CLOSED", "fairId", RuleViolation.Kind.CONFLICT))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- what a referral asks

    @Test
    void offersOnlyTheVacanciesTheEmployerBroughtLast() {
        store(others, "RecruitmentFair", FAIR, planned(), enrolled(lathe(), electrician()), enrolled(lathe()));
        FairOffers offers = new EnrolmentFairOffers(repository(RecruitmentFair.class, others));
        List<Boolean> answers = new ArrayList<>();
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            answers.add(offers.offers(FAIR, EMPLOYER, PUBLISHED));
            answers.add(offers.offers(FAIR, EMPLOYER, ALSO_PUBLISHED));
            answers.add(offers.offers(FAIR, "employer-0002", PUBLISHED));
            answers.add(offers.offers("fair-9999", EMPLOYER, PUBLISHED));
        } finally {
            unitOfWork.rollback();
        }
        assertThat(answers).containsExactly(true, false, false, false);
    }
}
