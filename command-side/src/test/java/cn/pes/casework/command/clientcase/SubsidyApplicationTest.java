package cn.pes.casework.command.clientcase;

import cn.pes.casework.command.calendar.WorkingDayCalendar;
import cn.pes.casework.command.policy.PolicyProperties;
import cn.pes.casework.command.policy.SubsidyPolicy;
import cn.pes.casework.command.policy.SubsidyPolicyBook;
import cn.pes.casework.events.registration.CaseOpened;
import cn.pes.casework.events.shared.CaseMetadata;
import cn.pes.casework.events.shared.PersonCategory;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.events.shared.RefusalReason;
import cn.pes.casework.events.shared.Sex;
import cn.pes.casework.events.subsidy.ApplicationPlace;
import cn.pes.casework.events.subsidy.ApproveSubsidyCommand;
import cn.pes.casework.events.subsidy.BeginSubsidyReviewCommand;
import cn.pes.casework.events.subsidy.Certificate;
import cn.pes.casework.events.subsidy.CertificateLevel;
import cn.pes.casework.events.subsidy.CertificateRefused;
import cn.pes.casework.events.subsidy.CertificateSubmitted;
import cn.pes.casework.events.subsidy.LivingAllowanceClaim;
import cn.pes.casework.events.subsidy.RaiseSubsidyObjectionCommand;
import cn.pes.casework.events.subsidy.RecordSubsidyPaymentCommand;
import cn.pes.casework.events.subsidy.RejectSubsidyCommand;
import cn.pes.casework.events.subsidy.ResolveSubsidyObjectionCommand;
import cn.pes.casework.events.subsidy.SubmitCertificateCommand;
import cn.pes.casework.events.subsidy.SubsidyApproved;
import cn.pes.casework.events.subsidy.SubsidyObjectionDismissed;
import cn.pes.casework.events.subsidy.SubsidyObjectionRaised;
import cn.pes.casework.events.subsidy.SubsidyObjectionUpheld;
import cn.pes.casework.events.subsidy.SubsidyPaid;
import cn.pes.casework.events.subsidy.SubsidyPaymentDeadlineMissed;
import cn.pes.casework.events.subsidy.SubsidyPublicityEnded;
import cn.pes.casework.events.subsidy.SubsidyRejected;
import cn.pes.casework.events.subsidy.SubsidyReviewDeadlineMissed;
import cn.pes.casework.events.subsidy.SubsidyReviewStarted;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import cn.pes.casework.security.protection.BlindIndex;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.h2.Driver;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Skills upgrading subsidy applications in the person's case (SUB-1..SUB-7), against the official
 * 2026 calendar, the default subsidy policy and an H2 certificate index. National Day 2026: 10-01 to
 * 10-07 off, 10-10 (Saturday) a make-up workday; Mid-Autumn 09-25 to 09-27 off.
 */
class SubsidyApplicationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String POLICY = "SUB-DEFAULT-2020";
    private static final String CITY = "9901";
    private static final String COUNTY = "990101";
    private static final String STREET = "990101001";
    private static final String OTHER_COUNTY = "990102";
    private static final String OTHER_STREET = "990102001";
    private static final String CASE_ID = "case-0001";
    private static final String APP = "app-0001";
    private static final LocalDate RECEIVED = LocalDate.of(2026, 9, 28);
    /** 15 working days after 09-28 across National Day and its make-up Saturday 10-10. */
    private static final LocalDate REVIEW_DUE = LocalDate.of(2026, 10, 23);
    private static final LocalDate APPROVED_ON = LocalDate.of(2026, 9, 30);
    /** 5 working days from 10-01: 10-08, 10-09, 10-10 (make-up), 10-12, 10-13. */
    private static final LocalDate PUBLICITY_ENDS = LocalDate.of(2026, 10, 13);
    /** 60 working days after 10-13, into 2027 which has no official data yet: provisional. */
    private static final LocalDate PAYMENT_DUE = LocalDate.of(2027, 1, 5);
    private static final Certificate ELECTRICIAN = new Certificate("电工", CertificateLevel.LEVEL_5, "S000012345",
            "XX市职业技能鉴定指导中心", LocalDate.of(2026, 6, 10));

    private FixtureConfiguration<ClientCase> fixture;
    private JdbcTemplate jdbc;
    private CertificateIndex certificates;

    @BeforeEach
    void setUp() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new Driver(),
                "jdbc:h2:mem:subsidy-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource("db/command/schema-h2.sql")).execute(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        certificates = new CertificateIndex(jdbc, new BlindIndex("subsidy-test-blind-index-key"));
        fixture = fixtureWith(new SubsidyPolicyBook(new PolicyProperties(List.of(), List.of(), List.of())));
    }

    private FixtureConfiguration<ClientCase> fixtureWith(SubsidyPolicyBook policies) {
        FixtureConfiguration<ClientCase> configured = new AggregateTestFixture<>(ClientCase.class);
        configured.registerInjectableResource(new AgencyDirectory(List.of(
                new Agency(CITY, "XX市公共就业服务中心", Agency.Level.CITY, null),
                new Agency(COUNTY, "XX市中心区公共就业服务中心", Agency.Level.COUNTY, null),
                new Agency(STREET, "中心区解放街道劳动保障所", Agency.Level.STREET, COUNTY),
                new Agency(OTHER_COUNTY, "XX市东湖区公共就业服务中心", Agency.Level.COUNTY, null),
                new Agency(OTHER_STREET, "东湖区东湖街道劳动保障所", Agency.Level.STREET, OTHER_COUNTY))));
        configured.registerInjectableResource(policies);
        configured.registerInjectableResource(WorkingDayCalendar.load());
        configured.registerInjectableResource(certificates);
        return configured;
    }

    @AfterEach
    void tearDown() {
        jdbc.execute("SHUTDOWN");
    }

    // ---------------------------------------------------------------- helpers

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(SHANGHAI).toInstant();
    }

    private static Instant at(LocalDateTime localTime) {
        return localTime.atZone(SHANGHAI).toInstant();
    }

    private static CaseOpened opened() {
        return new CaseOpened(CASE_ID, new PersonalData("110105199003071239", "张三", null, CASE_ID),
                LocalDate.of(1990, 3, 7), Sex.MALE, STREET);
    }

    private static SubmitCertificateCommand submit(String applicationId, Certificate certificate, LocalDate receivedOn,
                                                   LivingAllowanceClaim claim) {
        return new SubmitCertificateCommand(CASE_ID, applicationId, certificate, ApplicationPlace.INSURED, COUNTY,
                claim, receivedOn, receivedOn);
    }

    private static SubmitCertificateCommand submit() {
        return submit(APP, ELECTRICIAN, RECEIVED, null);
    }

    private static CertificateSubmitted submitted(String applicationId, Certificate certificate, LocalDate receivedOn,
                                                  LivingAllowanceClaim claim) {
        return new CertificateSubmitted(CASE_ID, applicationId, certificate, ApplicationPlace.INSURED, COUNTY, claim,
                receivedOn, receivedOn.plusDays(21), false, POLICY);
    }

    private static CertificateSubmitted submitted() {
        return new CertificateSubmitted(CASE_ID, APP, ELECTRICIAN, ApplicationPlace.INSURED, COUNTY, null, RECEIVED,
                REVIEW_DUE, false, POLICY);
    }

    private static SubsidyApproved approved(BigDecimal allowance) {
        return new SubsidyApproved(CASE_ID, APP, new BigDecimal("1000"), allowance, APPROVED_ON, false,
                PUBLICITY_ENDS, false, POLICY);
    }

    private static SubsidyPublicityEnded publicityEnded() {
        return new SubsidyPublicityEnded(CASE_ID, APP, PUBLICITY_ENDS, false, PAYMENT_DUE, true);
    }

    private static Certificate certificate(String occupation, CertificateLevel level, String number) {
        return new Certificate(occupation, level, number, "XX市职业技能鉴定指导中心", LocalDate.of(2026, 3, 1));
    }

    private static GenericCommandMessage<Object> by(String agencyId, Object command) {
        return new GenericCommandMessage<>(command, MetaData.with(CaseMetadata.AGENCY, agencyId)
                .and(CaseMetadata.OFFICER, "officer-" + agencyId));
    }

    // ---------------------------------------------------------------- submission (SUB-1, SUB-2, SUB-7)

    @Test
    void receivedCertificateStartsTheReviewClockCountedAcrossNationalDay() {
        fixture.given(opened())
                .when(submit())
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(List.of())
                .expectEvents(submitted())
                .expectScheduledDeadlineWithName(startOf(REVIEW_DUE.plusDays(1)), SubsidyClock.REVIEW);
        assertThat(certificates.isClaimed("s 000012345")).as("claimed, normalised").isTrue();
    }

    @Test
    void certificateOnItsLastDayExtendedPastMidAutumnIsAccepted() {
        // TIME-2/TIME-3: 2025-09-25 + 12 months = 2026-09-25, Mid-Autumn holiday: the period ends on 09-28.
        Certificate issued = new Certificate("电工", CertificateLevel.LEVEL_5, "S1", "鉴定中心", LocalDate.of(2025, 9, 25));
        fixture.given(opened())
                .when(submit(APP, issued, RECEIVED, null))
                .expectEventsMatching(payloadsMatching(List.of(Matchers.instanceOf(CertificateSubmitted.class))));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static org.hamcrest.Matcher payloadsMatching(List<org.hamcrest.Matcher<?>> matchers) {
        org.hamcrest.Matcher[] array = matchers.stream()
                .map(org.axonframework.test.matchers.Matchers::messageWithPayload).toArray(org.hamcrest.Matcher[]::new);
        return org.axonframework.test.matchers.Matchers.exactSequenceOf(array);
    }

    @Test
    void certificateIssuedMoreThanTwelveMonthsBeforeIsRefusedUnderSub2() {
        Certificate issued = new Certificate("电工", CertificateLevel.LEVEL_5, "S1", "鉴定中心", LocalDate.of(2025, 9, 24));
        List<RefusalReason> reasons = List.of(new RefusalReason("SUB-2", "CERTIFICATE_TOO_OLD", "certificate.issuedOn"));
        fixture.given(opened())
                .when(submit(APP, issued, RECEIVED, null))
                .expectResultMessagePayload(reasons)
                .expectEvents(new CertificateRefused(CASE_ID, APP, issued, ApplicationPlace.INSURED, COUNTY, RECEIVED,
                        reasons, POLICY))
                .expectNoScheduledDeadlines();
        assertThat(certificates.isClaimed("S1")).as("a refused certificate claims nothing").isFalse();
    }

    @Test
    void sameOccupationAndLevelAlreadySubsidisedIsRefusedUnderSub7() {
        Certificate again = certificate("电工", CertificateLevel.LEVEL_5, "S2");
        fixture.given(opened(), submitted("app-earlier", certificate("电工", CertificateLevel.LEVEL_5, "S1"),
                        LocalDate.of(2025, 3, 2), null))
                .when(submit(APP, again, RECEIVED, null))
                .expectResultMessagePayload(List.of(new RefusalReason("SUB-7", "OCCUPATION_LEVEL_ALREADY_SUBSIDISED",
                        "certificate.occupation")));
    }

    @Test
    void sameOccupationAtTheNextLevelIsAccepted() {
        fixture.given(opened(), submitted("app-earlier", certificate("电工", CertificateLevel.LEVEL_5, "S1"),
                        LocalDate.of(2025, 3, 2), null))
                .when(submit(APP, certificate("电工", CertificateLevel.LEVEL_4, "S2"), RECEIVED, null))
                .expectResultMessagePayload(List.of());
    }

    @Test
    void sameOccupationAndLevelAfterARejectionIsAccepted() {
        fixture.given(opened(), submitted("app-earlier", certificate("电工", CertificateLevel.LEVEL_5, "S1"),
                                LocalDate.of(2026, 3, 2), null),
                        new SubsidyRejected(CASE_ID, "app-earlier", "材料不全", LocalDate.of(2026, 3, 9), false, null))
                .when(submit(APP, certificate("电工", CertificateLevel.LEVEL_5, "S2"), RECEIVED, null))
                .expectResultMessagePayload(List.of());
    }

    @Test
    void fourthApplicationInACalendarYearIsRefusedUnderSub7() {
        fixture.given(opened(),
                        submitted("a1", certificate("电工", CertificateLevel.LEVEL_5, "S1"), LocalDate.of(2026, 2, 2), null),
                        submitted("a2", certificate("焊工", CertificateLevel.LEVEL_5, "S2"), LocalDate.of(2026, 4, 2), null),
                        submitted("a3", certificate("钳工", CertificateLevel.LEVEL_5, "S3"), LocalDate.of(2026, 6, 2), null))
                .when(submit(APP, certificate("车工", CertificateLevel.LEVEL_5, "S4"), RECEIVED, null))
                .expectResultMessagePayload(List.of(new RefusalReason("SUB-7", "YEARLY_LIMIT_REACHED", "receivedOn")));
    }

    @Test
    void threeApplicationsOfLastYearDoNotCountThisYear() {
        fixture.given(opened(),
                        submitted("a1", certificate("电工", CertificateLevel.LEVEL_5, "S1"), LocalDate.of(2025, 2, 2), null),
                        submitted("a2", certificate("焊工", CertificateLevel.LEVEL_5, "S2"), LocalDate.of(2025, 4, 2), null),
                        submitted("a3", certificate("钳工", CertificateLevel.LEVEL_5, "S3"), LocalDate.of(2025, 6, 2), null))
                .when(submit(APP, certificate("车工", CertificateLevel.LEVEL_5, "S4"), RECEIVED, null))
                .expectResultMessagePayload(List.of());
    }

    @Test
    void certificateNumberUsedByAnotherPersonIsRefused() {
        certificates.claim("S000012345", "another-case", "another-app");
        fixture.given(opened())
                .when(submit())
                .expectResultMessagePayload(List.of(new RefusalReason("SUB-1", "CERTIFICATE_ALREADY_USED",
                        "certificate.certificateNumber")));
    }

    @Test
    void everyFailedConditionIsNamedInOneRefusal() {
        Certificate technician = new Certificate("电工", CertificateLevel.LEVEL_2, "S1", "鉴定中心", LocalDate.of(2024, 1, 5));
        fixture.given(opened())
                .when(submit(APP, technician, RECEIVED, null))
                .expectResultMessagePayload(List.of(
                        new RefusalReason("SUB-2", "CERTIFICATE_TOO_OLD", "certificate.issuedOn"),
                        new RefusalReason("SUB-7", "LEVEL_NOT_SUBSIDISED", "certificate.level")));
    }

    @Test
    void theSameSubmissionSentAgainIsRecordedOnce() {
        fixture.given(opened(), submitted())
                .when(submit())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void certificateIssuedAfterReceiptIsInvalid() {
        Certificate future = new Certificate("电工", CertificateLevel.LEVEL_5, "S1", "鉴定中心", RECEIVED.plusDays(1));
        fixture.given(opened())
                .when(submit(APP, future, RECEIVED, null))
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage("SUB-2 ISSUED_AFTER_RECEIPT")
                .expectNoEvents();
    }

    @Test
    void unknownDepartmentIsInvalid() {
        fixture.given(opened())
                .when(new SubmitCertificateCommand(CASE_ID, APP, ELECTRICIAN, ApplicationPlace.INSURED, "123456",
                        null, RECEIVED, RECEIVED))
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage("SUB-2 UNKNOWN_DEPARTMENT");
    }

    @Test
    void twoAfterStudentWithoutGraduationDateIsInvalid() {
        fixture.given(opened())
                .when(submit(APP, ELECTRICIAN, RECEIVED,
                        new LivingAllowanceClaim(Set.of(PersonCategory.TWO_AFTER_STUDENT), null, true)))
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage("SUB-6 GRADUATION_DATE_MISSING");
    }

    // ---------------------------------------------------------------- review and decision (SUB-3, SUB-6, SUB-7)

    @Test
    void reviewIsTakenUp() {
        fixture.given(opened(), submitted())
                .when(new BeginSubsidyReviewCommand(CASE_ID, APP, LocalDate.of(2026, 9, 29)))
                .expectEvents(new SubsidyReviewStarted(CASE_ID, APP, LocalDate.of(2026, 9, 29)));
    }

    @Test
    void approvalPaysTheLevelAmountAndPublishesForFiveWorkingDaysAcrossNationalDay() {
        fixture.given(opened(), submitted())
                .when(new ApproveSubsidyCommand(CASE_ID, APP, APPROVED_ON))
                .expectEvents(approved(BigDecimal.ZERO))
                .expectScheduledDeadlineWithName(startOf(PUBLICITY_ENDS.plusDays(1)), SubsidyClock.PUBLICITY);
    }

    @Test
    void approvalAfterTheReviewDueDateIsMarkedLate() {
        LocalDate late = REVIEW_DUE.plusDays(3); // Monday 10-26
        fixture.given(opened(), submitted())
                .when(new ApproveSubsidyCommand(CASE_ID, APP, late))
                .expectEvents(new SubsidyApproved(CASE_ID, APP, new BigDecimal("1000"), BigDecimal.ZERO, late, true,
                        LocalDate.of(2026, 11, 2), false, POLICY));
    }

    @Test
    void personOfASub6GroupGetsTheLivingAllowanceWithTheSubsidy() {
        LivingAllowanceClaim disabled = new LivingAllowanceClaim(Set.of(PersonCategory.DISABLED), null, false);
        fixture.given(opened(), submitted(APP, ELECTRICIAN, RECEIVED, disabled))
                .when(new ApproveSubsidyCommand(CASE_ID, APP, APPROVED_ON))
                .expectEvents(approved(new BigDecimal("500")));
    }

    @Test
    void ruralTwoAfterStudentWithinTwoYearsOfGraduationGetsTheAllowance() {
        // Two years from 2024-09-25 end on 2026-09-25, Mid-Autumn: extended to Monday 09-28 (TIME-3).
        LivingAllowanceClaim student = new LivingAllowanceClaim(Set.of(PersonCategory.TWO_AFTER_STUDENT),
                LocalDate.of(2024, 9, 25), true);
        fixture.given(opened(), submitted(APP, ELECTRICIAN, RECEIVED, student))
                .when(new ApproveSubsidyCommand(CASE_ID, APP, APPROVED_ON))
                .expectEvents(approved(new BigDecimal("500")));
    }

    @Test
    void twoAfterStudentMoreThanTwoYearsAfterGraduationGetsNoAllowance() {
        LivingAllowanceClaim student = new LivingAllowanceClaim(Set.of(PersonCategory.TWO_AFTER_STUDENT),
                LocalDate.of(2024, 9, 24), true); // two years end on Thursday 2026-09-24
        fixture.given(opened(), submitted(APP, ELECTRICIAN, RECEIVED, student))
                .when(new ApproveSubsidyCommand(CASE_ID, APP, APPROVED_ON))
                .expectEvents(approved(BigDecimal.ZERO));
    }

    @Test
    void livingAllowanceIsNeverGrantedTwiceToOnePerson() {
        LivingAllowanceClaim disabled = new LivingAllowanceClaim(Set.of(PersonCategory.DISABLED), null, false);
        fixture.given(opened(), submitted("app-earlier", certificate("焊工", CertificateLevel.LEVEL_5, "S1"),
                                LocalDate.of(2025, 3, 2), disabled),
                        new SubsidyApproved(CASE_ID, "app-earlier", new BigDecimal("1000"), new BigDecimal("500"),
                                LocalDate.of(2025, 3, 10), false, LocalDate.of(2025, 3, 17), false, POLICY),
                        submitted(APP, ELECTRICIAN, RECEIVED, disabled))
                .when(new ApproveSubsidyCommand(CASE_ID, APP, APPROVED_ON))
                .expectEvents(approved(BigDecimal.ZERO));
    }

    @Test
    void allowanceOfAnApplicationRejectedOnAnObjectionIsGrantedLater() {
        LivingAllowanceClaim disabled = new LivingAllowanceClaim(Set.of(PersonCategory.DISABLED), null, false);
        fixture.given(opened(), submitted("app-earlier", certificate("焊工", CertificateLevel.LEVEL_5, "S1"),
                                LocalDate.of(2025, 3, 2), disabled),
                        new SubsidyApproved(CASE_ID, "app-earlier", new BigDecimal("1000"), new BigDecimal("500"),
                                LocalDate.of(2025, 3, 10), false, LocalDate.of(2025, 3, 17), false, POLICY),
                        new SubsidyRejected(CASE_ID, "app-earlier", "证书造假", LocalDate.of(2025, 3, 12), false, "obj-1"),
                        submitted(APP, ELECTRICIAN, RECEIVED, disabled))
                .when(new ApproveSubsidyCommand(CASE_ID, APP, APPROVED_ON))
                .expectEvents(approved(new BigDecimal("500")));
    }

    @Test
    void rejectionEndsTheApplicationAndGivesTheCertificateBack() {
        certificates.claim(ELECTRICIAN.certificateNumber(), CASE_ID, APP);
        fixture.given(opened(), submitted())
                .when(new RejectSubsidyCommand(CASE_ID, APP, " 证书与本人不符 ", APPROVED_ON))
                .expectEvents(new SubsidyRejected(CASE_ID, APP, "证书与本人不符", APPROVED_ON, false, null));
        assertThat(certificates.isClaimed(ELECTRICIAN.certificateNumber())).isFalse();
    }

    @Test
    void rejectionWithoutAReasonIsInvalid() {
        fixture.given(opened(), submitted())
                .when(new RejectSubsidyCommand(CASE_ID, APP, " ", APPROVED_ON))
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage("SUB-3 MISSING");
    }

    @Test
    void aDecidedApplicationCannotBeDecidedAgain() {
        fixture.given(opened(), submitted(), approved(BigDecimal.ZERO))
                .when(new RejectSubsidyCommand(CASE_ID, APP, "重新审核", APPROVED_ON))
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage("SUB-3 ALREADY_DECIDED");
    }

    @Test
    void unknownApplicationIsNotFound() {
        fixture.given(opened())
                .when(new ApproveSubsidyCommand(CASE_ID, "nope", APPROVED_ON))
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage("INPUT APPLICATION_NOT_FOUND");
    }

    // ---------------------------------------------------------------- clocks (SUB-3, SUB-4, SUB-5)

    @Test
    void reviewNotDoneByItsDueDayIsRecordedWhenTheDayIsOver() {
        fixture.given(opened())
                .andGivenCurrentTime(at(LocalDateTime.of(2026, 9, 28, 10, 0)))
                .andGivenCommands(submit())
                .whenThenTimeAdvancesTo(startOf(REVIEW_DUE.plusDays(1)))
                .expectEvents(new SubsidyReviewDeadlineMissed(CASE_ID, APP, COUNTY, REVIEW_DUE));
    }

    @Test
    void reviewIsNotOverdueDuringItsDueDay() {
        fixture.given(opened())
                .andGivenCurrentTime(at(LocalDateTime.of(2026, 9, 28, 10, 0)))
                .andGivenCommands(submit())
                .whenThenTimeAdvancesTo(at(LocalDateTime.of(2026, 10, 23, 23, 59, 59)))
                .expectNoEvents();
    }

    @Test
    void publicityEndsByItselfAndStartsTheSixtyDayPaymentClock() {
        fixture.given(opened())
                .andGivenCurrentTime(at(LocalDateTime.of(2026, 9, 28, 10, 0)))
                .andGivenCommands(submit(), new ApproveSubsidyCommand(CASE_ID, APP, APPROVED_ON))
                .whenThenTimeAdvancesTo(startOf(PUBLICITY_ENDS.plusDays(1)))
                .expectEvents(publicityEnded())
                .expectScheduledDeadlineWithName(startOf(PAYMENT_DUE.plusDays(1)), SubsidyClock.PAYMENT);
    }

    @Test
    void publicityIsNotOverOnItsLastDay() {
        fixture.given(opened())
                .andGivenCurrentTime(at(LocalDateTime.of(2026, 9, 28, 10, 0)))
                .andGivenCommands(submit(), new ApproveSubsidyCommand(CASE_ID, APP, APPROVED_ON))
                .whenThenTimeAdvancesTo(at(LocalDateTime.of(2026, 10, 13, 23, 59, 59)))
                .expectNoEvents();
    }

    @Test
    void reviewDoneInTimeRecordsNoMissedDeadline() {
        fixture.given(opened())
                .andGivenCurrentTime(at(LocalDateTime.of(2026, 9, 28, 10, 0)))
                .andGivenCommands(submit(), new ApproveSubsidyCommand(CASE_ID, APP, APPROVED_ON))
                .whenThenTimeAdvancesTo(startOf(REVIEW_DUE.plusDays(1)))
                .expectEvents(publicityEnded());
    }

    @Test
    void clocksOfARejectedApplicationRecordNothing() {
        fixture.given(opened())
                .andGivenCurrentTime(at(LocalDateTime.of(2026, 9, 28, 10, 0)))
                .andGivenCommands(submit(), new RejectSubsidyCommand(CASE_ID, APP, "材料不全", APPROVED_ON))
                .whenThenTimeAdvancesTo(startOf(REVIEW_DUE.plusDays(1)))
                .expectNoEvents();
    }

    @Test
    void paymentNotMadeWithinSixtyWorkingDaysIsRecorded() {
        fixture.given(opened())
                .andGivenCurrentTime(at(LocalDateTime.of(2026, 9, 28, 10, 0)))
                .andGivenCommands(submit(), new ApproveSubsidyCommand(CASE_ID, APP, APPROVED_ON))
                .whenThenTimeAdvancesTo(startOf(PAYMENT_DUE.plusDays(1)))
                .expectEvents(publicityEnded(),
                        new SubsidyPaymentDeadlineMissed(CASE_ID, APP, COUNTY, PAYMENT_DUE));
    }

    @Test
    void paymentInTimeRecordsNoMissedDeadline() {
        LocalDate paidOn = LocalDate.of(2026, 11, 20);
        fixture.given(opened(), submitted(), approved(BigDecimal.ZERO),
                        new SubsidyObjectionRaised(CASE_ID, APP, "obj-1", "举报", LocalDate.of(2026, 10, 9)),
                        new SubsidyPublicityEnded(CASE_ID, APP, PUBLICITY_ENDS, true, null, false))
                .andGivenCurrentTime(at(LocalDateTime.of(2026, 10, 16, 10, 0)))
                .andGivenCommands(
                        new ResolveSubsidyObjectionCommand(CASE_ID, APP, "obj-1", false, "不成立", LocalDate.of(2026, 10, 16)),
                        new RecordSubsidyPaymentCommand(CASE_ID, APP, new BigDecimal("1000.00"), paidOn,
                                "6222 0212 3456 7890", paidOn))
                .whenThenTimeAdvancesTo(startOf(LocalDate.of(2027, 1, 9)))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- objections (SUB-4)

    @Test
    void objectionDuringPublicityIsRecorded() {
        fixture.given(opened(), submitted(), approved(BigDecimal.ZERO))
                .when(new RaiseSubsidyObjectionCommand(CASE_ID, APP, "obj-1", "举报证书非本人考取", LocalDate.of(2026, 10, 9)))
                .expectEvents(new SubsidyObjectionRaised(CASE_ID, APP, "obj-1", "举报证书非本人考取",
                        LocalDate.of(2026, 10, 9)));
    }

    @Test
    void objectionAfterPublicityIsRefused() {
        fixture.given(opened(), submitted(), approved(BigDecimal.ZERO), publicityEnded())
                .when(new RaiseSubsidyObjectionCommand(CASE_ID, APP, "obj-1", "举报", LocalDate.of(2026, 10, 14)))
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage("SUB-4 NOT_IN_PUBLICITY");
    }

    @Test
    void openObjectionHoldsPaymentWhenPublicityEnds() {
        fixture.given(opened())
                .andGivenCurrentTime(at(LocalDateTime.of(2026, 9, 28, 10, 0)))
                .andGivenCommands(submit(), new ApproveSubsidyCommand(CASE_ID, APP, APPROVED_ON),
                        new RaiseSubsidyObjectionCommand(CASE_ID, APP, "obj-1", "举报", LocalDate.of(2026, 10, 9)))
                .whenThenTimeAdvancesTo(startOf(PAYMENT_DUE.plusDays(1)))
                .expectEvents(new SubsidyPublicityEnded(CASE_ID, APP, PUBLICITY_ENDS, true, null, false));
    }

    @Test
    void paymentHeldByAnObjectionIsRefused() {
        fixture.given(opened(), submitted(), approved(BigDecimal.ZERO),
                        new SubsidyObjectionRaised(CASE_ID, APP, "obj-1", "举报", LocalDate.of(2026, 10, 9)),
                        new SubsidyPublicityEnded(CASE_ID, APP, PUBLICITY_ENDS, true, null, false))
                .when(new RecordSubsidyPaymentCommand(CASE_ID, APP, new BigDecimal("1000"), LocalDate.of(2026, 10, 20),
                        "62220212", LocalDate.of(2026, 10, 20)))
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage("SUB-4 HELD_BY_OBJECTION");
    }

    @Test
    void objectionDismissedAfterPublicityStartsThePaymentClockFromTheFinding() {
        LocalDate resolved = LocalDate.of(2026, 10, 16);
        LocalDate due = LocalDate.of(2027, 1, 8);
        fixture.given(opened(), submitted(), approved(BigDecimal.ZERO),
                        new SubsidyObjectionRaised(CASE_ID, APP, "obj-1", "举报", LocalDate.of(2026, 10, 9)),
                        new SubsidyPublicityEnded(CASE_ID, APP, PUBLICITY_ENDS, true, null, false))
                .when(new ResolveSubsidyObjectionCommand(CASE_ID, APP, "obj-1", false, "经核实证书真实", resolved))
                .expectEvents(new SubsidyObjectionDismissed(CASE_ID, APP, "obj-1", "经核实证书真实", resolved, due, true))
                .expectScheduledDeadlineWithName(startOf(due.plusDays(1)), SubsidyClock.PAYMENT);
    }

    @Test
    void objectionDismissedDuringPublicityLeavesThePaymentClockToItsEnd() {
        fixture.given(opened())
                .andGivenCurrentTime(at(LocalDateTime.of(2026, 9, 28, 10, 0)))
                .andGivenCommands(submit(), new ApproveSubsidyCommand(CASE_ID, APP, APPROVED_ON),
                        new RaiseSubsidyObjectionCommand(CASE_ID, APP, "obj-1", "举报", LocalDate.of(2026, 10, 9)),
                        new ResolveSubsidyObjectionCommand(CASE_ID, APP, "obj-1", false, "不成立", LocalDate.of(2026, 10, 12)))
                .whenThenTimeAdvancesTo(startOf(PUBLICITY_ENDS.plusDays(1)))
                .expectEvents(publicityEnded());
    }

    @Test
    void objectionUpheldRejectsTheApplicationAndItsPublicityEndsWithNothing() {
        LocalDate resolved = LocalDate.of(2026, 10, 12);
        fixture.given(opened())
                .andGivenCurrentTime(at(LocalDateTime.of(2026, 9, 28, 10, 0)))
                .andGivenCommands(submit(), new ApproveSubsidyCommand(CASE_ID, APP, APPROVED_ON),
                        new RaiseSubsidyObjectionCommand(CASE_ID, APP, "obj-1", "举报", LocalDate.of(2026, 10, 9)),
                        new ResolveSubsidyObjectionCommand(CASE_ID, APP, "obj-1", true, "证书系他人代考", resolved))
                .whenThenTimeAdvancesTo(startOf(PAYMENT_DUE.plusDays(1)))
                .expectNoEvents();
        assertThat(certificates.isClaimed(ELECTRICIAN.certificateNumber())).isFalse();
    }

    @Test
    void objectionUpheldRecordsTheFindingAndTheRejection() {
        LocalDate resolved = LocalDate.of(2026, 10, 12);
        fixture.given(opened(), submitted(), approved(BigDecimal.ZERO),
                        new SubsidyObjectionRaised(CASE_ID, APP, "obj-1", "举报", LocalDate.of(2026, 10, 9)))
                .when(new ResolveSubsidyObjectionCommand(CASE_ID, APP, "obj-1", true, "证书系他人代考", resolved))
                .expectEvents(new SubsidyObjectionUpheld(CASE_ID, APP, "obj-1", "证书系他人代考", resolved),
                        new SubsidyRejected(CASE_ID, APP, "证书系他人代考", resolved, false, "obj-1"));
    }

    // ---------------------------------------------------------------- payment (SUB-5)

    @Test
    void paymentEndsTheApplicationKeepingOnlyTheMaskedAccount() {
        LocalDate paidOn = LocalDate.of(2026, 11, 20);
        fixture.given(opened(), submitted(), approved(new BigDecimal("500")), publicityEnded())
                .when(new RecordSubsidyPaymentCommand(CASE_ID, APP, new BigDecimal("1500"), paidOn,
                        "6222 0212 3456 7890", paidOn))
                .expectEvents(new SubsidyPaid(CASE_ID, APP, COUNTY, new BigDecimal("1000"), new BigDecimal("500"),
                        paidOn, "************7890", false));
    }

    @Test
    void paymentAfterItsDueDateIsMarkedLate() {
        LocalDate paidOn = PAYMENT_DUE.plusDays(1);
        fixture.given(opened(), submitted(), approved(BigDecimal.ZERO), publicityEnded())
                .when(new RecordSubsidyPaymentCommand(CASE_ID, APP, new BigDecimal("1000"), paidOn, "AB12345", paidOn))
                .expectEvents(new SubsidyPaid(CASE_ID, APP, COUNTY, new BigDecimal("1000"), BigDecimal.ZERO, paidOn,
                        "***2345", true));
    }

    @Test
    void paymentOfAnotherAmountThanApprovedIsInvalid() {
        fixture.given(opened(), submitted(), approved(BigDecimal.ZERO), publicityEnded())
                .when(new RecordSubsidyPaymentCommand(CASE_ID, APP, new BigDecimal("1500"), LocalDate.of(2026, 11, 20),
                        "62220212", LocalDate.of(2026, 11, 20)))
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage("SUB-5 AMOUNT_NOT_AS_APPROVED");
    }

    @Test
    void paymentDuringPublicityIsRefused() {
        fixture.given(opened(), submitted(), approved(BigDecimal.ZERO))
                .when(new RecordSubsidyPaymentCommand(CASE_ID, APP, new BigDecimal("1000"), LocalDate.of(2026, 10, 12),
                        "62220212", LocalDate.of(2026, 10, 12)))
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage("SUB-4 PUBLICITY_NOT_OVER");
    }

    // ---------------------------------------------------------------- policy with effective dates

    @Test
    void aNewPolicyVersionChangesTheClockAndTheAmountForApplicationsReceivedFromItsDate() {
        Map<CertificateLevel, BigDecimal> amounts = Map.of(CertificateLevel.LEVEL_5, new BigDecimal("1200"));
        SubsidyPolicy newer = new SubsidyPolicy("SUB-2026-09", LocalDate.of(2026, 9, 1), 12, 10, 5, 60, amounts, 3,
                new BigDecimal("500"), EnumSet.of(PersonCategory.DISABLED), 2);
        fixture = fixtureWith(new SubsidyPolicyBook(new PolicyProperties(List.of(), List.of(),
                List.of(SubsidyPolicy.DEFAULT, newer))));
        // 10 working days after 09-28: 09-29, 09-30, 10-08, 10-09, 10-10, 10-12 .. 10-16.
        LocalDate due = LocalDate.of(2026, 10, 16);
        fixture.given(opened())
                .andGivenCurrentTime(at(LocalDateTime.of(2026, 9, 28, 10, 0)))
                .andGivenCommands(submit())
                .when(new ApproveSubsidyCommand(CASE_ID, APP, APPROVED_ON))
                .expectEvents(new SubsidyApproved(CASE_ID, APP, new BigDecimal("1200"), BigDecimal.ZERO, APPROVED_ON,
                        false, PUBLICITY_ENDS, false, "SUB-2026-09"));
        fixture.given(opened())
                .when(submit("app-2", certificate("焊工", CertificateLevel.LEVEL_5, "S9"), RECEIVED, null))
                .expectEvents(new CertificateSubmitted(CASE_ID, "app-2", certificate("焊工", CertificateLevel.LEVEL_5,
                        "S9"), ApplicationPlace.INSURED, COUNTY, null, RECEIVED, due, false, "SUB-2026-09"));
    }

    // ---------------------------------------------------------------- snapshots

    @Test
    void aSnapshotKeepsEveryApplicationsState() {
        fixture.given(opened(), submitted(), approved(new BigDecimal("500")),
                        new SubsidyObjectionRaised(CASE_ID, APP, "obj-1", "举报", LocalDate.of(2026, 10, 9)),
                        new CertificateRefused(CASE_ID, "app-refused", ELECTRICIAN, ApplicationPlace.INSURED, COUNTY,
                                RECEIVED, List.of(new RefusalReason("SUB-1", "CERTIFICATE_ALREADY_USED",
                                "certificate.certificateNumber")), POLICY))
                .when(new RaiseSubsidyObjectionCommand(CASE_ID, APP, "obj-2", "再次举报", LocalDate.of(2026, 10, 12)))
                .expectSuccessfulHandlerExecution()
                .expectState(clientCase -> {
                    com.fasterxml.jackson.databind.ObjectMapper mapper =
                            org.springframework.http.converter.json.Jackson2ObjectMapperBuilder.json()
                                    .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                                    .featuresToDisable(com.fasterxml.jackson.databind.SerializationFeature
                                            .WRITE_DATES_AS_TIMESTAMPS).build();
                    try {
                        String json = mapper.writeValueAsString(clientCase);
                        assertThat(json).contains("obj-1", "obj-2", "app-refused", "OBJECTED",
                                "allowanceApplicationId");
                        ClientCase restored = mapper.readValue(json, ClientCase.class);
                        assertThat(mapper.writeValueAsString(restored)).isEqualTo(json);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
    }

    // ---------------------------------------------------------------- agency scope

    @Test
    void departmentOfAnotherCountyDecidesApplicationsMadeToIt() {
        CertificateSubmitted toOtherCounty = new CertificateSubmitted(CASE_ID, APP, ELECTRICIAN,
                ApplicationPlace.EMPLOYMENT, OTHER_COUNTY, null, RECEIVED, REVIEW_DUE, false, POLICY);
        fixture.given(opened(), toOtherCounty)
                .when(by(OTHER_COUNTY, new BeginSubsidyReviewCommand(CASE_ID, APP, APPROVED_ON)))
                .expectEvents(new SubsidyReviewStarted(CASE_ID, APP, APPROVED_ON));
    }

    @Test
    void theCasesOwnAgencyCannotDecideAnApplicationMadeToAnotherDepartment() {
        CertificateSubmitted toOtherCounty = new CertificateSubmitted(CASE_ID, APP, ELECTRICIAN,
                ApplicationPlace.EMPLOYMENT, OTHER_COUNTY, null, RECEIVED, REVIEW_DUE, false, POLICY);
        fixture.given(opened(), toOtherCounty)
                .when(by(STREET, new ApproveSubsidyCommand(CASE_ID, APP, APPROVED_ON)))
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage("INPUT CASE_NOT_FOUND");
    }

    @Test
    void aDepartmentRecordsACertificateOnAnotherAgencysCaseOnlyForItself() {
        SubmitCertificateCommand toOtherCounty = new SubmitCertificateCommand(CASE_ID, APP, ELECTRICIAN,
                ApplicationPlace.EMPLOYMENT, OTHER_COUNTY, null, RECEIVED, RECEIVED);
        SubmitCertificateCommand toCaseCounty = submit();
        fixture.given(opened())
                .when(by(OTHER_COUNTY, toCaseCounty))
                .expectException(CaseRuleViolation.class)
                .expectExceptionMessage("INPUT CASE_NOT_FOUND");
        fixture.given(opened())
                .when(by(OTHER_COUNTY, toOtherCounty))
                .expectResultMessagePayload(List.of());
    }
}
