package cn.pes.casework.command.employer;

import cn.pes.casework.command.clientcase.CaseRuleViolation;
import cn.pes.casework.events.employer.CloseVacancyCommand;
import cn.pes.casework.events.employer.EmployerRegistered;
import cn.pes.casework.events.employer.EmploymentForm;
import cn.pes.casework.events.employer.PostVacancyCommand;
import cn.pes.casework.events.employer.PublishVacancyCommand;
import cn.pes.casework.events.employer.RecordRecruitmentGuidanceCommand;
import cn.pes.casework.events.employer.RecruitmentGuidanceGiven;
import cn.pes.casework.events.employer.RecruitmentGuidanceTopic;
import cn.pes.casework.events.employer.RegisterEmployerCommand;
import cn.pes.casework.events.employer.RejectVacancyCommand;
import cn.pes.casework.events.employer.VacancyCloseReason;
import cn.pes.casework.events.employer.VacancyClosed;
import cn.pes.casework.events.employer.VacancyPosted;
import cn.pes.casework.events.employer.VacancyPublished;
import cn.pes.casework.events.employer.VacancyRejected;
import cn.pes.casework.events.employer.WageRange;
import cn.pes.casework.events.shared.CaseMetadata;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.events.shared.RuleViolation;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.h2.Driver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Employers and vacancies (JOB-3), with the credit code index in an in-memory H2 of the event store's schema. */
class EmployerTest {

    private static final String CITY = "9901";
    private static final String COUNTY = "990101";
    private static final String STREET = "990101001";
    private static final String OTHER_COUNTY = "990102";
    private static final String OTHER_STREET = "990102001";
    private static final String EMPLOYER = "employer-0001";
    private static final String VACANCY = "vacancy-0001";
    /** Completed with GB 32100-2015's check character (see UnifiedSocialCreditCodeTest). */
    private static final String CODE = "91350100M000100Y43";
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    private static final WageRange WAGE = new WageRange(5000, 7500);

