package cn.pes.casework.command.clientcase;

import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import cn.pes.casework.command.calendar.WorkingDayCalendar;
import cn.pes.casework.security.protection.BlindIndex;
import cn.pes.casework.command.identity.ResidentIdNumber;
import cn.pes.casework.command.policy.PolicyProperties;
import cn.pes.casework.command.policy.RegistrationPolicyBook;
import cn.pes.casework.command.policy.RetentionPolicyBook;
import cn.pes.casework.command.policy.TrackingPolicyBook;
import cn.pes.casework.command.policy.TrackingPolicyProperties;
import cn.pes.casework.security.audit.AccessAction;
import cn.pes.casework.security.audit.AccessLog;
import cn.pes.casework.security.audit.AccessLogEntry;
import cn.pes.casework.security.protection.PersonalDataKeySchema;
import cn.pes.casework.security.protection.PersonalDataKeyStore;
import cn.pes.casework.security.protection.PersonalDataProtector;
import cn.pes.casework.security.protection.PersonalDataSealing;
import cn.pes.casework.events.cancellation.CancelRegistrationCommand;
import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.cancellation.Evidence;
import cn.pes.casework.events.cancellation.Notification;
import cn.pes.casework.events.cancellation.RegistrationCancelled;
import cn.pes.casework.events.employment.Employed;
import cn.pes.casework.events.employment.EmploymentDetails;
import cn.pes.casework.events.employment.EmploymentType;
import cn.pes.casework.events.employment.RecordEmploymentCommand;
import cn.pes.casework.events.erasure.ErasePersonalDataCommand;
import cn.pes.casework.events.erasure.PersonalDataErased;
import cn.pes.casework.events.registration.ApproveRegistrationCommand;
import cn.pes.casework.events.registration.CaseOpened;
import cn.pes.casework.events.registration.PersonalDetailsUpdated;
import cn.pes.casework.events.registration.UpdatePersonalDetailsCommand;
import cn.pes.casework.events.registration.EligibilityDeclaration;
import cn.pes.casework.events.registration.PresentedDocument;
import cn.pes.casework.events.registration.RegisterUnemploymentCommand;
import cn.pes.casework.events.registration.RegistrationApplied;
import cn.pes.casework.events.registration.RegistrationApproved;
import cn.pes.casework.events.registration.RegistrationOutcome;
import cn.pes.casework.events.registration.RegistrationRefused;
import cn.pes.casework.events.registration.RegistrationRejected;
import cn.pes.casework.events.registration.RejectRegistrationCommand;
import cn.pes.casework.events.registration.UnemploymentReason;
import cn.pes.casework.events.registration.UnemploymentRegistered;
import cn.pes.casework.events.shared.CaseMetadata;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.PersonCategory;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.events.shared.RefusalReason;
import cn.pes.casework.events.shared.RuleViolation;
import cn.pes.casework.events.shared.Sex;
import cn.pes.casework.events.tracking.ContactMethod;
import cn.pes.casework.events.tracking.EmploymentStatus;
import cn.pes.casework.events.tracking.RecordTrackingContactCommand;
import cn.pes.casework.events.tracking.ServiceGiven;
import cn.pes.casework.events.tracking.TrackingContactRecorded;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.h2.Driver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client case aggregate and its registration handler, against real components: the H2 person
 * index, the official working-day calendar, the default registration policy, the blind index and an
 * agency directory. Rules are cited by their DOMAIN.md IDs.
 */
class ClientCaseTest {

    /** The day commands are recorded on: no date they carry may lie after it. */
    private static final LocalDate TODAY_DATE = LocalDate.of(2026, 3, 20);

    private static final String POLICY = "REG-DEFAULT-2020";
    private static final String COUNTY = "990101";
    private static final String STREET = "990101001";
    private static final String CASE_ID = "case-0001";
    /** A Thursday in an ordinary week (no holidays in March 2026). */
    private static final LocalDate THURSDAY = LocalDate.of(2026, 3, 5);

    /** Born 1990-05-15, sequence 123: the 17th digit 3 is odd, so male. */
    private static final String ID = IdNumbers.of(LocalDate.of(1990, 5, 15), "123");
    private static final LocalDate BIRTH = LocalDate.of(1990, 5, 15);
    private static final PersonalData PERSON = new PersonalData(ID, "张三", "13812345678");
    /** The person as the case holds and stores them: bound to the case's key. */
    private static final PersonalData STORED_PERSON = PERSON.withDataSubject(CASE_ID);
    private static final String RETENTION = "RETENTION-DEFAULT";
    private static final String ADMIN = "admin-wang";
    private static final String CITY = "9901";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2031-01-06T02:00:00Z"), ZoneOffset.UTC);
    private static final EligibilityDeclaration ELIGIBLE = new EligibilityDeclaration(false, false, true, true);
    private static final Set<PersonCategory> CATEGORIES = Set.of(PersonCategory.GRADUATE);

    private FixtureConfiguration<ClientCase> fixture;
    private JdbcTemplate jdbc;
    private BlindIndex blindIndex;
    private PersonalDataKeyStore keys;
    private PersonalDataProtector protector;
    private AccessLog accessLog;

