package cn.pes.casework.command.clientcase;

import cn.pes.casework.command.calendar.WorkingDayCalendar;
import cn.pes.casework.command.employer.Employer;
import cn.pes.casework.command.policy.JobServicePolicy;
import cn.pes.casework.command.policy.JobServicePolicyBook;
import cn.pes.casework.command.policy.JobServicePolicyProperties;
import cn.pes.casework.events.cancellation.CancelRegistrationCommand;
import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.cancellation.CancellationProposalConfirmed;
import cn.pes.casework.events.cancellation.CancellationProposalDismissed;
import cn.pes.casework.events.cancellation.CancellationProposed;
import cn.pes.casework.events.cancellation.ConfirmCancellationProposalCommand;
import cn.pes.casework.events.cancellation.DismissCancellationProposalCommand;
import cn.pes.casework.events.cancellation.Evidence;
import cn.pes.casework.events.cancellation.Notification;
import cn.pes.casework.events.cancellation.RegistrationCancelled;
import cn.pes.casework.events.employer.EmployerRegistered;
import cn.pes.casework.events.employer.VacancyPosted;
import cn.pes.casework.events.employer.VacancyPublished;
import cn.pes.casework.events.employment.Employed;
import cn.pes.casework.events.employment.EmploymentDetails;
import cn.pes.casework.events.employment.EmploymentType;
import cn.pes.casework.events.employment.RecordEmploymentCommand;
import cn.pes.casework.events.jobseeking.BasicInformation;
import cn.pes.casework.events.jobseeking.CareerGuidanceGiven;
import cn.pes.casework.events.jobseeking.EducationLevel;
import cn.pes.casework.events.jobseeking.GuidanceTopic;
import cn.pes.casework.events.jobseeking.JobIntentions;
import cn.pes.casework.events.jobseeking.JobIntentionsUpdated;
import cn.pes.casework.events.jobseeking.JobReferred;
import cn.pes.casework.events.jobseeking.JobSeekingCloseReason;
import cn.pes.casework.events.jobseeking.JobSeekingClosed;
import cn.pes.casework.events.jobseeking.JobSeekingPublished;
import cn.pes.casework.events.jobseeking.JobSeekingRegistered;
import cn.pes.casework.events.jobseeking.JobSeekingRejected;
import cn.pes.casework.events.jobseeking.JobSeekingReviewDeadlineMissed;
import cn.pes.casework.events.jobseeking.PublishJobSeekingCommand;
import cn.pes.casework.events.jobseeking.RecordCareerGuidanceCommand;
import cn.pes.casework.events.jobseeking.RecordReferralOutcomeCommand;
import cn.pes.casework.events.jobseeking.ReferJobSeekerCommand;
import cn.pes.casework.events.jobseeking.ReferralOutcome;
import cn.pes.casework.events.jobseeking.ReferralOutcomeRecorded;
import cn.pes.casework.events.jobseeking.ReferredVacancy;
import cn.pes.casework.events.jobseeking.RegisterJobSeekingCommand;
import cn.pes.casework.events.jobseeking.RejectJobSeekingCommand;
import cn.pes.casework.events.jobseeking.UpdateJobIntentionsCommand;
import cn.pes.casework.events.registration.CaseOpened;
import cn.pes.casework.events.registration.PresentedDocument;
import cn.pes.casework.events.registration.UnemploymentReason;
import cn.pes.casework.events.registration.UnemploymentRegistered;
import cn.pes.casework.events.shared.CaseMetadata;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.employer.EmploymentForm;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.events.shared.RuleViolation;
import cn.pes.casework.events.shared.Sex;
import cn.pes.casework.events.employer.WageRange;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Job seeking on the person's case (JOB-1, JOB-2, JOB-4, JOB-6) and the cancellation proposals that
 * refusals raise (CAN-1, CAN-3), against the official 2026 calendar and the default job-service
 * policy (review within 1 working day, the third refusal without good reason proposes). National Day
 * 2026: 10-01 to 10-07 off.
 */
class JobSeekingTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String POLICY = "JOB-DEFAULT-2020";
    private static final String CITY = "9901";
    private static final String COUNTY = "990101";
    private static final String STREET = "990101001";
    private static final String OTHER_COUNTY = "990102";
    private static final String OTHER_STREET = "990102001";
    private static final String CASE_ID = "case-0001";
    private static final String JS = "js-0001";
    private static final String EMPLOYER = "employer-0001";
    private static final String EMPLOYER_NAME = "XX市东湖机械制造有限公司";
    private static final String VACANCY = "vacancy-0001";
    private static final String FAIR = "fair-0001";
    private static final LocalDate REGISTERED_ON = LocalDate.of(2026, 9, 1);
    /** A Wednesday before National Day. */
    private static final LocalDate RECEIVED = LocalDate.of(2026, 9, 30);
    /** 1 working day after 09-30: the holiday 10-01..10-07 is skipped. */
    private static final LocalDate REVIEW_DUE = LocalDate.of(2026, 10, 8);
    private static final LocalDate REFERRED_ON = LocalDate.of(2026, 10, 9);
    private static final LocalDate TODAY = LocalDate.of(2026, 10, 20);
    private static final BasicInformation BASICS = new BasicInformation(EducationLevel.VOCATIONAL_SECONDARY, 4,
            "数控车床操作");
    private static final JobIntentions INTENTIONS = new JobIntentions(List.of("数控车工", "钳工"), 5000, COUNTY,
            Set.of(EmploymentForm.FULL_TIME));
    private static final WageRange WAGE = new WageRange(5000, 7000);
    private static final Notification TOLD = new Notification(Notification.NotificationMethod.PHONE, TODAY);

    private final AgencyDirectory agencies = new AgencyDirectory(List.of(
            new Agency(CITY, "XX市公共就业服务中心", Agency.Level.CITY, null),
            new Agency(COUNTY, "XX市中心区公共就业服务中心", Agency.Level.COUNTY, null),
            new Agency(STREET, "中心区解放街道劳动保障所", Agency.Level.STREET, COUNTY),
            new Agency(OTHER_COUNTY, "XX市东湖区公共就业服务中心", Agency.Level.COUNTY, null),
            new Agency(OTHER_STREET, "东湖区东湖街道劳动保障所", Agency.Level.STREET, OTHER_COUNTY)));

    private FixtureConfiguration<ClientCase> fixture;
    private EmbeddedEventStore employerEvents;
    /** What the recruitment fair offers: only the one vacancy. */
    private final List<String> fairAsked = new java.util.ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ClientCase.class);
        fixture.registerInjectableResource(agencies);
        fixture.registerInjectableResource(new JobServicePolicyBook(new JobServicePolicyProperties(List.of())));
        fixture.registerInjectableResource(WorkingDayCalendar.load());
        employerEvents = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        // The employer is only read here: its command handlers' resources are never needed.
        ParameterResolverFactory unused = (executable, parameters, index) -> index == 0 ? null
                : new ParameterResolver<Object>() {
            @Override
            public Object resolveParameterValue(org.axonframework.messaging.Message<?> message) {
                throw new IllegalStateException("not available in this test");
            }

            @Override
            public boolean matches(org.axonframework.messaging.Message<?> message) {
                return true;
            }
        };
        EventSourcingRepository<Employer> employers = EventSourcingRepository.builder(Employer.class)
                .eventStore(employerEvents)
                .parameterResolverFactory(MultiParameterResolverFactory.ordered(
                        ClasspathParameterResolverFactory.forClass(Employer.class), unused))
                .build();
        fixture.registerAnnotatedCommandHandler(new ReferralCommandHandler(fixture.getRepository(), employers,
                Optional.of((fairId, employerId, vacancyId) -> {
                    fairAsked.add(fairId);
                    return FAIR.equals(fairId) && VACANCY.equals(vacancyId);
                }), agencies));
    }

    // ---------------------------------------------------------------- helpers

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(SHANGHAI).toInstant();
    }

    private static CaseOpened opened() {
        return new CaseOpened(CASE_ID, new PersonalData("110105199003071239", "张三", null, CASE_ID),
                LocalDate.of(1990, 3, 7), Sex.MALE, STREET);
    }

    private static UnemploymentRegistered unemploymentRegistered() {
        return new UnemploymentRegistered(CASE_ID, 1, REGISTERED_ON, Channel.WINDOW,
                PresentedDocument.RESIDENT_ID_CARD, UnemploymentReason.LOST_JOB, Set.of(), STREET, "REG-DEFAULT");
    }

    private static RegisterJobSeekingCommand register(BasicInformation basics, JobIntentions intentions) {
        return new RegisterJobSeekingCommand(CASE_ID, JS, PresentedDocument.RESIDENT_ID_CARD, basics, intentions,
                RECEIVED, RECEIVED);
    }

    private static RegisterJobSeekingCommand register() {
        return register(BASICS, INTENTIONS);
    }

    private static JobSeekingRegistered jobSeekingRegistered() {
        return new JobSeekingRegistered(CASE_ID, 1, JS, PresentedDocument.RESIDENT_ID_CARD, BASICS, INTENTIONS, STREET,
                RECEIVED, REVIEW_DUE, false, POLICY);
    }

    private static JobSeekingPublished published() {
        return new JobSeekingPublished(CASE_ID, JS, REVIEW_DUE, false);
    }

    private static ReferredVacancy vacancy(String vacancyId) {
        return new ReferredVacancy(EMPLOYER, EMPLOYER_NAME, vacancyId, "数控车工", WAGE, STREET,
                EmploymentForm.FULL_TIME);
    }

    private static JobReferred referred(String referralId, String vacancyId) {
        return new JobReferred(CASE_ID, 1, JS, referralId, vacancy(vacancyId), null, STREET, REFERRED_ON);
    }

    private static ReferJobSeekerCommand refer(String referralId, String vacancyId, String fairId) {
        return new ReferJobSeekerCommand(CASE_ID, referralId, EMPLOYER, vacancyId, fairId, REFERRED_ON, TODAY);
    }

    private static RecordReferralOutcomeCommand outcome(String referralId, ReferralOutcome outcome, String note,
                                                        LocalDate startDate) {
        return new RecordReferralOutcomeCommand(CASE_ID, referralId, outcome, note, TODAY, startDate, TODAY);
    }

    private static RecordReferralOutcomeCommand refused(String referralId) {
        return outcome(referralId, ReferralOutcome.REFUSED_WITHOUT_GOOD_REASON, "嫌工资低", null);
    }

    private static ReferralOutcomeRecorded refusalRecorded(String referralId, int count) {
        return new ReferralOutcomeRecorded(CASE_ID, 1, referralId, EMPLOYER, VACANCY + referralId, null,
                ReferralOutcome.REFUSED_WITHOUT_GOOD_REASON, "嫌工资低", TODAY, null, count, STREET);
    }

    private static RuleViolation violation(String ruleId, String code, String field, RuleViolation.Kind kind) {
        return RuleViolation.of(ruleId, code, field, kind);
    }

    private static GenericCommandMessage<Object> by(String agencyId, Object command) {
        return new GenericCommandMessage<>(command, MetaData.with(CaseMetadata.AGENCY, agencyId)
                .and(CaseMetadata.OFFICER, "officer-" + agencyId));
    }

    /** The employer's history, as its own aggregate recorded it. */
    private void employerWithPublishedVacancy(String... vacancyIds) {
        List<Object> events = new java.util.ArrayList<>();
        events.add(new EmployerRegistered(EMPLOYER, "91110105MA01ABCD1X", EMPLOYER_NAME, "XX市中心区解放路88号",
                STREET, null, REGISTERED_ON));
        for (String vacancyId : vacancyIds) {
            events.add(new VacancyPosted(EMPLOYER, vacancyId, "数控车工", 3, WAGE, STREET, EmploymentForm.FULL_TIME,
                    "两年以上经验", REGISTERED_ON));
            events.add(new VacancyPublished(EMPLOYER, vacancyId, REGISTERED_ON));
        }
        for (int i = 0; i < events.size(); i++) {
            employerEvents.publish(new GenericDomainEventMessage<>("Employer", EMPLOYER, i, events.get(i)));
        }
    }

    /** Three referrals of a published job seeker, each to its own vacancy. */
    private Object[] threeReferrals() {
        return new Object[]{opened(), unemploymentRegistered(), jobSeekingRegistered(), published(),
                referred("ref-1", VACANCY + "ref-1"), referred("ref-2", VACANCY + "ref-2"),
                referred("ref-3", VACANCY + "ref-3")};
    }

    // ---------------------------------------------------------------- registration (JOB-2)

    @Test
    void registrationWaitsForReviewDueOneWorkingDayAfterReceiptAcrossNationalDay() {
        fixture.given(opened(), unemploymentRegistered())
                .when(register())
                .expectSuccessfulHandlerExecution()
                .expectEvents(jobSeekingRegistered())
                .expectScheduledDeadlineWithName(startOf(REVIEW_DUE.plusDays(1)), JobSeekingClock.REVIEW);
    }

    @Test
    void registrationOnFridayBeforeAMakeUpSaturdayIsDueThatSaturday() {
        LocalDate friday = LocalDate.of(2026, 10, 9);
        fixture.given(opened(), unemploymentRegistered())
                .when(new RegisterJobSeekingCommand(CASE_ID, JS, PresentedDocument.SOCIAL_SECURITY_CARD, BASICS,
                        INTENTIONS, friday, friday))
                .expectEvents(new JobSeekingRegistered(CASE_ID, 1, JS, PresentedDocument.SOCIAL_SECURITY_CARD, BASICS,
                        INTENTIONS, STREET, friday, LocalDate.of(2026, 10, 10), false, POLICY));
    }

    @Test
    void reviewDaysComeFromThePolicyInForceOnReceipt() {
        FixtureConfiguration<ClientCase> fixture = new AggregateTestFixture<>(ClientCase.class);
        fixture.registerInjectableResource(agencies);
        fixture.registerInjectableResource(WorkingDayCalendar.load());
        fixture.registerInjectableResource(new JobServicePolicyBook(new JobServicePolicyProperties(List.of(
                new JobServicePolicy("JOB-2020-01", LocalDate.of(2020, 1, 1), 1, 3),
                new JobServicePolicy("JOB-2026-09", LocalDate.of(2026, 9, 1), 2, 3)))));
        fixture.given(opened(), unemploymentRegistered())
                .when(register())
                .expectEvents(new JobSeekingRegistered(CASE_ID, 1, JS, PresentedDocument.RESIDENT_ID_CARD, BASICS,
                        INTENTIONS, STREET, RECEIVED, LocalDate.of(2026, 10, 9), false, "JOB-2026-09"));
    }

    @Test
    void sameRegistrationSentAgainIsRecordedOnce() {
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered())
                .when(register(BASICS, new JobIntentions(List.of(" 数控车工 ", "钳工"), 5000, COUNTY,
                        Set.of(EmploymentForm.FULL_TIME))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void sameRegistrationIdWithOtherContentIsRefused() {
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered())
                .when(register(new BasicInformation(EducationLevel.BACHELOR, 4, null), INTENTIONS))
                .expectExceptionDetails(violation("JOB-2", "JOB_SEEKING_ID_REUSED", "jobSeekingId",
                        RuleViolation.Kind.CONFLICT));
    }

    @Test
    void refusesRegistrationWithoutActiveUnemploymentRegistration() {
        fixture.given(opened())
                .when(register())
                .expectExceptionDetails(violation("JOB-2", "NO_ACTIVE_REGISTRATION", null, RuleViolation.Kind.CONFLICT));
    }

    @Test
    void refusesRegistrationWithoutVerifiedIdentity() {
        fixture.given(opened(), unemploymentRegistered())
                .when(new RegisterJobSeekingCommand(CASE_ID, JS, null, BASICS, INTENTIONS, RECEIVED, RECEIVED))
                .expectExceptionDetails(violation("JOB-2", "IDENTITY_NOT_VERIFIED", "identityDocument",
                        RuleViolation.Kind.INVALID));
    }

    @Test
    void refusesRegistrationWithoutBasicsOrEducation() {
        fixture.given(opened(), unemploymentRegistered())
                .when(register(null, INTENTIONS))
                .expectExceptionDetails(violation("JOB-2", "MISSING", "basics", RuleViolation.Kind.INVALID));
        fixture.given(opened(), unemploymentRegistered())
                .when(register(new BasicInformation(null, 1, null), INTENTIONS))
                .expectExceptionDetails(violation("JOB-2", "MISSING", "basics.education", RuleViolation.Kind.INVALID));
    }

    @Test
    void refusesIntentionsWithoutOccupation() {
        fixture.given(opened(), unemploymentRegistered())
                .when(register(BASICS, new JobIntentions(List.of(), 5000, COUNTY, Set.of(EmploymentForm.FULL_TIME))))
                .expectExceptionDetails(violation("JOB-2", "NO_OCCUPATION", "intentions.occupations",
                        RuleViolation.Kind.INVALID));
    }

    @Test
    void refusesBlankOrOverlongOccupation() {
        fixture.given(opened(), unemploymentRegistered())
                .when(register(BASICS, new JobIntentions(List.of("钳工", " "), 5000, COUNTY,
                        Set.of(EmploymentForm.FULL_TIME))))
                .expectExceptionDetails(violation("JOB-2", "MISSING", "intentions.occupations[1]",
                        RuleViolation.Kind.INVALID));
        fixture.given(opened(), unemploymentRegistered())
                .when(register(BASICS, new JobIntentions(List.of("工".repeat(101)), 5000, COUNTY,
                        Set.of(EmploymentForm.FULL_TIME))))
                .expectExceptionDetails(violation("INPUT", "TOO_LONG", "intentions.occupations[0]",
                        RuleViolation.Kind.INVALID));
    }

    @Test
    void refusesNegativeWageUnknownAreaAndNoForm() {
        fixture.given(opened(), unemploymentRegistered())
                .when(register(BASICS, new JobIntentions(List.of("钳工"), -1, COUNTY, Set.of(EmploymentForm.FULL_TIME))))
                .expectExceptionDetails(violation("JOB-2", "NEGATIVE_WAGE", "intentions.expectedMonthlyWageYuan",
                        RuleViolation.Kind.INVALID));
        fixture.given(opened(), unemploymentRegistered())
                .when(register(BASICS, new JobIntentions(List.of("钳工"), 0, "990199", Set.of(EmploymentForm.FULL_TIME))))
                .expectExceptionDetails(violation("JOB-2", "UNKNOWN_AGENCY", "intentions.areaAgencyId",
                        RuleViolation.Kind.INVALID));
        fixture.given(opened(), unemploymentRegistered())
                .when(register(BASICS, new JobIntentions(List.of("钳工"), 0, COUNTY, Set.of())))
                .expectExceptionDetails(violation("JOB-2", "NO_EMPLOYMENT_FORM", "intentions.forms",
                        RuleViolation.Kind.INVALID));
    }

    @Test
    void refusesReceiptAfterTheRecordingDay() {
        fixture.given(opened(), unemploymentRegistered())
                .when(new RegisterJobSeekingCommand(CASE_ID, JS, PresentedDocument.RESIDENT_ID_CARD, BASICS,
                        INTENTIONS, RECEIVED.plusDays(1), RECEIVED))
                .expectExceptionDetails(violation("JOB-2", "DATE_IN_FUTURE", "receivedOn", RuleViolation.Kind.INVALID));
        fixture.given(opened(), unemploymentRegistered())
                .when(new RegisterJobSeekingCommand(CASE_ID, JS, PresentedDocument.RESIDENT_ID_CARD, BASICS,
                        INTENTIONS, null, RECEIVED))
                .expectExceptionDetails(violation("JOB-2", "DATE_MISSING", "receivedOn", RuleViolation.Kind.INVALID));
    }

    @Test
    void refusesASecondOpenRegistrationInTheSpell() {
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered(), published())
                .when(new RegisterJobSeekingCommand(CASE_ID, "js-0002", PresentedDocument.RESIDENT_ID_CARD, BASICS,
                        INTENTIONS, RECEIVED, TODAY))
                .expectExceptionDetails(violation("JOB-2", "JOB_SEEKING_OPEN", "jobSeekingId",
                        RuleViolation.Kind.CONFLICT));
    }

    @Test
    void afterARejectionThePersonRegistersAgain() {
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered(),
                        new JobSeekingRejected(CASE_ID, JS, "意向不明确", REVIEW_DUE, false))
                .when(new RegisterJobSeekingCommand(CASE_ID, "js-0002", PresentedDocument.RESIDENT_ID_CARD, BASICS,
                        INTENTIONS, RECEIVED, TODAY))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.hamcrest.Matchers.instanceOf(JobSeekingRegistered.class),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void anAgencyOutsideTheCaseScopeGetsNotFound() {
        fixture.given(opened(), unemploymentRegistered())
                .when(by(OTHER_STREET, register()))
                .expectExceptionDetails(violation("INPUT", "CASE_NOT_FOUND", "caseId", RuleViolation.Kind.NOT_FOUND));
    }

    @Test
    void intentionsOfAnOpenRegistrationChange() {
        JobIntentions changed = new JobIntentions(List.of("电工"), 6000, STREET,
                Set.of(EmploymentForm.FULL_TIME, EmploymentForm.PART_TIME));
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered(), published())
                .when(new UpdateJobIntentionsCommand(CASE_ID, JS, changed, TODAY))
                .expectEvents(new JobIntentionsUpdated(CASE_ID, JS, changed, TODAY));
    }

    @Test
    void intentionsOfAClosedRegistrationDoNotChange() {
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered(),
                        new JobSeekingRejected(CASE_ID, JS, "意向不明确", REVIEW_DUE, false))
                .when(new UpdateJobIntentionsCommand(CASE_ID, JS, INTENTIONS, TODAY))
                .expectExceptionDetails(violation("JOB-2", "JOB_SEEKING_NOT_OPEN", "jobSeekingId",
                        RuleViolation.Kind.CONFLICT));
    }

    @Test
    void publishedOnTheDueDayIsInTimeAndAfterItLate() {
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered())
                .when(new PublishJobSeekingCommand(CASE_ID, JS, REVIEW_DUE))
                .expectEvents(new JobSeekingPublished(CASE_ID, JS, REVIEW_DUE, false));
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered())
                .when(new PublishJobSeekingCommand(CASE_ID, JS, REVIEW_DUE.plusDays(1)))
                .expectEvents(new JobSeekingPublished(CASE_ID, JS, REVIEW_DUE.plusDays(1), true));
    }

    @Test
    void rejectionNeedsAReason() {
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered())
                .when(new RejectJobSeekingCommand(CASE_ID, JS, " ", REVIEW_DUE))
                .expectExceptionDetails(violation("JOB-2", "REJECTION_REASON_MISSING", "reason",
                        RuleViolation.Kind.INVALID));
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered())
                .when(new RejectJobSeekingCommand(CASE_ID, JS, " 意向不明确 ", REVIEW_DUE))
                .expectEvents(new JobSeekingRejected(CASE_ID, JS, "意向不明确", REVIEW_DUE, false));
    }

    @Test
    void onlyARegistrationPendingReviewIsDecided() {
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered(), published())
                .when(new PublishJobSeekingCommand(CASE_ID, JS, TODAY))
                .expectExceptionDetails(violation("JOB-2", "NOT_PENDING_REVIEW", "jobSeekingId",
                        RuleViolation.Kind.CONFLICT));
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered())
                .when(new PublishJobSeekingCommand(CASE_ID, JS, RECEIVED.minusDays(1)))
                .expectExceptionDetails(violation("JOB-2", "DATE_BEFORE_RECEIPT", "decidedOn",
                        RuleViolation.Kind.INVALID));
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered())
                .when(new PublishJobSeekingCommand(CASE_ID, "js-unknown", TODAY))
                .expectExceptionDetails(violation("JOB-2", "JOB_SEEKING_NOT_FOUND", "jobSeekingId",
                        RuleViolation.Kind.NOT_FOUND));
    }

    // ---------------------------------------------------------------- review clock (JOB-2)

    @Test
    void reviewNotDoneByItsDueDayIsRecordedWhenTheDayIsOver() {
        fixture.given(opened(), unemploymentRegistered())
                .andGivenCurrentTime(RECEIVED.atTime(10, 0).atZone(SHANGHAI).toInstant())
                .andGivenCommands(register())
                .whenThenTimeAdvancesTo(startOf(REVIEW_DUE.plusDays(1)))
                .expectEvents(new JobSeekingReviewDeadlineMissed(CASE_ID, JS, STREET, REVIEW_DUE));
    }

    @Test
    void reviewIsNotOverdueDuringItsDueDay() {
        fixture.given(opened(), unemploymentRegistered())
                .andGivenCurrentTime(RECEIVED.atTime(10, 0).atZone(SHANGHAI).toInstant())
                .andGivenCommands(register())
                .whenThenTimeAdvancesTo(LocalDateTime.of(REVIEW_DUE, java.time.LocalTime.of(23, 59, 59))
                        .atZone(SHANGHAI).toInstant())
                .expectNoEvents();
    }

    @Test
    void reviewDoneInTimeRecordsNoMissedDeadline() {
        fixture.given(opened(), unemploymentRegistered())
                .andGivenCurrentTime(RECEIVED.atTime(10, 0).atZone(SHANGHAI).toInstant())
                .andGivenCommands(register(), new PublishJobSeekingCommand(CASE_ID, JS, REVIEW_DUE))
                .whenThenTimeAdvancesTo(startOf(REVIEW_DUE.plusDays(2)))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- referrals (JOB-4, JOB-5)

    @Test
    void publishedJobSeekerIsReferredToAPublishedVacancyWithItsSnapshot() {
        employerWithPublishedVacancy(VACANCY);
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered(), published())
                .when(by(STREET, refer("ref-1", VACANCY, null)))
                .expectEvents(referred("ref-1", VACANCY));
        assertThat(fairAsked).as("no fair, no question").isEmpty();
    }

    @Test
    void referralAtAFairNeedsTheVacancyOfferedThere() {
        employerWithPublishedVacancy(VACANCY, "vacancy-0002");
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered(), published())
                .when(refer("ref-1", VACANCY, FAIR))
                .expectEvents(new JobReferred(CASE_ID, 1, JS, "ref-1", vacancy(VACANCY), FAIR, STREET, REFERRED_ON));
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered(), published())
                .when(refer("ref-2", "vacancy-0002", FAIR))
                .expectExceptionDetails(new RuleViolation("JOB-5", "NOT_OFFERED_AT_FAIR", "fairId",
                        RuleViolation.Kind.REFUSED, List.of(new cn.pes.casework.events.shared.RefusalReason("JOB-5",
                        "NOT_OFFERED_AT_FAIR", "fairId"))));
    }

    @Test
    void refusesReferralToUnpublishedVacancy() {
        employerWithPublishedVacancy(VACANCY);
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered(), published())
                .when(refer("ref-1", "vacancy-unknown", null))
                .expectExceptionDetails(violation("JOB-4", "VACANCY_NOT_PUBLISHED", "vacancyId",
                        RuleViolation.Kind.CONFLICT));
    }

    @Test
    void refusesReferralToUnknownEmployer() {
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered(), published())
                .when(refer("ref-1", VACANCY, null))
                .expectExceptionDetails(violation("INPUT", "EMPLOYER_NOT_FOUND", "employerId",
                        RuleViolation.Kind.NOT_FOUND));
    }

    @Test
    void refusesReferralOfAJobSeekerNotYetPublished() {
        employerWithPublishedVacancy(VACANCY);
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered())
                .when(refer("ref-1", VACANCY, null))
                .expectExceptionDetails(violation("JOB-4", "JOB_SEEKING_NOT_PUBLISHED", null,
                        RuleViolation.Kind.CONFLICT));
    }

    @Test
    void refusesASecondOpenReferralToTheSameVacancyButRecordsAResendOnce() {
        employerWithPublishedVacancy(VACANCY);
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered(), published(),
                        referred("ref-1", VACANCY))
                .when(refer("ref-2", VACANCY, null))
                .expectExceptionDetails(violation("JOB-4", "ALREADY_REFERRED", "vacancyId",
                        RuleViolation.Kind.CONFLICT));
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered(), published(),
                        referred("ref-1", VACANCY))
                .when(refer("ref-1", VACANCY, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesReferralDatedAfterTheRecordingDay() {
        employerWithPublishedVacancy(VACANCY);
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered(), published())
                .when(new ReferJobSeekerCommand(CASE_ID, "ref-1", EMPLOYER, VACANCY, null, TODAY.plusDays(1), TODAY))
                .expectExceptionDetails(violation("JOB-4", "DATE_IN_FUTURE", "referredOn", RuleViolation.Kind.INVALID));
    }

    @Test
    void referralByAnAgencyOutsideTheCaseScopeAnswersNotFoundBeforeTheEmployer() {
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered(), published())
                .when(by(OTHER_COUNTY, refer("ref-1", VACANCY, null)))
                .expectExceptionDetails(violation("INPUT", "CASE_NOT_FOUND", "caseId", RuleViolation.Kind.NOT_FOUND));
    }

    // ---------------------------------------------------------------- outcomes (JOB-4, JOB-6)

    @Test
    void hireEndsTheSpellAndClosesJobSeekingAsPlaced() {
        LocalDate start = TODAY.minusDays(1);
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered(), published(),
                        referred("ref-1", VACANCY))
                .when(new RecordReferralOutcomeCommand(CASE_ID, "ref-1", ReferralOutcome.HIRED, null,
                        TODAY.minusDays(3), start, TODAY))
                .expectEvents(
                        new ReferralOutcomeRecorded(CASE_ID, 1, "ref-1", EMPLOYER, VACANCY, null, ReferralOutcome.HIRED,
                                null, TODAY.minusDays(3), start, 0, STREET),
                        new Employed(CASE_ID, 1, new EmploymentDetails(EmploymentType.EMPLOYED_BY_UNIT, EMPLOYER_NAME,
                                start), new Evidence(Evidence.EvidenceSource.DOCUMENT, "referral:ref-1",
                                "推荐就业录用 (hired through a referral)"), null, STREET),
                        new JobSeekingClosed(CASE_ID, JS, JobSeekingCloseReason.PLACED, start));
    }

    @Test
    void hireNeedsAStartBetweenTheHireAndTheRecordingDay() {
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered(), published(),
                        referred("ref-1", VACANCY))
                .when(outcome("ref-1", ReferralOutcome.HIRED, null, null))
                .expectExceptionDetails(violation("JOB-6", "DATE_MISSING", "startDate", RuleViolation.Kind.INVALID));
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered(), published(),
                        referred("ref-1", VACANCY))
                .when(outcome("ref-1", ReferralOutcome.HIRED, null, TODAY.plusDays(1)))
                .expectExceptionDetails(violation("JOB-6", "DATE_IN_FUTURE", "startDate", RuleViolation.Kind.INVALID));
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered(), published(),
                        referred("ref-1", VACANCY))
                .when(outcome("ref-1", ReferralOutcome.HIRED, null, TODAY.minusDays(1)))
                .expectExceptionDetails(violation("JOB-6", "START_BEFORE_HIRE", "startDate",
                        RuleViolation.Kind.INVALID));
    }

    @Test
    void interviewMayPrecedeAFinalOutcomeButNothingFollowsAFinalOne() {
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered(), published(),
                        referred("ref-1", VACANCY),
                        new ReferralOutcomeRecorded(CASE_ID, 1, "ref-1", EMPLOYER, VACANCY, null,
                                ReferralOutcome.INTERVIEWED, null, REFERRED_ON, null, 0, STREET))
                .when(outcome("ref-1", ReferralOutcome.NOT_HIRED, "岗位已满", null))
                .expectEvents(new ReferralOutcomeRecorded(CASE_ID, 1, "ref-1", EMPLOYER, VACANCY, null,
                        ReferralOutcome.NOT_HIRED, "岗位已满", TODAY, null, 0, STREET));
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered(), published(),
                        referred("ref-1", VACANCY),
                        new ReferralOutcomeRecorded(CASE_ID, 1, "ref-1", EMPLOYER, VACANCY, null,
                                ReferralOutcome.NOT_HIRED, null, REFERRED_ON, null, 0, STREET))
                .when(outcome("ref-1", ReferralOutcome.INTERVIEWED, null, null))
                .expectExceptionDetails(violation("JOB-4", "OUTCOME_ALREADY_FINAL", "referralId",
                        RuleViolation.Kind.CONFLICT));
    }

    @Test
    void outcomeOfAnUnknownReferralIsNotFound() {
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered(), published())
                .when(outcome("ref-x", ReferralOutcome.NO_SHOW, null, null))
                .expectExceptionDetails(violation("JOB-4", "REFERRAL_NOT_FOUND", "referralId",
                        RuleViolation.Kind.NOT_FOUND));
    }

    @Test
    void outcomeNeitherBeforeTheReferralNorAfterTheRecordingDay() {
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered(), published(),
                        referred("ref-1", VACANCY))
                .when(new RecordReferralOutcomeCommand(CASE_ID, "ref-1", ReferralOutcome.NO_SHOW, null,
                        REFERRED_ON.minusDays(1), null, TODAY))
                .expectExceptionDetails(violation("JOB-4", "DATE_BEFORE_REFERRAL", "outcomeOn",
                        RuleViolation.Kind.INVALID));
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered(), published(),
                        referred("ref-1", VACANCY))
                .when(new RecordReferralOutcomeCommand(CASE_ID, "ref-1", ReferralOutcome.NO_SHOW, null,
                        TODAY.plusDays(1), null, TODAY))
                .expectExceptionDetails(violation("JOB-4", "DATE_IN_FUTURE", "outcomeOn", RuleViolation.Kind.INVALID));
    }

    @Test
    void refusalNeedsTheReasonThePersonGave() {
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered(), published(),
                        referred("ref-1", VACANCY))
                .when(outcome("ref-1", ReferralOutcome.REFUSED_WITH_GOOD_REASON, null, null))
                .expectExceptionDetails(violation("JOB-4", "REFUSAL_REASON_MISSING", "note",
                        RuleViolation.Kind.INVALID));
    }

    @Test
    void refusalsWithGoodReasonDoNotCount() {
        fixture.given(threeReferrals())
                .andGiven(refusalRecorded("ref-1", 1), refusalRecorded("ref-2", 2))
                .when(outcome("ref-3", ReferralOutcome.REFUSED_WITH_GOOD_REASON, "距离太远且需照顾老人", null))
                .expectEvents(new ReferralOutcomeRecorded(CASE_ID, 1, "ref-3", EMPLOYER, VACANCY + "ref-3", null,
                        ReferralOutcome.REFUSED_WITH_GOOD_REASON, "距离太远且需照顾老人", TODAY, null, 2, STREET));
    }

    @Test
    void thirdRefusalWithoutGoodReasonProposesACancellation() {
        fixture.given(threeReferrals())
                .andGiven(refusalRecorded("ref-1", 1), refusalRecorded("ref-2", 2))
                .when(refused("ref-3"))
                .expectResultMessagePayload("proposal-ref-3")
                .expectEvents(refusalRecorded("ref-3", 3), proposed());
    }

    private static CancellationProposed proposed() {
        return new CancellationProposed(CASE_ID, 1, "proposal-ref-3", CancellationGround.REFUSED_OFFERS_THREE_TIMES,
                new Evidence(Evidence.EvidenceSource.DOCUMENT, "referrals:ref-1,ref-2,ref-3",
                        "无正当理由拒绝推荐就业 3 次 (refused referrals without good reason)"),
                List.of("ref-1", "ref-2", "ref-3"), TODAY, STREET);
    }

    @Test
    void secondRefusalProposesNothing() {
        fixture.given(threeReferrals())
                .andGiven(refusalRecorded("ref-1", 1))
                .when(refused("ref-2"))
                .expectEvents(refusalRecorded("ref-2", 2));
    }

    @Test
    void aDismissedProposalRestartsTheCount() {
        fixture.given(threeReferrals())
                .andGiven(refusalRecorded("ref-1", 1), refusalRecorded("ref-2", 2), refusalRecorded("ref-3", 3),
                        proposed(), new CancellationProposalDismissed(CASE_ID, "proposal-ref-3", "本人已说明情况", TODAY),
                        referred("ref-4", VACANCY + "ref-4"))
                .when(refused("ref-4"))
                .expectEvents(refusalRecorded("ref-4", 1));
    }

    @Test
    void dismissalNeedsAReasonAndIsRecorded() {
        fixture.given(threeReferrals())
                .andGiven(refusalRecorded("ref-1", 1), refusalRecorded("ref-2", 2), refusalRecorded("ref-3", 3),
                        proposed())
                .when(new DismissCancellationProposalCommand(CASE_ID, "proposal-ref-3", "", TODAY))
                .expectExceptionDetails(violation("CAN-3", "DISMISSAL_REASON_MISSING", "reason",
                        RuleViolation.Kind.INVALID));
        fixture.given(threeReferrals())
                .andGiven(refusalRecorded("ref-1", 1), refusalRecorded("ref-2", 2), refusalRecorded("ref-3", 3),
                        proposed())
                .when(new DismissCancellationProposalCommand(CASE_ID, "proposal-ref-3", "本人已说明情况", TODAY))
                .expectEvents(new CancellationProposalDismissed(CASE_ID, "proposal-ref-3", "本人已说明情况", TODAY));
    }

    @Test
    void confirmedProposalCancelsTheRegistrationAndClosesJobSeeking() {
        fixture.given(threeReferrals())
                .andGiven(refusalRecorded("ref-1", 1), refusalRecorded("ref-2", 2), refusalRecorded("ref-3", 3),
                        proposed())
                .when(new ConfirmCancellationProposalCommand(CASE_ID, "proposal-ref-3", TODAY, TOLD, TODAY))
                .expectEvents(new CancellationProposalConfirmed(CASE_ID, "proposal-ref-3", TODAY),
                        new RegistrationCancelled(CASE_ID, 1, CancellationGround.REFUSED_OFFERS_THREE_TIMES,
                                proposed().evidence(), TODAY, TOLD, STREET),
                        new JobSeekingClosed(CASE_ID, JS, JobSeekingCloseReason.REGISTRATION_CANCELLED, TODAY));
    }

    @Test
    void confirmationNeedsTheNotificationAndASettledProposalTakesNoOther() {
        fixture.given(threeReferrals())
                .andGiven(refusalRecorded("ref-1", 1), refusalRecorded("ref-2", 2), refusalRecorded("ref-3", 3),
                        proposed())
                .when(new ConfirmCancellationProposalCommand(CASE_ID, "proposal-ref-3", TODAY, null, TODAY))
                .expectExceptionDetails(violation("CAN-2", "NOTIFICATION_MISSING", "notification",
                        RuleViolation.Kind.INVALID));
        fixture.given(threeReferrals())
                .andGiven(refusalRecorded("ref-1", 1), refusalRecorded("ref-2", 2), refusalRecorded("ref-3", 3),
                        proposed(), new CancellationProposalDismissed(CASE_ID, "proposal-ref-3", "已说明", TODAY))
                .when(new ConfirmCancellationProposalCommand(CASE_ID, "proposal-ref-3", TODAY, TOLD, TODAY))
                .expectExceptionDetails(violation("CAN-3", "PROPOSAL_ALREADY_SETTLED", "proposalId",
                        RuleViolation.Kind.CONFLICT));
        fixture.given(threeReferrals())
                .when(new ConfirmCancellationProposalCommand(CASE_ID, "proposal-x", TODAY, TOLD, TODAY))
                .expectExceptionDetails(violation("CAN-3", "PROPOSAL_NOT_FOUND", "proposalId",
                        RuleViolation.Kind.NOT_FOUND));
    }

    @Test
    void plainCancellationAndEmploymentCloseAnOpenJobSeekingRegistration() {
        Evidence visit = new Evidence(Evidence.EvidenceSource.VISIT, "V-1", null);
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered(), published())
                .when(new CancelRegistrationCommand(CASE_ID, CancellationGround.ENLISTED, visit, TODAY, TOLD, TODAY))
                .expectEvents(new RegistrationCancelled(CASE_ID, 1, CancellationGround.ENLISTED, visit, TODAY, TOLD,
                                STREET),
                        new JobSeekingClosed(CASE_ID, JS, JobSeekingCloseReason.REGISTRATION_CANCELLED, TODAY));
        EmploymentDetails job = new EmploymentDetails(EmploymentType.SELF_EMPLOYED, "小吃店", TODAY);
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered())
                .when(new RecordEmploymentCommand(CASE_ID, job, visit, TODAY))
                .expectEvents(new Employed(CASE_ID, 1, job, visit, null, STREET),
                        new JobSeekingClosed(CASE_ID, JS, JobSeekingCloseReason.EMPLOYED, TODAY));
    }

    @Test
    void trackingContactThatFindsWorkClosesJobSeeking() {
        EmploymentDetails job = new EmploymentDetails(EmploymentType.EMPLOYED_BY_UNIT, "某物流公司", TODAY);
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered(), published())
                .when(new cn.pes.casework.events.tracking.RecordTrackingContactCommand(CASE_ID, "contact-1", TODAY,
                        cn.pes.casework.events.tracking.ContactMethod.PHONE, null, true,
                        cn.pes.casework.events.tracking.EmploymentStatus.EMPLOYED_BY_UNIT, Set.of(), null, job, null,
                        null, TODAY))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.hamcrest.Matchers.instanceOf(
                                        cn.pes.casework.events.tracking.TrackingContactRecorded.class),
                                org.hamcrest.Matchers.instanceOf(Employed.class),
                                org.hamcrest.Matchers.equalTo(new JobSeekingClosed(CASE_ID, JS,
                                        JobSeekingCloseReason.EMPLOYED, TODAY)),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void outcomeAfterAnInterviewIsNotDatedBeforeIt() {
        fixture.given(opened(), unemploymentRegistered(), jobSeekingRegistered(), published(),
                        referred("ref-1", VACANCY),
                        new ReferralOutcomeRecorded(CASE_ID, 1, "ref-1", EMPLOYER, VACANCY, null,
                                ReferralOutcome.INTERVIEWED, null, TODAY, null, 0, STREET))
                .when(new RecordReferralOutcomeCommand(CASE_ID, "ref-1", ReferralOutcome.NOT_HIRED, null,
                        TODAY.minusDays(1), null, TODAY))
                .expectExceptionDetails(violation("JOB-4", "DATE_BEFORE_INTERVIEW", "outcomeOn",
                        RuleViolation.Kind.INVALID));
    }

    @Test
    void theEndOfTheSpellSettlesAnOpenProposal() {
        Evidence visit = new Evidence(Evidence.EvidenceSource.VISIT, "V-1", null);
        fixture.given(threeReferrals())
                .andGiven(refusalRecorded("ref-1", 1), refusalRecorded("ref-2", 2), refusalRecorded("ref-3", 3),
                        proposed(), new RegistrationCancelled(CASE_ID, 1, CancellationGround.ENLISTED, visit, TODAY,
                                TOLD, STREET))
                .when(new ConfirmCancellationProposalCommand(CASE_ID, "proposal-ref-3", TODAY, TOLD, TODAY))
                .expectExceptionDetails(violation("CAN-3", "PROPOSAL_ALREADY_SETTLED", "proposalId",
                        RuleViolation.Kind.CONFLICT));
    }

    // ---------------------------------------------------------------- career guidance (JOB-1)

    @Test
    void careerGuidanceIsRecordedOnceForAnyCase() {
        RecordCareerGuidanceCommand guidance = new RecordCareerGuidanceCommand(CASE_ID, "session-1",
                GuidanceTopic.CAREER_DIRECTION, " 建议转向数控方向 ", null, TODAY, TODAY);
        CareerGuidanceGiven given = new CareerGuidanceGiven(CASE_ID, "session-1", GuidanceTopic.CAREER_DIRECTION,
                "建议转向数控方向", null, TODAY, STREET);
        fixture.given(opened())
                .when(guidance)
                .expectEvents(given);
        fixture.given(opened(), given)
                .when(guidance)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void careerGuidanceNeedsTopicNotesAndAPastDay() {
        fixture.given(opened())
                .when(new RecordCareerGuidanceCommand(CASE_ID, "session-1", null, "n", null, TODAY, TODAY))
                .expectExceptionDetails(violation("JOB-1", "MISSING", "topic", RuleViolation.Kind.INVALID));
        fixture.given(opened())
                .when(new RecordCareerGuidanceCommand(CASE_ID, "session-1", GuidanceTopic.POLICY_INFORMATION, " ",
                        null, TODAY, TODAY))
                .expectExceptionDetails(violation("JOB-1", "MISSING", "notes", RuleViolation.Kind.INVALID));
        fixture.given(opened())
                .when(new RecordCareerGuidanceCommand(CASE_ID, "session-1", GuidanceTopic.POLICY_INFORMATION, "n",
                        null, TODAY.plusDays(1), TODAY))
                .expectExceptionDetails(violation("JOB-1", "DATE_IN_FUTURE", "heldOn", RuleViolation.Kind.INVALID));
        fixture.given(opened())
                .when(new RecordCareerGuidanceCommand(CASE_ID, "session-1", GuidanceTopic.POLICY_INFORMATION,
                        "n".repeat(1001), null, TODAY, TODAY))
                .expectExceptionDetails(violation("INPUT", "TOO_LONG", "notes", RuleViolation.Kind.INVALID));
    }

    // ---------------------------------------------------------------- snapshot

    @Test
    void jobSeekingStateSurvivesASnapshotRoundTrip() {
        fixture.given(threeReferrals())
                .andGiven(refusalRecorded("ref-1", 1), refusalRecorded("ref-2", 2), refusalRecorded("ref-3", 3),
                        proposed(), new CareerGuidanceGiven(CASE_ID, "session-1", GuidanceTopic.CAREER_DIRECTION,
                                "n", null, TODAY, STREET))
                .when(new DismissCancellationProposalCommand(CASE_ID, "proposal-ref-3", "已说明", TODAY))
                .expectState(clientCase -> {
                    ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
                    try {
                        JobSeeking state = clientCase.jobSeekingState();
                        JobSeeking copy = mapper.readValue(mapper.writeValueAsString(state), JobSeeking.class);
                        assertThat(copy).usingRecursiveComparison().isEqualTo(state);
                        assertThat(copy.settledProposal("proposal-ref-3")).isTrue();
                        assertThat(copy.referral("ref-2").vacancy()).isEqualTo(vacancy(VACANCY + "ref-2"));
                        assertThat(copy.knowsGuidanceSession("session-1")).isTrue();
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }
}