    private FixtureConfiguration<Employer> fixture;
    private JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new Driver(),
                "jdbc:h2:mem:employer-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource("db/command/schema-h2.sql")).execute(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        fixture = new AggregateTestFixture<>(Employer.class);
        fixture.registerInjectableResource(new EmployerIndex(jdbc));
        fixture.registerInjectableResource(new AgencyDirectory(List.of(
                new Agency(CITY, "XX市公共就业服务中心", Agency.Level.CITY, null),
                new Agency(COUNTY, "XX市中心区公共就业服务中心", Agency.Level.COUNTY, null),
                new Agency(STREET, "中心区解放街道劳动保障所", Agency.Level.STREET, COUNTY),
                new Agency(OTHER_COUNTY, "XX市东湖区公共就业服务中心", Agency.Level.COUNTY, null),
                new Agency(OTHER_STREET, "东湖区东湖街道劳动保障所", Agency.Level.STREET, OTHER_COUNTY))));
    }

    @AfterEach
    void tearDown() {
        jdbc.execute("SHUTDOWN");
    }

    private static GenericCommandMessage<?> by(String agencyId, Object command) {
        return new GenericCommandMessage<>(command, MetaData.with(CaseMetadata.AGENCY, agencyId)
                .and(CaseMetadata.OFFICER, "officer-1"));
    }

    private static RegisterEmployerCommand register(String employerId, String code) {
        return new RegisterEmployerCommand(employerId, code, "XX市东湖机械制造有限公司 ", "XX市中心区解放路88号", STREET,
                new PersonalData(null, "李四", "13912345678"), DAY);
    }

    private static EmployerRegistered registered() {
        return new EmployerRegistered(EMPLOYER, CODE, "XX市东湖机械制造有限公司", "XX市中心区解放路88号", STREET,
                new PersonalData(null, "李四", "13912345678", EMPLOYER), DAY);
    }

    private static PostVacancyCommand post(int headcount, WageRange wage) {
        return new PostVacancyCommand(EMPLOYER, VACANCY, "数控车工", headcount, wage, STREET, EmploymentForm.FULL_TIME,
                "两年以上经验", DAY);
    }

    private static VacancyPosted posted() {
        return new VacancyPosted(EMPLOYER, VACANCY, "数控车工", 3, WAGE, STREET, EmploymentForm.FULL_TIME, "两年以上经验",
                DAY);
    }

    private static RuleViolation violation(String ruleId, String code, String field, RuleViolation.Kind kind) {
        return RuleViolation.of(ruleId, code, field, kind);
    }

    private long claimedCodes() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM employer_credit_code", Long.class);
    }

    // ---------------------------------------------------------------- registration

    @Test
    void registersAnEmployerWithItsContactBoundToTheEmployerAndClaimsTheCode() {
        fixture.givenNoPriorActivity()
                .when(by(STREET, register(EMPLOYER, "9135 0100m000100y43")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered());
        assertThat(jdbc.queryForObject("SELECT employer_id FROM employer_credit_code WHERE credit_code = ?",
                String.class, CODE)).isEqualTo(EMPLOYER);
    }

    @Test
    void refusesASecondEmployerWithTheSameCreditCodeAndStoresNothing() {
        new EmployerIndex(jdbc).claim(UnifiedSocialCreditCode.parse(CODE), "employer-0000");
        fixture.givenNoPriorActivity()
                .when(by(STREET, register(EMPLOYER, CODE)))
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(violation("JOB-3", "EMPLOYER_ALREADY_REGISTERED", "creditCode",
                        RuleViolation.Kind.CONFLICT))
                .expectNoEvents();
        assertThat(claimedCodes()).isEqualTo(1);
    }

    @Test
    void refusesACreditCodeWithAWrongCheckCharacter() {
        fixture.givenNoPriorActivity()
                .when(by(STREET, register(EMPLOYER, "91350100M000100Y44")))
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(violation("JOB-3", "CREDIT_CODE_CHECK_CHARACTER", "creditCode",
                        RuleViolation.Kind.INVALID))
                .expectNoEvents();
        assertThat(claimedCodes()).isZero();
    }

    @Test
    void refusesAnUnknownArea() {
        RegisterEmployerCommand command = new RegisterEmployerCommand(EMPLOYER, CODE, "某公司", "某地址", "999999",
                new PersonalData(null, "李四", "13912345678"), DAY);
        fixture.givenNoPriorActivity()
                .when(by(STREET, command))
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage("JOB-3 UNKNOWN_AGENCY")
                .expectNoEvents();
    }

    @Test
    void refusesToRegisterInAnAreaTheOfficersAgencyDoesNotCover() {
        fixture.givenNoPriorActivity()
                .when(by(OTHER_STREET, register(EMPLOYER, CODE)))
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage("JOB-3 AREA_NOT_COVERED")
                .expectNoEvents();
        assertThat(claimedCodes()).isZero();
    }

    @Test
    void countyOfficerRegistersAnEmployerOfItsStreet() {
        fixture.givenNoPriorActivity()
                .when(by(COUNTY, register(EMPLOYER, CODE)))
                .expectEvents(registered());
    }

    @Test
    void refusesAContactWithoutPhone() {
        RegisterEmployerCommand command = new RegisterEmployerCommand(EMPLOYER, CODE, "某公司", "某地址", STREET,
                new PersonalData(null, "李四", null), DAY);
        fixture.givenNoPriorActivity()
                .when(by(STREET, command))
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(violation("INPUT", "MISSING", "contact.phone", RuleViolation.Kind.INVALID))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- posting

    @Test
    void postsAVacancyPendingReview() {
        fixture.given(registered())
                .when(by(STREET, post(3, WAGE)))
                .expectEvents(posted());
    }

    @Test
    void resentPostOfTheSameVacancyPostsNothingMore() {
        fixture.given(registered(), posted())
                .when(by(STREET, post(3, WAGE)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesAnotherVacancyUnderATakenId() {
        fixture.given(registered(), posted())
                .when(by(STREET, post(5, WAGE)))
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage("JOB-3 VACANCY_ID_TAKEN");
    }

    @Test
    void refusesAHeadcountBelowOne() {
        fixture.given(registered())
                .when(by(STREET, post(0, WAGE)))
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(violation("JOB-3", "HEADCOUNT_BELOW_ONE", "headcount", RuleViolation.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesAMinimumWageAboveTheMaximum() {
        fixture.given(registered())
                .when(by(STREET, post(3, new WageRange(8000, 7999))))
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(violation("JOB-3", "WAGE_MIN_ABOVE_MAX", "wage.minYuan",
                        RuleViolation.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void acceptsAFixedWageWhereMinimumEqualsMaximum() {
        fixture.given(registered())
                .when(by(STREET, post(1, new WageRange(6000, 6000))))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void officerOfAnotherAreaFindsNoEmployer() {
        fixture.given(registered())
                .when(by(OTHER_COUNTY, post(3, WAGE)))
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(violation("INPUT", "EMPLOYER_NOT_FOUND", "employerId",
                        RuleViolation.Kind.NOT_FOUND))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- review

    @Test
    void publishesAPendingVacancy() {
        fixture.given(registered(), posted())
                .when(by(COUNTY, new PublishVacancyCommand(EMPLOYER, VACANCY, DAY.plusDays(1))))
                .expectEvents(new VacancyPublished(EMPLOYER, VACANCY, DAY.plusDays(1)));
    }

    @Test
    void rejectsAPendingVacancyWithTheReason() {
        fixture.given(registered(), posted())
                .when(by(STREET, new RejectVacancyCommand(EMPLOYER, VACANCY, " 工资低于最低工资标准 ", DAY)))
                .expectEvents(new VacancyRejected(EMPLOYER, VACANCY, "工资低于最低工资标准", DAY));
    }

    @Test
    void reviewsAVacancyOnlyWhilePending() {
        fixture.given(registered(), posted(), new VacancyPublished(EMPLOYER, VACANCY, DAY))
                .when(by(STREET, new RejectVacancyCommand(EMPLOYER, VACANCY, "重复发布", DAY)))
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(violation("JOB-3", "VACANCY_NOT_PENDING_REVIEW", "vacancyId",
                        RuleViolation.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void doesNotPublishARejectedVacancy() {
        fixture.given(registered(), posted(), new VacancyRejected(EMPLOYER, VACANCY, "信息不全", DAY))
                .when(by(STREET, new PublishVacancyCommand(EMPLOYER, VACANCY, DAY)))
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage("JOB-3 VACANCY_NOT_PENDING_REVIEW")
                .expectNoEvents();
    }

    @Test
    void answersNotFoundForAnUnknownVacancy() {
        fixture.given(registered())
                .when(by(STREET, new PublishVacancyCommand(EMPLOYER, "vacancy-9999", DAY)))
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(violation("INPUT", "VACANCY_NOT_FOUND", "vacancyId",
                        RuleViolation.Kind.NOT_FOUND));
    }

    // ---------------------------------------------------------------- closing

    @Test
    void closesAPublishedVacancyAsFilled() {
        fixture.given(registered(), posted(), new VacancyPublished(EMPLOYER, VACANCY, DAY))
                .when(by(STREET, new CloseVacancyCommand(EMPLOYER, VACANCY, VacancyCloseReason.FILLED, DAY.plusDays(30))))
                .expectEvents(new VacancyClosed(EMPLOYER, VACANCY, VacancyCloseReason.FILLED, DAY.plusDays(30)));
    }

    @Test
    void refusesToCloseAPendingVacancyAsFilled() {
        fixture.given(registered(), posted())
                .when(by(STREET, new CloseVacancyCommand(EMPLOYER, VACANCY, VacancyCloseReason.FILLED, DAY)))
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(violation("JOB-3", "VACANCY_NOT_PUBLISHED", "vacancyId",
                        RuleViolation.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void withdrawsAPendingVacancy() {
        fixture.given(registered(), posted())
                .when(by(STREET, new CloseVacancyCommand(EMPLOYER, VACANCY, VacancyCloseReason.WITHDRAWN, DAY)))
                .expectEvents(new VacancyClosed(EMPLOYER, VACANCY, VacancyCloseReason.WITHDRAWN, DAY));
    }

    @Test
    void withdrawsAPublishedVacancy() {
        fixture.given(registered(), posted(), new VacancyPublished(EMPLOYER, VACANCY, DAY))
                .when(by(STREET, new CloseVacancyCommand(EMPLOYER, VACANCY, VacancyCloseReason.WITHDRAWN, DAY)))
                .expectEvents(new VacancyClosed(EMPLOYER, VACANCY, VacancyCloseReason.WITHDRAWN, DAY));
    }

    @Test
    void refusesToWithdrawARejectedVacancy() {
        fixture.given(registered(), posted(), new VacancyRejected(EMPLOYER, VACANCY, "信息不全", DAY))
                .when(by(STREET, new CloseVacancyCommand(EMPLOYER, VACANCY, VacancyCloseReason.WITHDRAWN, DAY)))
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage("JOB-3 VACANCY_NOT_OPEN")
                .expectNoEvents();
    }

    @Test
    void refusesToCloseAClosedVacancyAgain() {
        fixture.given(registered(), posted(), new VacancyPublished(EMPLOYER, VACANCY, DAY),
                        new VacancyClosed(EMPLOYER, VACANCY, VacancyCloseReason.FILLED, DAY))
                .when(by(STREET, new CloseVacancyCommand(EMPLOYER, VACANCY, VacancyCloseReason.FILLED, DAY)))
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage("JOB-3 VACANCY_NOT_PUBLISHED")
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- guidance (JOB-1)

    private static final String SESSION = "session-0001";

    private static RecordRecruitmentGuidanceCommand guidance(String notes, String followUp, LocalDate heldOn) {
        return new RecordRecruitmentGuidanceCommand(EMPLOYER, SESSION, RecruitmentGuidanceTopic.HIRING_CRITERIA, notes,
                followUp, heldOn, DAY.plusDays(1));
    }

    private static RecruitmentGuidanceGiven given(String agencyId) {
        return new RecruitmentGuidanceGiven(EMPLOYER, SESSION, RecruitmentGuidanceTopic.HIRING_CRITERIA,
                "建议取消性别限制", null, DAY, agencyId);
    }

    @Test
    void recordsGuidanceInTheNameOfTheOfficersAgency() {
        fixture.given(registered())
                .when(by(COUNTY, guidance(" 建议取消性别限制 ", "  ", DAY)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(given(COUNTY));
    }

    @Test
    void guidanceRecordedByThePlatformItselfIsTheAreaAgencys() {
        fixture.given(registered())
                .when(guidance("建议取消性别限制", null, DAY))
                .expectEvents(given(STREET));
    }

    @Test
    void keepsTheFollowUp() {
        fixture.given(registered())
                .when(by(STREET, guidance("建议取消性别限制", " 两周后回访 ", DAY.plusDays(1))))
                .expectEvents(new RecruitmentGuidanceGiven(EMPLOYER, SESSION, RecruitmentGuidanceTopic.HIRING_CRITERIA,
                        "建议取消性别限制", "两周后回访", DAY.plusDays(1), STREET));
    }

    @Test
    void resentGuidanceSessionIsRecordedOnce() {
        fixture.given(registered(), given(STREET))
                .when(by(STREET, guidance("建议取消性别限制", null, DAY)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesAnotherSessionUnderATakenId() {
        fixture.given(registered(), given(STREET))
                .when(by(STREET, guidance("另一次指导", null, DAY)))
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(violation("JOB-1", "SESSION_ID_TAKEN", "sessionId", RuleViolation.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void refusesGuidanceWithoutNotes() {
        fixture.given(registered())
                .when(by(STREET, guidance(" ", null, DAY)))
                .expectExceptionDetails(violation("INPUT", "MISSING", "notes", RuleViolation.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesNotesLongerThanTheLimit() {
        fixture.given(registered())
                .when(by(STREET, guidance("指".repeat(Employer.MAX_TEXT_LENGTH + 1), null, DAY)))
                .expectExceptionDetails(violation("INPUT", "TOO_LONG", "notes", RuleViolation.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesAFollowUpLongerThanTheLimit() {
        fixture.given(registered())
                .when(by(STREET, guidance("建议取消性别限制", "访".repeat(Employer.MAX_TEXT_LENGTH + 1), DAY)))
                .expectExceptionDetails(violation("INPUT", "TOO_LONG", "followUp", RuleViolation.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesGuidanceWithoutATopic() {
        fixture.given(registered())
                .when(by(STREET, new RecordRecruitmentGuidanceCommand(EMPLOYER, SESSION, null, "建议", null, DAY, DAY)))
                .expectExceptionDetails(violation("INPUT", "MISSING", "topic", RuleViolation.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesGuidanceHeldAfterTheDayItIsRecorded() {
        fixture.given(registered())
                .when(by(STREET, guidance("建议取消性别限制", null, DAY.plusDays(2))))
                .expectExceptionDetails(violation("JOB-1", "HELD_AFTER_RECORDING", "heldOn", RuleViolation.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void officerOfAnotherAreaRecordsNoGuidance() {
        fixture.given(registered())
                .when(by(OTHER_STREET, guidance("建议取消性别限制", null, DAY)))
                .expectExceptionDetails(violation("INPUT", "EMPLOYER_NOT_FOUND", "employerId",
                        RuleViolation.Kind.NOT_FOUND))
                .expectNoEvents();
    }
}