    @BeforeEach
    void setUp() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new Driver(),
                "jdbc:h2:mem:clientcase-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource("db/command/schema-h2.sql"),
                new ClassPathResource("db/security/schema.sql")).execute(dataSource);
        PersonalDataKeySchema.create(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        keys = new PersonalDataKeyStore(jdbc, null, CLOCK);
        protector = new PersonalDataProtector(keys);
        accessLog = new AccessLog(jdbc, CLOCK);
        blindIndex = new BlindIndex("client-case-test-blind-index-key");
        AgencyDirectory agencies = new AgencyDirectory(List.of(
                new Agency(CITY, "XX市公共就业服务中心", Agency.Level.CITY, null),
                new Agency(COUNTY, "XX市中心区公共就业服务中心", Agency.Level.COUNTY, null),
                new Agency(STREET, "中心区解放街道劳动保障所", Agency.Level.STREET, COUNTY)));

        fixture = new AggregateTestFixture<>(ClientCase.class);
        fixture.registerInjectableResource(agencies);
        fixture.registerInjectableResource(new RetentionPolicyBook(new PolicyProperties(List.of())));
        fixture.registerInjectableResource(new TrackingPolicyBook(new TrackingPolicyProperties(List.of())));
        fixture.registerInjectableResource(new PersonalDataShredder(keys, new PersonCaseIndex(jdbc), accessLog, jdbc,
                new EventSchema()));
        fixture.registerAnnotatedCommandHandler(new RegistrationCommandHandler(fixture.getRepository(),
                new PersonCaseIndex(jdbc), blindIndex, new RegistrationPolicyBook(new PolicyProperties(List.of())),
                WorkingDayCalendar.load(), agencies));
    }

    @AfterEach
    void tearDown() {
        jdbc.execute("SHUTDOWN");
    }

    // ---------------------------------------------------------------- helpers

    private static RegisterUnemploymentCommand atWindow(String caseId, PersonalData person, LocalDate date,
                                                        PresentedDocument document, EligibilityDeclaration declared) {
        return new RegisterUnemploymentCommand(caseId, person, date, Channel.WINDOW, document, declared,
                UnemploymentReason.LOST_JOB, CATEGORIES, STREET);
    }

    private static RegisterUnemploymentCommand atWindow(LocalDate date) {
        return atWindow(CASE_ID, PERSON, date, PresentedDocument.RESIDENT_ID_CARD, ELIGIBLE);
    }

    private static RegisterUnemploymentCommand online(String caseId, LocalDate date) {
        return new RegisterUnemploymentCommand(caseId, PERSON, date, Channel.CITY_PES_CLOUD, null, ELIGIBLE,
                UnemploymentReason.LOST_JOB, CATEGORIES, STREET);
    }

    private static CaseOpened opened() {
        return new CaseOpened(CASE_ID, STORED_PERSON, BIRTH, Sex.MALE, STREET);
    }

    private static CaseOpened opened(String idNumber, LocalDate birthDate, Sex sex) {
        return new CaseOpened(CASE_ID, new PersonalData(idNumber, "张三", "13812345678", CASE_ID), birthDate, sex,
                STREET);
    }

    private static UnemploymentRegistered registered(int spell, LocalDate on) {
        return new UnemploymentRegistered(CASE_ID, spell, on, Channel.WINDOW, PresentedDocument.RESIDENT_ID_CARD,
                UnemploymentReason.LOST_JOB, CATEGORIES, STREET, POLICY);
    }

    /** An online application received on THURSDAY, due two working days later (Monday 2026-03-09). */
    private static RegistrationApplied appliedOnline() {
        return new RegistrationApplied(CASE_ID, 1, THURSDAY, Channel.CITY_PES_CLOUD, UnemploymentReason.LOST_JOB,
                CATEGORIES, STREET, LocalDate.of(2026, 3, 9), false, POLICY);
    }

    /** Spell 1 registered in June 2025 and cancelled (full-time school) on 2025-12-01. */
    private static Object[] firstSpellCancelled() {
        LocalDate cancelledOn = LocalDate.of(2025, 12, 1);
        return new Object[] {opened(), registered(1, LocalDate.of(2025, 6, 2)),
                new RegistrationCancelled(CASE_ID, 1, CancellationGround.FULL_TIME_SCHOOL,
                        new Evidence(Evidence.EvidenceSource.DOCUMENT, "录取通知书", null), cancelledOn,
                        new Notification(Notification.NotificationMethod.SMS, cancelledOn), STREET)};
    }

    private static RegistrationRefused refused(LocalDate on, RefusalReason... reasons) {
        return new RegistrationRefused(CASE_ID, on, Channel.WINDOW, STREET, List.of(reasons), POLICY);
    }

    private static RegistrationOutcome refusedOutcome(RefusalReason... reasons) {
        return new RegistrationOutcome(CASE_ID, 0, RegistrationOutcome.Status.REFUSED, null, List.of(reasons));
    }

    private static RecordTrackingContactCommand phoneContact(String contactId, LocalDate date) {
        return new RecordTrackingContactCommand(CASE_ID, contactId, date, ContactMethod.PHONE, null, true,
                EmploymentStatus.UNEMPLOYED, Set.of(ServiceGiven.POLICY_INFORMATION), "下月再次联系", null, null, null, TODAY_DATE);
    }

    private static RuleViolation invalid(String ruleId, String code, String field) {
        return RuleViolation.of(ruleId, code, field, RuleViolation.Kind.INVALID);
    }

    private static RuleViolation conflict(String ruleId, String code, String field) {
        return RuleViolation.of(ruleId, code, field, RuleViolation.Kind.CONFLICT);
    }

    private int personCaseRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM person_case", Integer.class);
    }

    private void indexPerson(String idNumber, String caseId) {
        jdbc.update("INSERT INTO person_case (id_number_hash, case_id) VALUES (?, ?)",
                blindIndex.ofIdNumber(ResidentIdNumber.parse(idNumber).value()), caseId);
    }

    // ---------------------------------------------------------------- test data helper

    @Nested
    class IdNumberHelper {

        @Test
        void producesTheStandardsSpecimen() {
            // GB 11643-1999's own example: 11010519491231002X.
            assertThat(IdNumbers.withCheckCharacter("11010519491231002")).isEqualTo("11010519491231002X");
            assertThat(IdNumbers.of(LocalDate.of(1949, 12, 31), "002")).isEqualTo("11010519491231002X");
        }

        @Test
        void producesNumbersTheProductionParserAccepts() {
            ResidentIdNumber parsed = ResidentIdNumber.parse(ID);
            assertThat(parsed.birthDate()).isEqualTo(BIRTH);
            assertThat(parsed.sex()).isEqualTo(Sex.MALE);
        }
    }

    // ---------------------------------------------------------------- registration (REG-1..REG-7)

    @Test
    void registersAtWindowWithDocument() {
        fixture.givenNoPriorActivity()
                .when(atWindow(CASE_ID, new PersonalData(" " + ID + " ", " 张三 ", " 13812345678 "), THURSDAY,
                        PresentedDocument.SOCIAL_SECURITY_CARD, ELIGIBLE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(opened(),
                        new UnemploymentRegistered(CASE_ID, 1, THURSDAY, Channel.WINDOW,
                                PresentedDocument.SOCIAL_SECURITY_CARD, UnemploymentReason.LOST_JOB, CATEGORIES, STREET,
                                POLICY))
                .expectResultMessagePayload(
                        new RegistrationOutcome(CASE_ID, 1, RegistrationOutcome.Status.ACTIVE, null, List.of()));
        assertThat(jdbc.queryForObject("SELECT case_id FROM person_case WHERE id_number_hash = ?", String.class,
                blindIndex.ofIdNumber(ResidentIdNumber.parse(ID).value()))).isEqualTo(CASE_ID);
    }

    @Test
    void registersFemaleApplicantWithSexAndBirthDateFromIdNumber() {
        String female = IdNumbers.of(LocalDate.of(1985, 11, 2), "024");
        fixture.givenNoPriorActivity()
                .when(atWindow(CASE_ID, new PersonalData(female, "张三", "13812345678"), THURSDAY,
                        PresentedDocument.ELECTRONIC_SOCIAL_SECURITY_CARD, ELIGIBLE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(opened(female, LocalDate.of(1985, 11, 2), Sex.FEMALE),
                        new UnemploymentRegistered(CASE_ID, 1, THURSDAY, Channel.WINDOW,
                                PresentedDocument.ELECTRONIC_SOCIAL_SECURITY_CARD, UnemploymentReason.LOST_JOB,
                                CATEGORIES, STREET, POLICY));
    }

    @Test
    void refusesWindowRegistrationWithoutDocument() {
        RefusalReason noDocument = new RefusalReason("REG-2", "DOCUMENT_NOT_PRESENTED", "presentedDocument");
        fixture.givenNoPriorActivity()
                .when(atWindow(CASE_ID, PERSON, THURSDAY, null, ELIGIBLE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(opened(), refused(THURSDAY, noDocument))
                .expectResultMessagePayload(refusedOutcome(noDocument));
    }

    @Test
    void rejectsApplicantUnder16() {
        // The day before the 16th birthday: 15 in completed years (TIME-4).
        String id = IdNumbers.of(LocalDate.of(2010, 3, 6), "123");
        RefusalReason underAge = new RefusalReason("REG-1", "UNDER_MINIMUM_AGE", "person.idNumber");
        fixture.givenNoPriorActivity()
                .when(atWindow(CASE_ID, new PersonalData(id, "张三", "13812345678"), THURSDAY,
                        PresentedDocument.RESIDENT_ID_CARD, ELIGIBLE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(opened(id, LocalDate.of(2010, 3, 6), Sex.MALE), refused(THURSDAY, underAge))
                .expectResultMessagePayload(refusedOutcome(underAge));
    }

    @Test
    void acceptsApplicantOnSixteenthBirthday() {
        String id = IdNumbers.of(LocalDate.of(2010, 3, 5), "123");
        fixture.givenNoPriorActivity()
                .when(atWindow(CASE_ID, new PersonalData(id, "张三", "13812345678"), THURSDAY,
                        PresentedDocument.RESIDENT_ID_CARD, ELIGIBLE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(opened(id, LocalDate.of(2010, 3, 5), Sex.MALE), registered(1, THURSDAY))
                .expectResultMessagePayload(
                        new RegistrationOutcome(CASE_ID, 1, RegistrationOutcome.Status.ACTIVE, null, List.of()));
    }

    @Test
    void refusesApplicantReceivingPension() {
        RefusalReason reason = new RefusalReason("REG-1", "RECEIVING_PENSION", "declaration.receivingPension");
        fixture.givenNoPriorActivity()
                .when(atWindow(CASE_ID, PERSON, THURSDAY, PresentedDocument.RESIDENT_ID_CARD,
                        new EligibilityDeclaration(true, false, true, true)))
                .expectEvents(opened(), refused(THURSDAY, reason))
                .expectResultMessagePayload(refusedOutcome(reason));
    }

    @Test
    void refusesEmployedApplicant() {
        RefusalReason reason = new RefusalReason("REG-1", "EMPLOYED", "declaration.employed");
        fixture.givenNoPriorActivity()
                .when(atWindow(CASE_ID, PERSON, THURSDAY, PresentedDocument.RESIDENT_ID_CARD,
                        new EligibilityDeclaration(false, true, true, true)))
                .expectEvents(opened(), refused(THURSDAY, reason))
                .expectResultMessagePayload(refusedOutcome(reason));
    }

    @Test
    void refusesApplicantUnableToWork() {
        RefusalReason reason = new RefusalReason("REG-1", "UNABLE_TO_WORK", "declaration.ableToWork");
        fixture.givenNoPriorActivity()
                .when(atWindow(CASE_ID, PERSON, THURSDAY, PresentedDocument.RESIDENT_ID_CARD,
                        new EligibilityDeclaration(false, false, false, true)))
                .expectEvents(opened(), refused(THURSDAY, reason))
                .expectResultMessagePayload(refusedOutcome(reason));
    }

    @Test
    void refusesApplicantNotWantingWork() {
        RefusalReason reason = new RefusalReason("REG-1", "NOT_WANTING_WORK", "declaration.wantsWork");
        fixture.givenNoPriorActivity()
                .when(atWindow(CASE_ID, PERSON, THURSDAY, PresentedDocument.RESIDENT_ID_CARD,
                        new EligibilityDeclaration(false, false, true, false)))
                .expectEvents(opened(), refused(THURSDAY, reason))
                .expectResultMessagePayload(refusedOutcome(reason));
    }

    @Test
    void listsEveryFailedConditionAtOnce() {
        String id = IdNumbers.of(LocalDate.of(2012, 1, 1), "456");
        RefusalReason[] all = {
                new RefusalReason("REG-1", "UNDER_MINIMUM_AGE", "person.idNumber"),
                new RefusalReason("REG-1", "RECEIVING_PENSION", "declaration.receivingPension"),
                new RefusalReason("REG-1", "EMPLOYED", "declaration.employed"),
                new RefusalReason("REG-1", "UNABLE_TO_WORK", "declaration.ableToWork"),
                new RefusalReason("REG-1", "NOT_WANTING_WORK", "declaration.wantsWork"),
                new RefusalReason("REG-2", "DOCUMENT_NOT_PRESENTED", "presentedDocument")};
        fixture.givenNoPriorActivity()
                .when(atWindow(CASE_ID, new PersonalData(id, "张三", "13812345678"), THURSDAY, null,
                        new EligibilityDeclaration(true, true, false, false)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(opened(id, LocalDate.of(2012, 1, 1), Sex.FEMALE), refused(THURSDAY, all))
                .expectResultMessagePayload(refusedOutcome(all));
    }

    @Test
    void refusalOfAKnownPersonIsRecordedInTheirCase() {
        indexPerson(ID, CASE_ID);
        RefusalReason reason = new RefusalReason("REG-1", "EMPLOYED", "declaration.employed");
        fixture.given(opened(), registered(1, LocalDate.of(2025, 6, 2)),
                        new Employed(CASE_ID, 1, new EmploymentDetails(EmploymentType.EMPLOYED_BY_UNIT, "某某公司",
                                LocalDate.of(2025, 9, 1)), new Evidence(Evidence.EvidenceSource.DATA_MATCH,
                                "社保参保 2025-09", null), null, STREET))
                .when(atWindow("case-unused", PERSON, THURSDAY, PresentedDocument.RESIDENT_ID_CARD,
                        new EligibilityDeclaration(false, true, true, true)))
                .expectEvents(refused(THURSDAY, reason))
                .expectResultMessagePayload(refusedOutcome(reason));
    }

    @Test
    void rejectsMalformedIdNumber() {
        fixture.givenNoPriorActivity()
                .when(atWindow(CASE_ID, new PersonalData(ID.substring(0, 17), "张三", null), THURSDAY,
                        PresentedDocument.RESIDENT_ID_CARD, ELIGIBLE))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(invalid("REG-6", "ID_NUMBER_FORMAT", "person.idNumber"));
        assertThat(personCaseRows()).isZero();
    }

    @Test
    void rejectsWrongCheckDigit() {
        char wrong = ID.charAt(17) == '0' ? '1' : '0';
        fixture.givenNoPriorActivity()
                .when(atWindow(CASE_ID, new PersonalData(ID.substring(0, 17) + wrong, "张三", null), THURSDAY,
                        PresentedDocument.RESIDENT_ID_CARD, ELIGIBLE))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(invalid("REG-6", "ID_NUMBER_CHECK_DIGIT", "person.idNumber"));
        assertThat(personCaseRows()).isZero();
    }

    @Test
    void rejectsBirthDateAfterApplication() {
        String bornTomorrow = IdNumbers.of(THURSDAY.plusDays(1), "123");
        fixture.givenNoPriorActivity()
                .when(atWindow(CASE_ID, new PersonalData(bornTomorrow, "张三", null), THURSDAY,
                        PresentedDocument.RESIDENT_ID_CARD, ELIGIBLE))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(invalid("REG-6", "ID_NUMBER_BIRTH_DATE_AFTER_APPLICATION", "person.idNumber"));
        assertThat(personCaseRows()).isZero();
    }

    @Test
    void rejectsUnknownAgency() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnemploymentCommand(CASE_ID, PERSON, THURSDAY, Channel.WINDOW,
                        PresentedDocument.RESIDENT_ID_CARD, ELIGIBLE, UnemploymentReason.LOST_JOB, CATEGORIES,
                        "990199"))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(invalid("REG-4", "UNKNOWN_AGENCY", "agencyId"));
        assertThat(personCaseRows()).isZero();
    }

    /**
     * REG-3 names four channels; BACK_OFFICE is an officer's work on an existing case, not a way to
     * apply. The web request accepts any {@link Channel}, so the command handler must refuse it.
     */
    @Test
    void rejectsRegistrationThroughBackOffice() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnemploymentCommand(CASE_ID, PERSON, THURSDAY, Channel.BACK_OFFICE,
                        PresentedDocument.RESIDENT_ID_CARD, ELIGIBLE, UnemploymentReason.LOST_JOB, CATEGORIES,
                        STREET))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(Matchers.<RuleViolation>predicate(v -> v != null
                        && "REG-3".equals(v.ruleId()) && "channel".equals(v.field())
                        && v.kind() == RuleViolation.Kind.INVALID));
    }

    @Test
    void onlineApplicationIsPendingWithDueDateInTwoWorkingDays() {
        // Received Thursday 2026-03-05: Friday is day 1, the weekend does not count, Monday is day 2 (TIME-1).
        LocalDate due = LocalDate.of(2026, 3, 9);
        fixture.givenNoPriorActivity()
                .when(online(CASE_ID, THURSDAY))
                .expectSuccessfulHandlerExecution()
                .expectEvents(opened(), appliedOnline())
                .expectResultMessagePayload(
                        new RegistrationOutcome(CASE_ID, 1, RegistrationOutcome.Status.PENDING, due, List.of()));
    }

    @Test
    void onlineApplicationBeforeNationalDayIsDueAfterTheHoliday() {
        // Received Wednesday 2026-09-30; 1-7 October are public holidays; Thursday 8th is day 1, Friday 9th day 2.
        LocalDate appliedOn = LocalDate.of(2026, 9, 30);
        LocalDate due = LocalDate.of(2026, 10, 9);
        fixture.givenNoPriorActivity()
                .when(new RegisterUnemploymentCommand(CASE_ID, PERSON, appliedOn, Channel.NATIONAL_HRSS_PLATFORM,
                        null, ELIGIBLE, UnemploymentReason.GRADUATE, Set.of(), COUNTY))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CaseOpened(CASE_ID, STORED_PERSON, BIRTH, Sex.MALE, COUNTY),
                        new RegistrationApplied(CASE_ID, 1, appliedOn, Channel.NATIONAL_HRSS_PLATFORM,
                                UnemploymentReason.GRADUATE, Set.of(), COUNTY, due, false, POLICY))
                .expectResultMessagePayload(
                        new RegistrationOutcome(CASE_ID, 1, RegistrationOutcome.Status.PENDING, due, List.of()));
    }

    @Test
    void onlineApplicationInYearWithoutCalendarDataHasProvisionalDueDate() {
        // No official data for 2027: weekends only, and the due date says it is a guess.
        LocalDate appliedOn = LocalDate.of(2027, 3, 4); // a Thursday
        LocalDate due = LocalDate.of(2027, 3, 8);
        fixture.givenNoPriorActivity()
                .when(online(CASE_ID, appliedOn))
                .expectEvents(opened(), new RegistrationApplied(CASE_ID, 1, appliedOn, Channel.CITY_PES_CLOUD,
                        UnemploymentReason.LOST_JOB, CATEGORIES, STREET, due, true, POLICY))
                .expectResultMessagePayload(
                        new RegistrationOutcome(CASE_ID, 1, RegistrationOutcome.Status.PENDING, due, List.of()));
    }

    @Test
    void approvalStartsTheSpell() {
        LocalDate due = LocalDate.of(2026, 3, 9);
        fixture.given(opened(), appliedOnline())
                .when(new ApproveRegistrationCommand(CASE_ID, due))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RegistrationApproved(CASE_ID, 1, due, false),
                        new UnemploymentRegistered(CASE_ID, 1, due, Channel.CITY_PES_CLOUD, null,
                                UnemploymentReason.LOST_JOB, CATEGORIES, STREET, POLICY));
    }

    @Test
    void lateApprovalIsMarkedLate() {
        LocalDate dayAfterDue = LocalDate.of(2026, 3, 10);
        fixture.given(opened(), appliedOnline())
                .when(new ApproveRegistrationCommand(CASE_ID, dayAfterDue))
                .expectEvents(new RegistrationApproved(CASE_ID, 1, dayAfterDue, true),
                        new UnemploymentRegistered(CASE_ID, 1, dayAfterDue, Channel.CITY_PES_CLOUD, null,
                                UnemploymentReason.LOST_JOB, CATEGORIES, STREET, POLICY));
    }

    @Test
    void decisionBeforeApplicationIsRejected() {
        fixture.given(opened(), appliedOnline())
                .when(new ApproveRegistrationCommand(CASE_ID, THURSDAY.minusDays(1)))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(invalid("REG-5", "DECISION_BEFORE_APPLICATION", "decidedOn"));
    }

    @Test
    void approvalNeedsAPendingApplication() {
        fixture.given(opened(), registered(1, THURSDAY))
                .when(new ApproveRegistrationCommand(CASE_ID, THURSDAY.plusDays(1)))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(conflict("REG-5", "NO_PENDING_APPLICATION", null));
    }

    @Test
    void rejectionEndsThePendingApplication() {
        LocalDate friday = THURSDAY.plusDays(1);
        fixture.given(opened(), appliedOnline())
                .when(new RejectRegistrationCommand(CASE_ID, friday, "  申请人已在外地就业  "))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RegistrationRejected(CASE_ID, 1, friday, "申请人已在外地就业", false));
    }

    @Test
    void lateRejectionIsMarkedLate() {
        LocalDate dayAfterDue = LocalDate.of(2026, 3, 10);
        fixture.given(opened(), appliedOnline())
                .when(new RejectRegistrationCommand(CASE_ID, dayAfterDue, "材料不实"))
                .expectEvents(new RegistrationRejected(CASE_ID, 1, dayAfterDue, "材料不实", true));
    }

    @Test
    void rejectedApplicationCannotBeApproved() {
        LocalDate friday = THURSDAY.plusDays(1);
        fixture.given(opened(), appliedOnline(), new RegistrationRejected(CASE_ID, 1, friday, "材料不实", false))
                .when(new ApproveRegistrationCommand(CASE_ID, friday))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(conflict("REG-5", "NO_PENDING_APPLICATION", null));
    }

    @Test
    void rejectionNeedsAReason() {
        fixture.given(opened(), appliedOnline())
                .when(new RejectRegistrationCommand(CASE_ID, THURSDAY.plusDays(1), "   "))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(invalid("REG-5", "REJECTION_REASON_MISSING", "reason"));
    }

    @Test
    void refusesSecondRegistrationWhileActive() {
        fixture.givenCommands(atWindow(THURSDAY))
                .when(atWindow("case-0002", PERSON, THURSDAY.plusDays(1), PresentedDocument.SOCIAL_SECURITY_CARD,
                        ELIGIBLE))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(conflict("REG-6", "ALREADY_REGISTERED", "person.idNumber"));
        assertThat(personCaseRows()).isEqualTo(1);
    }

    @Test
    void refusesRegistrationWhilePending() {
        fixture.givenCommands(online(CASE_ID, THURSDAY))
                .when(atWindow("case-0002", PERSON, THURSDAY.plusDays(1), PresentedDocument.SOCIAL_SECURITY_CARD,
                        ELIGIBLE))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(conflict("REG-5", "APPLICATION_PENDING", "person.idNumber"));
    }

    @Test
    void reRegistrationAfterEmploymentOpensSpellTwo() {
        LocalDate jobStart = LocalDate.of(2026, 3, 10);
        LocalDate again = LocalDate.of(2026, 3, 19);
        fixture.givenCommands(atWindow(THURSDAY),
                        new RecordEmploymentCommand(CASE_ID,
                                new EmploymentDetails(EmploymentType.EMPLOYED_BY_UNIT, "某某公司", jobStart),
                                new Evidence(Evidence.EvidenceSource.DATA_MATCH, "社保参保 2026-03", null), TODAY_DATE))
                .when(atWindow("case-unused", PERSON, again, PresentedDocument.RESIDENT_ID_CARD, ELIGIBLE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered(2, again))
                .expectResultMessagePayload(
                        new RegistrationOutcome(CASE_ID, 2, RegistrationOutcome.Status.ACTIVE, null, List.of()));
        assertThat(personCaseRows()).isEqualTo(1);
    }

    @Test
    void registrationAtTheWindowSetsTheLostContactClockOfTheSpell() {
        fixture.givenNoPriorActivity()
                .when(atWindow(THURSDAY))
                .expectSuccessfulHandlerExecution()
                .expectScheduledDeadline(LocalDate.of(2026, 9, 6).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai"))
                        .toInstant(), new LostContactClock(1, LocalDate.of(2026, 9, 6)));
    }

    @Test
    void reRegistrationSetsTheClockOfTheNewSpell() {
        LocalDate again = LocalDate.of(2026, 3, 19);
        fixture.givenCommands(atWindow(THURSDAY),
                        new RecordEmploymentCommand(CASE_ID,
                                new EmploymentDetails(EmploymentType.EMPLOYED_BY_UNIT, "某某公司", LocalDate.of(2026, 3, 10)),
                                new Evidence(Evidence.EvidenceSource.DATA_MATCH, "社保参保 2026-03", null), TODAY_DATE))
                .when(atWindow("case-unused", PERSON, again, PresentedDocument.RESIDENT_ID_CARD, ELIGIBLE))
                .expectScheduledDeadline(LocalDate.of(2026, 9, 20).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai"))
                        .toInstant(), new LostContactClock(2, LocalDate.of(2026, 9, 20)));
    }

    @Test
    void reRegistrationAfterCancellationOpensSpellTwo() {
        indexPerson(ID, CASE_ID);
        fixture.given(firstSpellCancelled())
                .when(online("case-unused", THURSDAY))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RegistrationApplied(CASE_ID, 2, THURSDAY, Channel.CITY_PES_CLOUD,
                        UnemploymentReason.LOST_JOB, CATEGORIES, STREET, LocalDate.of(2026, 3, 9), false, POLICY))
                .expectResultMessagePayload(new RegistrationOutcome(CASE_ID, 2, RegistrationOutcome.Status.PENDING,
                        LocalDate.of(2026, 3, 9), List.of()));
    }

    @Test
    void reRegistrationWithANewPhoneRecordsTheChangeFirst() {
        indexPerson(ID, CASE_ID);
        PersonalData newPhone = new PersonalData(ID, "张三", "13900001111");
        fixture.given(firstSpellCancelled())
                .when(atWindow("case-unused", newPhone, THURSDAY, PresentedDocument.RESIDENT_ID_CARD, ELIGIBLE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PersonalDetailsUpdated(CASE_ID, newPhone.withDataSubject(CASE_ID)),
                        new UnemploymentRegistered(CASE_ID, 2, THURSDAY, Channel.WINDOW,
                                PresentedDocument.RESIDENT_ID_CARD, UnemploymentReason.LOST_JOB, CATEGORIES, STREET,
                                POLICY));
    }

    @Test
    void reRegistrationWithoutAPhoneKeepsTheKnownPhone() {
        indexPerson(ID, CASE_ID);
        fixture.given(firstSpellCancelled())
                .when(atWindow("case-unused", new PersonalData(ID, "张三", null), THURSDAY,
                        PresentedDocument.RESIDENT_ID_CARD, ELIGIBLE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UnemploymentRegistered(CASE_ID, 2, THURSDAY, Channel.WINDOW,
                        PresentedDocument.RESIDENT_ID_CARD, UnemploymentReason.LOST_JOB, CATEGORIES, STREET, POLICY));
    }

    // ---------------------------------------------------------------- personal details

    @Test
    void updatesNameAndPhone() {
        fixture.given(opened())
                .when(new UpdatePersonalDetailsCommand(CASE_ID, " 张三丰 ", "13900001111"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PersonalDetailsUpdated(CASE_ID, new PersonalData(ID, "张三丰", "13900001111", CASE_ID)));
    }

    @Test
    void removesPhone() {
        fixture.given(opened())
                .when(new UpdatePersonalDetailsCommand(CASE_ID, "张三", null))
                .expectEvents(new PersonalDetailsUpdated(CASE_ID, new PersonalData(ID, "张三", null, CASE_ID)));
    }

    @Test
    void sameDetailsRecordNothing() {
        fixture.given(opened(), new PersonalDetailsUpdated(CASE_ID, new PersonalData(ID, "张三", "13900001111")))
                .when(new UpdatePersonalDetailsCommand(CASE_ID, "张三", "13900001111"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void updateNeedsAName() {
        fixture.given(opened())
                .when(new UpdatePersonalDetailsCommand(CASE_ID, " ", "13900001111"))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(invalid("INPUT", "MISSING", "name"));
    }

    // ---------------------------------------------------------------- tracking (TRK-1..TRK-3)

    @Test
    void recordsTrackingContact() {
        Evidence callRecord = new Evidence(Evidence.EvidenceSource.CALL, "CALL-20260320-07", "本人表示暂不求职");
        fixture.given(opened(), registered(1, THURSDAY))
                .when(new RecordTrackingContactCommand(CASE_ID, "contact-0001", TODAY_DATE, ContactMethod.PHONE, null,
                        true, EmploymentStatus.UNEMPLOYED, Set.of(ServiceGiven.CAREER_GUIDANCE,
                        ServiceGiven.JOB_INTRODUCTION), "推荐参加4月招聘会", null,
                        CancellationGround.DROPPED_JOB_SEEKING, callRecord, TODAY_DATE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TrackingContactRecorded(CASE_ID, 1, "contact-0001", TODAY_DATE, ContactMethod.PHONE,
                        null, true, EmploymentStatus.UNEMPLOYED,
                        Set.of(ServiceGiven.CAREER_GUIDANCE, ServiceGiven.JOB_INTRODUCTION), "推荐参加4月招聘会",
                        CancellationGround.DROPPED_JOB_SEEKING, callRecord, STREET));
    }

    @Test
    void cancellationProposalWithoutEvidenceIsRejected() {
        fixture.given(opened(), registered(1, THURSDAY))
                .when(new RecordTrackingContactCommand(CASE_ID, "contact-0001", TODAY_DATE, ContactMethod.PHONE, null,
                        true, EmploymentStatus.UNEMPLOYED, Set.of(), null, null,
                        CancellationGround.DROPPED_JOB_SEEKING, null, TODAY_DATE))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(invalid("CAN-2", "EVIDENCE_MISSING", "proposalEvidence"));
    }

    @Test
    void cancellationProposalWithEvidenceOfNoKindIsRejected() {
        fixture.given(opened(), registered(1, THURSDAY))
                .when(new RecordTrackingContactCommand(CASE_ID, "contact-0001", TODAY_DATE, ContactMethod.PHONE, null,
                        true, EmploymentStatus.UNEMPLOYED, Set.of(), null, null,
                        CancellationGround.DROPPED_JOB_SEEKING, new Evidence(null, "CALL-1", "本人表示暂不求职"),
                        TODAY_DATE))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(invalid("CAN-2", "EVIDENCE_MISSING", "proposalEvidence"));
    }

    @Test
    void recordsInformationComparisonWithItsSource() {
        fixture.given(opened(), registered(1, THURSDAY))
                .when(new RecordTrackingContactCommand(CASE_ID, "contact-0003", THURSDAY,
                        ContactMethod.INFORMATION_COMPARISON, "社保参保数据", false, null, null, null, null, null, null, TODAY_DATE))
                .expectEvents(new TrackingContactRecorded(CASE_ID, 1, "contact-0003", THURSDAY,
                        ContactMethod.INFORMATION_COMPARISON, "社保参保数据", false, null, Set.of(), null, null, null,
                        STREET));
    }

    @Test
    void contactRequiresActiveRegistration() {
        fixture.given(opened(), appliedOnline())
                .when(phoneContact("contact-0001", LocalDate.of(2026, 3, 6)))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(conflict("TRK-1", "NO_ACTIVE_REGISTRATION", null));
    }

    @Test
    void sameContactIdRecordedOnce() {
        LocalDate contactDate = LocalDate.of(2026, 3, 18);
        fixture.given(opened(), registered(1, THURSDAY),
                        new TrackingContactRecorded(CASE_ID, 1, "contact-0001", contactDate, ContactMethod.PHONE, null,
                                true, EmploymentStatus.UNEMPLOYED, Set.of(ServiceGiven.POLICY_INFORMATION),
                                "下月再次联系", null, null, STREET))
                .when(phoneContact("contact-0001", contactDate))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void informationComparisonNeedsSource() {
        fixture.given(opened(), registered(1, THURSDAY))
                .when(new RecordTrackingContactCommand(CASE_ID, "contact-0001", TODAY_DATE,
                        ContactMethod.INFORMATION_COMPARISON, " ", false, null, null, null, null, null, null, TODAY_DATE))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(invalid("TRK-3", "DATA_MATCH_SOURCE_MISSING", "dataMatchSource"));
    }

    @Test
    void contactFindingWorkEndsRegistration() {
        EmploymentDetails job = new EmploymentDetails(EmploymentType.EMPLOYED_BY_UNIT, "某某公司",
                LocalDate.of(2026, 3, 16));
        fixture.given(opened(), registered(1, THURSDAY))
                .when(new RecordTrackingContactCommand(CASE_ID, "contact-0002", TODAY_DATE, ContactMethod.ON_SITE_VISIT,
                        null, true, EmploymentStatus.EMPLOYED_BY_UNIT, Set.of(), "核实后注销", job, null, null, TODAY_DATE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TrackingContactRecorded(CASE_ID, 1, "contact-0002", TODAY_DATE,
                                ContactMethod.ON_SITE_VISIT, null, true, EmploymentStatus.EMPLOYED_BY_UNIT, Set.of(),
                                "核实后注销", null, null, STREET),
                        new Employed(CASE_ID, 1, job, null, "contact-0002", STREET));
    }

    @Test
    void contactFindingWorkNeedsEmploymentDetails() {
        fixture.given(opened(), registered(1, THURSDAY))
                .when(new RecordTrackingContactCommand(CASE_ID, "contact-0002", TODAY_DATE, ContactMethod.PHONE,
                        null, true, EmploymentStatus.FLEXIBLE, Set.of(), null, null, null, null, TODAY_DATE))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(invalid("CAN-1", "EMPLOYMENT_MISSING", "employment"));
    }

    @Test
    void contactAfterEmploymentIsRefused() {
        fixture.given(opened(), registered(1, THURSDAY),
                        new Employed(CASE_ID, 1, new EmploymentDetails(EmploymentType.FLEXIBLE, null,
                                LocalDate.of(2026, 3, 16)), new Evidence(Evidence.EvidenceSource.STATEMENT, null,
                                "本人陈述"), null, STREET))
                .when(phoneContact("contact-0009", TODAY_DATE))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(conflict("TRK-1", "NO_ACTIVE_REGISTRATION", null));
    }

    @Test
    void contactInFutureRejected() {
        fixture.given(opened(), registered(1, THURSDAY))
                .when(phoneContact("contact-0001", TODAY_DATE.plusDays(1)))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(invalid("TRK-1", "DATE_IN_FUTURE", "contactDate"));
    }

    @Test
    void contactBeforeRegistrationRejected() {
        fixture.given(opened(), registered(1, THURSDAY))
                .when(phoneContact("contact-0001", THURSDAY.minusDays(1)))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(invalid("TRK-1", "DATE_BEFORE_REGISTRATION", "contactDate"));
    }

    // ---------------------------------------------------------------- employment and cancellation (CAN-1..CAN-2)

    @Test
    void recordsEmployment() {
        EmploymentDetails business = new EmploymentDetails(EmploymentType.SELF_EMPLOYED, "张三便利店",
                LocalDate.of(2026, 3, 16));
        Evidence licence = new Evidence(Evidence.EvidenceSource.DOCUMENT, "营业执照 91110105MA0000000X", null);
        fixture.given(opened(), registered(1, THURSDAY))
                .when(new RecordEmploymentCommand(CASE_ID, business, licence, TODAY_DATE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new Employed(CASE_ID, 1, business, licence, null, STREET));
    }

    @Test
    void overlongEvidenceIsRejected() {
        fixture.given(opened(), registered(1, THURSDAY))
                .when(new RecordEmploymentCommand(CASE_ID, new EmploymentDetails(EmploymentType.EMPLOYED_BY_UNIT,
                        "某某公司", LocalDate.of(2026, 3, 16)),
                        new Evidence(Evidence.EvidenceSource.DOCUMENT, "劳动合同", "长".repeat(1001)), TODAY_DATE))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(invalid("INPUT", "TOO_LONG", "evidence.description"));
    }

    @Test
    void employmentRequiresEvidence() {
        fixture.given(opened(), registered(1, THURSDAY))
                .when(new RecordEmploymentCommand(CASE_ID, new EmploymentDetails(EmploymentType.EMPLOYED_BY_UNIT,
                        "某某公司", LocalDate.of(2026, 3, 16)), null, TODAY_DATE))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(invalid("CAN-2", "EVIDENCE_MISSING", "evidence"));
    }

    @Test
    void employmentStartingInFutureRejected() {
        fixture.given(opened(), registered(1, THURSDAY))
                .when(new RecordEmploymentCommand(CASE_ID, new EmploymentDetails(EmploymentType.EMPLOYED_BY_UNIT,
                        "某某公司", TODAY_DATE.plusDays(1)),
                        new Evidence(Evidence.EvidenceSource.DOCUMENT, "劳动合同", null), TODAY_DATE))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(invalid("CAN-1", "DATE_IN_FUTURE", "employment.startDate"));
    }

    @Test
    void cancelsOnGroundWithEvidenceAndNotification() {
        Evidence notice = new Evidence(Evidence.EvidenceSource.DOCUMENT, "入伍通知书 2026-031", "应征入伍");
        Notification told = new Notification(Notification.NotificationMethod.PHONE, TODAY_DATE);
        LocalDate effective = LocalDate.of(2026, 3, 18);
        fixture.given(opened(), registered(1, THURSDAY))
                .when(new CancelRegistrationCommand(CASE_ID, CancellationGround.ENLISTED, notice, effective, told, TODAY_DATE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RegistrationCancelled(CASE_ID, 1, CancellationGround.ENLISTED, notice, effective,
                        told, STREET));
    }

    @Test
    void cancellationNeedsNotification() {
        fixture.given(opened(), registered(1, THURSDAY))
                .when(new CancelRegistrationCommand(CASE_ID, CancellationGround.ENLISTED,
                        new Evidence(Evidence.EvidenceSource.DOCUMENT, "入伍通知书", null), LocalDate.of(2026, 3, 18),
                        null, TODAY_DATE))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(invalid("CAN-2", "NOTIFICATION_MISSING", "notification"));
    }

    @Test
    void notificationDatedInTheFutureIsRejected() {
        fixture.given(opened(), registered(1, THURSDAY))
                .when(new CancelRegistrationCommand(CASE_ID, CancellationGround.ENLISTED,
                        new Evidence(Evidence.EvidenceSource.DOCUMENT, "入伍通知书", null), LocalDate.of(2026, 3, 18),
                        new Notification(Notification.NotificationMethod.PHONE, TODAY_DATE.plusDays(1)), TODAY_DATE))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(invalid("CAN-2", "DATE_IN_FUTURE", "notification.notifiedOn"));
    }

    @Test
    void cancellationNeedsEvidence() {
        fixture.given(opened(), registered(1, THURSDAY))
                .when(new CancelRegistrationCommand(CASE_ID, CancellationGround.MOVED_ABROAD, null,
                        LocalDate.of(2026, 3, 18),
                        new Notification(Notification.NotificationMethod.LETTER, TODAY_DATE), TODAY_DATE))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(invalid("CAN-2", "EVIDENCE_MISSING", "evidence"));
    }

    @Test
    void cancellationNeedsActiveRegistration() {
        fixture.given(opened(), appliedOnline())
                .when(new CancelRegistrationCommand(CASE_ID, CancellationGround.DIED,
                        new Evidence(Evidence.EvidenceSource.DATA_MATCH, "户籍注销", null), THURSDAY,
                        new Notification(Notification.NotificationMethod.LETTER, THURSDAY), TODAY_DATE))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(conflict("CAN-1", "NO_ACTIVE_REGISTRATION", null));
    }

    // ---------------------------------------------------------------- erasure of personal data (PRIV-1, PRIV-2)

    /** Five years (the default retention policy) after the cancellation of spell 1 on 2025-12-01. */
    private static final LocalDate RETENTION_OVER = LocalDate.of(2030, 12, 1);

    private static ErasePersonalDataCommand erase(LocalDate requestedOn) {
        return new ErasePersonalDataCommand(CASE_ID, requestedOn, "保存期限届满，依申请删除");
    }

    private static Map<String, Object> byAdministrator() {
        return Map.of(CaseMetadata.OFFICER, ADMIN, CaseMetadata.AGENCY, CITY, CaseMetadata.CORRELATION_ID, "corr-erase-1");
    }

    /** The case's stored form of the person exists, as after its first events were appended. */
    private void personStored() {
        protector.seal(STORED_PERSON);
    }

    private void snapshotRow(String caseId) {
        jdbc.update("INSERT INTO SnapshotEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,"
                + " payload, payloadType, timeStamp) VALUES (?, 2, 'ClientCase', ?, X'7B7D', 'ClientCase',"
                + " '2026-01-01T00:00:00Z')", caseId, "snapshot-" + caseId);
    }

    private int snapshotRows(String caseId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?",
                Integer.class, caseId);
    }

    private List<AccessLogEntry> erasuresLogged() {
        return accessLog.search(null, AccessAction.PERSONAL_DATA_ERASED, null, null, null, 10);
    }

    /** The aggregate as Axon's stored form writes its snapshot (see AxonSerializerConfiguration). */
    private String snapshotOf(ClientCase clientCase) {
        ObjectMapper mapper = Jackson2ObjectMapperBuilder.json().serializationInclusion(JsonInclude.Include.NON_NULL)
                .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        new PersonalDataSealing(protector).customize(mapper);
        try {
            return mapper.writeValueAsString(clientCase);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void erasureAfterTheRetentionPeriodDestroysTheKeyUnlinksThePersonDropsSnapshotsAndIsLogged() {
        indexPerson(ID, CASE_ID);
        personStored();
        snapshotRow(CASE_ID);
        snapshotRow("case-other");
        fixture.given(firstSpellCancelled())
                .when(erase(RETENTION_OVER), byAdministrator())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PersonalDataErased(CASE_ID, RETENTION_OVER, RETENTION))
                .expectState(clientCase -> assertThat(snapshotOf(clientCase))
                        .as("a snapshot taken after the erasure")
                        .doesNotContain(ID).doesNotContain("张三").doesNotContain("13812345678")
                        .doesNotContain("sealed").contains("\"erased\":{\"subject\":\"" + CASE_ID + "\"}"));

        assertThat(keys.isDestroyed(CASE_ID)).isTrue();
        assertThat(personCaseRows()).isZero();
        assertThat(snapshotRows(CASE_ID)).isZero();
        assertThat(snapshotRows("case-other")).isOne();
        assertThat(erasuresLogged()).singleElement().satisfies(entry -> {
            assertThat(entry.officerId()).isEqualTo(ADMIN);
            assertThat(entry.agencyId()).isEqualTo(CITY);
            assertThat(entry.target()).isEqualTo(CASE_ID);
            assertThat(entry.correlationId()).isEqualTo("corr-erase-1");
            assertThat(entry.detail()).contains(RETENTION).contains("保存期限届满");
        });
    }

    @Test
    void erasureBeforeTheRetentionPeriodIsOverIsRefused() {
        indexPerson(ID, CASE_ID);
        personStored();
        fixture.given(firstSpellCancelled())
                .when(erase(RETENTION_OVER.minusDays(1)), byAdministrator())
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(conflict("PRIV-2", "RETENTION_PERIOD_NOT_OVER", null));
        assertThat(keys.isDestroyed(CASE_ID)).isFalse();
        assertThat(personCaseRows()).isOne();
        assertThat(erasuresLogged()).isEmpty();
    }

    @Test
    void retentionRunsFromTheEndOfTheLastSpellNotTheFirst() {
        LocalDate secondSpellEnded = LocalDate.of(2026, 3, 16);
        fixture.given(firstSpellCancelled()).andGiven(registered(2, THURSDAY),
                        new Employed(CASE_ID, 2, new EmploymentDetails(EmploymentType.FLEXIBLE, null, secondSpellEnded),
                                new Evidence(Evidence.EvidenceSource.STATEMENT, null, "本人陈述"), null, STREET))
                .when(erase(RETENTION_OVER), byAdministrator())
                .expectNoEvents()
                .expectExceptionDetails(conflict("PRIV-2", "RETENTION_PERIOD_NOT_OVER", null));
    }

    @Test
    void retentionOfAPersonWhoNeverRegisteredRunsFromTheOpeningOfTheirCase() {
        personStored();
        LocalDate fiveYearsLater = THURSDAY.plusYears(5);
        fixture.given(opened(), refused(THURSDAY, new RefusalReason("REG-1", "EMPLOYED", "declaration.employed")))
                .when(erase(fiveYearsLater), byAdministrator())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PersonalDataErased(CASE_ID, fiveYearsLater, RETENTION));
    }

    @Test
    void erasureWhileARegistrationIsActiveIsRefused() {
        fixture.given(opened(), registered(1, LocalDate.of(2019, 3, 4)))
                .when(erase(TODAY_DATE), byAdministrator())
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(conflict("PRIV-1", "REGISTRATION_ACTIVE", null));
        assertThat(keys.isDestroyed(CASE_ID)).isFalse();
    }

    @Test
    void erasureWhileAnApplicationIsPendingIsRefused() {
        fixture.given(opened(), appliedOnline())
                .when(erase(THURSDAY.plusYears(6)), byAdministrator())
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(conflict("PRIV-1", "APPLICATION_PENDING", null));
    }

    @Test
    void erasingTwiceIsAConflict() {
        fixture.given(firstSpellCancelled()).andGiven(new PersonalDataErased(CASE_ID, RETENTION_OVER, RETENTION))
                .when(erase(RETENTION_OVER.plusDays(1)), byAdministrator())
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(conflict("PRIV-1", "ALREADY_ERASED", null));
        assertThat(erasuresLogged()).isEmpty();
    }

    @Test
    void erasureNeedsAReason() {
        fixture.given(firstSpellCancelled())
                .when(new ErasePersonalDataCommand(CASE_ID, RETENTION_OVER, "  "), byAdministrator())
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(invalid("INPUT", "MISSING", "reason"));
    }

    @Test
    void anErasedCaseTakesNoNewPersonalDetails() {
        fixture.given(firstSpellCancelled()).andGiven(new PersonalDataErased(CASE_ID, RETENTION_OVER, RETENTION))
                .when(new UpdatePersonalDetailsCommand(CASE_ID, "张三", "13900001111"))
                .expectNoEvents()
                .expectException(CaseRuleViolation.class)
                .expectExceptionDetails(conflict("PRIV-1", "PERSONAL_DATA_ERASED", null));
    }

    @Test
    void afterErasureThePersonRegistersAfreshAsANewCase() {
        LocalDate longAgo = LocalDate.of(2019, 3, 7);
        fixture.givenCommands(atWindow(longAgo),
                        new RecordEmploymentCommand(CASE_ID, new EmploymentDetails(EmploymentType.EMPLOYED_BY_UNIT,
                                "某某公司", longAgo.plusDays(10)),
                                new Evidence(Evidence.EvidenceSource.DATA_MATCH, "社保参保 2019-03", null), TODAY_DATE))
                .when(erase(TODAY_DATE), byAdministrator())
                .expectEvents(new PersonalDataErased(CASE_ID, TODAY_DATE, RETENTION));

        // The next registration of the same ID number, as the next command would find the database.
        FixtureConfiguration<ClientCase> next = new AggregateTestFixture<>(ClientCase.class);
        next.registerInjectableResource(new TrackingPolicyBook(new TrackingPolicyProperties(List.of())));
        next.registerAnnotatedCommandHandler(new RegistrationCommandHandler(next.getRepository(),
                new PersonCaseIndex(jdbc), blindIndex, new RegistrationPolicyBook(new PolicyProperties(List.of())),
                WorkingDayCalendar.load(), new AgencyDirectory(List.of(
                        new Agency(COUNTY, "XX市中心区公共就业服务中心", Agency.Level.COUNTY, null),
                        new Agency(STREET, "中心区解放街道劳动保障所", Agency.Level.STREET, COUNTY)))));
        next.givenNoPriorActivity()
                .when(atWindow("case-0002", PERSON, THURSDAY, PresentedDocument.RESIDENT_ID_CARD, ELIGIBLE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CaseOpened("case-0002", PERSON.withDataSubject("case-0002"), BIRTH, Sex.MALE, STREET),
                        new UnemploymentRegistered("case-0002", 1, THURSDAY, Channel.WINDOW,
                                PresentedDocument.RESIDENT_ID_CARD, UnemploymentReason.LOST_JOB, CATEGORIES, STREET,
                                POLICY));
        assertThat(jdbc.queryForObject("SELECT case_id FROM person_case WHERE id_number_hash = ?", String.class,
                blindIndex.ofIdNumber(ID))).isEqualTo("case-0002");
        assertThat(keys.isDestroyed(CASE_ID)).isTrue();
    }

    // ---------------------------------------------------------------- resident ID numbers for test data

    /** Builds valid GB 11643 numbers so a test controls the birth date (and so the age) exactly. */
    static final class IdNumbers {

        private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        private static final String CHECK = "10X98765432";

        private IdNumbers() {
        }

        /** Region 110105 (Beijing Chaoyang), the birth date, a 3-digit sequence; odd last digit = male. */
        static String of(LocalDate birthDate, String sequence) {
            return withCheckCharacter(String.format("110105%04d%02d%02d%s", birthDate.getYear(),
                    birthDate.getMonthValue(), birthDate.getDayOfMonth(), sequence));
        }

        static String withCheckCharacter(String first17) {
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += (first17.charAt(i) - '0') * WEIGHTS[i];
            }
            return first17 + CHECK.charAt(sum % 11);
        }
    }
}
