package cn.pes.casework.command.clientcase;

import cn.pes.casework.command.calendar.WorkingDayCalendar;
import cn.pes.casework.command.policy.JobServicePolicyBook;
import cn.pes.casework.command.policy.JobServicePolicyProperties;
import cn.pes.casework.command.policy.TrackingPolicy;
import cn.pes.casework.command.policy.TrackingPolicyBook;
import cn.pes.casework.command.policy.TrackingPolicyProperties;
import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.cancellation.CancellationProposalConfirmed;
import cn.pes.casework.events.cancellation.CancellationProposalDismissed;
import cn.pes.casework.events.cancellation.CancellationProposed;
import cn.pes.casework.events.cancellation.Evidence;
import cn.pes.casework.events.cancellation.Notification;
import cn.pes.casework.events.cancellation.RegistrationCancelled;
import cn.pes.casework.events.comparison.ConfirmStatusChangeProposalCommand;
import cn.pes.casework.events.comparison.DismissStatusChangeProposalCommand;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import cn.pes.casework.events.comparison.ExternalRecord;
import cn.pes.casework.events.comparison.ExternalRecordKind;
import cn.pes.casework.events.comparison.MatchExternalRecordCommand;
import cn.pes.casework.events.comparison.MatchOutcome;
import cn.pes.casework.events.comparison.ProposalSource;
import cn.pes.casework.events.comparison.StatusChangeProposalConfirmed;
import cn.pes.casework.events.comparison.StatusChangeProposalDismissed;
import cn.pes.casework.events.comparison.StatusChangeProposed;
import cn.pes.casework.events.employer.EmploymentForm;
import cn.pes.casework.events.employment.Employed;
import cn.pes.casework.events.employment.EmploymentDetails;
import cn.pes.casework.events.employment.EmploymentType;
import cn.pes.casework.events.employment.RecordEmploymentCommand;
import cn.pes.casework.events.jobseeking.BasicInformation;
import cn.pes.casework.events.jobseeking.EducationLevel;
import cn.pes.casework.events.jobseeking.JobIntentions;
import cn.pes.casework.events.jobseeking.JobSeekingCloseReason;
import cn.pes.casework.events.jobseeking.JobSeekingClosed;
import cn.pes.casework.events.jobseeking.JobSeekingRegistered;
import cn.pes.casework.events.registration.ApproveRegistrationCommand;
import cn.pes.casework.events.registration.CaseOpened;
import cn.pes.casework.events.registration.PresentedDocument;
import cn.pes.casework.events.registration.RegistrationApplied;
import cn.pes.casework.events.registration.UnemploymentReason;
import cn.pes.casework.events.registration.UnemploymentRegistered;
import cn.pes.casework.events.shared.CaseMetadata;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.events.shared.RuleViolation;
import cn.pes.casework.events.shared.Sex;
import cn.pes.casework.events.tracking.ContactMethod;
import cn.pes.casework.events.tracking.EmploymentStatus;
import cn.pes.casework.events.tracking.RecordTrackingContactCommand;
import cn.pes.casework.events.tracking.TrackingContactRecorded;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case's side of information comparison (信息比对, TRK-2) and lost contact (失联, CAN-1): matches
 * recorded as tracking contacts, the status-change proposals they raise, their confirmation and dismissal
 * by an officer (CAN-2, CAN-3), and the lost-contact clock counting months from the last contact (TIME-2)
 * under the default tracking policy (6 months) unless a test sets another.
 */
class StatusChangeProposalTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String CITY = "9901";
    private static final String COUNTY = "990101";
    private static final String STREET = "990101001";
    private static final String OTHER_COUNTY = "990102";
    private static final String CASE_ID = "case-0001";
    private static final String BATCH = "batch-0001";
    private static final String SOURCE = "市社保中心";
    private static final String EMPLOYER = "XX市东湖机械制造有限公司";
    private static final LocalDate REGISTERED_ON = LocalDate.of(2026, 3, 2);
    private static final LocalDate REFERENCE = LocalDate.of(2026, 5, 31);
    private static final LocalDate RECORD_DATE = LocalDate.of(2026, 4, 15);
    private static final LocalDate PROCESSED_ON = LocalDate.of(2026, 6, 2);
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 10);
    private static final Notification TOLD = new Notification(Notification.NotificationMethod.PHONE, TODAY);

    private final AgencyDirectory agencies = new AgencyDirectory(List.of(
            new Agency(CITY, "XX市公共就业服务中心", Agency.Level.CITY, null),
            new Agency(COUNTY, "XX市中心区公共就业服务中心", Agency.Level.COUNTY, null),
            new Agency(STREET, "中心区解放街道劳动保障所", Agency.Level.STREET, COUNTY),
            new Agency(OTHER_COUNTY, "XX市东区公共就业服务中心", Agency.Level.COUNTY, null)));

    private FixtureConfiguration<ClientCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(new TrackingPolicyBook(new TrackingPolicyProperties(List.of())));
    }

    private FixtureConfiguration<ClientCase> fixtureWith(TrackingPolicyBook tracking) {
        FixtureConfiguration<ClientCase> configured = new AggregateTestFixture<>(ClientCase.class);
        configured.registerInjectableResource(agencies);
        configured.registerInjectableResource(tracking);
        configured.registerInjectableResource(new JobServicePolicyBook(new JobServicePolicyProperties(List.of())));
        configured.registerInjectableResource(WorkingDayCalendar.load());
        return configured;
    }

    // ---------------------------------------------------------------- helpers

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(SHANGHAI).toInstant();
    }

    private static CaseOpened opened() {
        return new CaseOpened(CASE_ID, new PersonalData("110105199003071239", "张三", null, CASE_ID),
                LocalDate.of(1990, 3, 7), Sex.MALE, STREET);
    }

    private static UnemploymentRegistered registered() {
        return new UnemploymentRegistered(CASE_ID, 1, REGISTERED_ON, Channel.WINDOW,
                PresentedDocument.RESIDENT_ID_CARD, UnemploymentReason.LOST_JOB, Set.of(), STREET, "REG-DEFAULT");
    }

    private static ExternalRecord record(ExternalRecordKind kind, int line, LocalDate recordDate, String organisation) {
        return new ExternalRecord(BATCH, line, kind, SOURCE, REFERENCE, recordDate, organisation);
    }

    private static ExternalRecord record(ExternalRecordKind kind) {
        return record(kind, 7, RECORD_DATE, kind.organisationRequired() ? EMPLOYER : null);
    }

    private static MatchExternalRecordCommand match(ExternalRecord record) {
        return new MatchExternalRecordCommand(CASE_ID, record, PROCESSED_ON);
    }

    private static Evidence evidenceOf(ExternalRecord record) {
        return new Evidence(Evidence.EvidenceSource.DATA_MATCH, record.batchId() + ":" + record.line(),
                StatusChangeProposals.describe(record));
    }

    private static TrackingContactRecorded matchContact(ExternalRecord record, boolean proposes) {
        return new TrackingContactRecorded(CASE_ID, 1, "match-" + record.batchId() + "-" + record.line(),
                record.referenceDate(), ContactMethod.INFORMATION_COMPARISON,
                SOURCE + " (" + record.batchId() + ":" + record.line() + ")", false, null, Set.of(), null,
                proposes ? record.kind().ground() : null, proposes ? evidenceOf(record) : null, STREET);
    }

    private static StatusChangeProposed proposedFor(ExternalRecord record, EmploymentDetails employment) {
        return new StatusChangeProposed(CASE_ID, 1, StatusChangeProposals.proposalIdFor(record),
                ProposalSource.DATA_MATCH, employment, record.kind().ground(), evidenceOf(record), record, null,
                PROCESSED_ON, STREET);
    }

    private static StatusChangeProposed proposedFor(ExternalRecord record) {
        return proposedFor(record, record.kind().employmentType() == null ? null
                : new EmploymentDetails(record.kind().employmentType(), record.organisation(), record.recordDate()));
    }

    private static StatusChangeProposed lostContactProposed(LocalDate lastContactOn, int months, LocalDate proposedOn) {
        return new StatusChangeProposed(CASE_ID, 1, "lost-contact-1-" + lastContactOn, ProposalSource.LOST_CONTACT,
                null, CancellationGround.NO_CONTACT_SIX_MONTHS,
                new Evidence(Evidence.EvidenceSource.CONTACT_RECORD, "last-contact:" + lastContactOn,
                        "自 " + lastContactOn + " 起连续 " + months + " 个月未与经办机构联系 (no contact with the agency for "
                                + months + " months)"),
                null, lastContactOn, proposedOn, STREET);
    }

    private static RuleViolation violation(String ruleId, String code, String field, RuleViolation.Kind kind) {
        return RuleViolation.of(ruleId, code, field, kind);
    }

    private static RecordTrackingContactCommand phoneCall(String contactId, LocalDate on) {
        return new RecordTrackingContactCommand(CASE_ID, contactId, on, ContactMethod.PHONE, null, true,
                EmploymentStatus.UNEMPLOYED, Set.of(), null, null, null, null, on);
    }

    // ---------------------------------------------------------------- matching (TRK-2, CAN-3)

    @ParameterizedTest
    @EnumSource(ExternalRecordKind.class)
    void eachKindOfRecordIsATrackingContactAndProposesTheChangeItImplies(ExternalRecordKind kind) {
        ExternalRecord record = record(kind);
        fixture.given(opened(), registered())
                .when(match(record))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(MatchOutcome.PROPOSED)
                .expectEvents(matchContact(record, true), proposedFor(record));
    }

    @Test
    void aBatchUploadedInAnotherCountyDoesNotReachThisCase() {
        ExternalRecord record = record(ExternalRecordKind.DEATH);
        fixture.given(opened(), registered())
                .when(new GenericCommandMessage<>(match(record), MetaData.with(CaseMetadata.AGENCY, OTHER_COUNTY)
                        .and(CaseMetadata.OFFICER, "officer-" + OTHER_COUNTY)))
                .expectException(CaseRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aBatchUploadedAtTheCityReachesEveryCase() {
        ExternalRecord record = record(ExternalRecordKind.DEATH);
        fixture.given(opened(), registered())
                .when(new GenericCommandMessage<>(match(record), MetaData.with(CaseMetadata.AGENCY, CITY)
                        .and(CaseMetadata.OFFICER, "officer-" + CITY)))
                .expectResultMessagePayload(MatchOutcome.PROPOSED)
                .expectEvents(matchContact(record, true), proposedFor(record));
    }

    @Test
    void anOfficerOfAnotherCountyStillCannotDecideThisCasesProposal() {
        ExternalRecord record = record(ExternalRecordKind.DEATH);
        fixture.given(opened(), registered(), matchContact(record, true), proposedFor(record))
                .when(new GenericCommandMessage<>(new DismissStatusChangeProposalCommand(CASE_ID,
                        StatusChangeProposals.proposalIdFor(record), "不是本人", TODAY),
                        MetaData.with(CaseMetadata.AGENCY, OTHER_COUNTY).and(CaseMetadata.OFFICER, "officer-x")))
                .expectException(CaseRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anEnrolmentProposesEmploymentByTheUnitWithAReadableEvidence() {
        ExternalRecord record = record(ExternalRecordKind.SOCIAL_INSURANCE_ENROLMENT);
        String proposalId = StatusChangeProposals.proposalIdFor(record);
        fixture.given(opened(), registered())
                .when(match(record))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.axonframework.test.matchers.Matchers.matches(e -> e instanceof TrackingContactRecorded),
                                org.axonframework.test.matchers.Matchers.matches(e -> e instanceof StatusChangeProposed p
                                        && p.employment().equals(new EmploymentDetails(EmploymentType.EMPLOYED_BY_UNIT,
                                        EMPLOYER, RECORD_DATE))
                                        && p.ground() == null
                                        && p.evidence().description().equals("信息比对：社会保险参保登记（市社保中心），记录日期 "
                                        + "2026-04-15，单位 XX市东湖机械制造有限公司")),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
        assertThat(proposalId).matches("match-SOCIAL_INSURANCE_ENROLMENT-2026-04-15-[0-9a-f]{8}");
    }

    @Test
    void theProposalIdComesFromTheRecordNotTheBatchAndIgnoresHowTheOrganisationIsWritten() {
        ExternalRecord first = record(ExternalRecordKind.SOCIAL_INSURANCE_ENROLMENT, 7, RECORD_DATE, EMPLOYER);
        ExternalRecord later = new ExternalRecord("batch-0002", 3, ExternalRecordKind.SOCIAL_INSURANCE_ENROLMENT,
                SOURCE, REFERENCE.plusMonths(1), RECORD_DATE, " XX市东湖机械制造有限公司 ");
        ExternalRecord otherEmployer = record(ExternalRecordKind.SOCIAL_INSURANCE_ENROLMENT, 8, RECORD_DATE, "别的公司");
        assertThat(StatusChangeProposals.proposalIdFor(later)).isEqualTo(StatusChangeProposals.proposalIdFor(first));
        assertThat(StatusChangeProposals.proposalIdFor(otherEmployer))
                .isNotEqualTo(StatusChangeProposals.proposalIdFor(first));
    }

    @Test
    void anEnrolmentBeforeTheSpellProposesEmploymentFromTheSpellsStart() {
        ExternalRecord record = record(ExternalRecordKind.SOCIAL_INSURANCE_ENROLMENT, 7, LocalDate.of(2025, 12, 1),
                EMPLOYER);
        fixture.given(opened(), registered())
                .when(match(record))
                .expectEvents(matchContact(record, true), proposedFor(record,
                        new EmploymentDetails(EmploymentType.EMPLOYED_BY_UNIT, EMPLOYER, REGISTERED_ON)));
    }

    @Test
    void theSameGroundOpenAlreadyRecordsTheContactOnly() {
        ExternalRecord first = record(ExternalRecordKind.FULL_TIME_SCHOOL, 7, RECORD_DATE, "XX职业技术学院");
        ExternalRecord second = new ExternalRecord("batch-0002", 2, ExternalRecordKind.FULL_TIME_SCHOOL, "市教育局",
                REFERENCE, RECORD_DATE.plusDays(1), "XX大学");
        fixture.given(opened(), registered(), matchContact(first, true), proposedFor(first))
                .when(match(second))
                .expectResultMessagePayload(MatchOutcome.CONTACT_ONLY)
                .expectEvents(new TrackingContactRecorded(CASE_ID, 1, "match-batch-0002-2", REFERENCE,
                        ContactMethod.INFORMATION_COMPARISON, "市教育局 (batch-0002:2)", false, null, Set.of(), null,
                        null, null, STREET));
    }

    @Test
    void anOpenEmploymentProposalMakesAnotherEmploymentKindContactOnly() {
        ExternalRecord enrolment = record(ExternalRecordKind.SOCIAL_INSURANCE_ENROLMENT);
        ExternalRecord business = record(ExternalRecordKind.BUSINESS_REGISTRATION, 9, RECORD_DATE, "张三便利店");
        fixture.given(opened(), registered(), matchContact(enrolment, true), proposedFor(enrolment))
                .when(match(business))
                .expectResultMessagePayload(MatchOutcome.CONTACT_ONLY)
                .expectEvents(matchContact(business, false));
    }

    @Test
    void aDifferentGroundIsProposedBesideAnOpenOne() {
        ExternalRecord school = record(ExternalRecordKind.FULL_TIME_SCHOOL);
        ExternalRecord enlistment = record(ExternalRecordKind.ENLISTMENT, 8, RECORD_DATE, null);
        fixture.given(opened(), registered(), matchContact(school, true), proposedFor(school))
                .when(match(enlistment))
                .expectResultMessagePayload(MatchOutcome.PROPOSED)
                .expectEvents(matchContact(enlistment, true), proposedFor(enlistment));
    }

    @Test
    void aRecordDismissedBeforeIsNotProposedAgainInALaterBatch() {
        ExternalRecord first = record(ExternalRecordKind.PENSION_START);
        ExternalRecord again = new ExternalRecord("batch-0002", 4, ExternalRecordKind.PENSION_START, SOURCE,
                REFERENCE.plusMonths(1), RECORD_DATE, null);
        fixture.given(opened(), registered(), matchContact(first, true), proposedFor(first),
                        new StatusChangeProposalDismissed(CASE_ID, StatusChangeProposals.proposalIdFor(first),
                                "养老金记录有误", TODAY))
                .when(new MatchExternalRecordCommand(CASE_ID, again, TODAY))
                .expectResultMessagePayload(MatchOutcome.CONTACT_ONLY)
                .expectEvents(new TrackingContactRecorded(CASE_ID, 1, "match-batch-0002-4", REFERENCE.plusMonths(1),
                        ContactMethod.INFORMATION_COMPARISON, SOURCE + " (batch-0002:4)", false, null, Set.of(), null,
                        null, null, STREET));
    }

    @Test
    void withoutAnActiveRegistrationNothingIsRecorded() {
        fixture.given(opened())
                .when(match(record(ExternalRecordKind.DEATH)))
                .expectResultMessagePayload(MatchOutcome.NOT_ACTIVE)
                .expectNoEvents();
    }

    @Test
    void recordsDescribingADayBeforeTheRegistrationRecordNothing() {
        ExternalRecord old = new ExternalRecord(BATCH, 7, ExternalRecordKind.DEATH, SOURCE,
                REGISTERED_ON.minusDays(1), REGISTERED_ON.minusDays(20), null);
        fixture.given(opened(), registered())
                .when(match(old))
                .expectResultMessagePayload(MatchOutcome.BEFORE_REGISTRATION)
                .expectNoEvents();
    }

    @Test
    void theSameRowSentAgainRecordsNothingAndAnswersAsTheFirstTime() {
        ExternalRecord proposing = record(ExternalRecordKind.IMPRISONMENT);
        fixture.given(opened(), registered(), matchContact(proposing, true), proposedFor(proposing))
                .when(match(proposing))
                .expectResultMessagePayload(MatchOutcome.PROPOSED)
                .expectNoEvents();
    }

    @Test
    void aContactOnlyRowSentAgainAnswersContactOnly() {
        ExternalRecord school = record(ExternalRecordKind.FULL_TIME_SCHOOL);
        ExternalRecord second = record(ExternalRecordKind.FULL_TIME_SCHOOL, 8, RECORD_DATE.plusDays(3), "XX大学");
        fixture.given(opened(), registered(), matchContact(school, true), proposedFor(school),
                        matchContact(second, false))
                .when(match(second))
                .expectResultMessagePayload(MatchOutcome.CONTACT_ONLY)
                .expectNoEvents();
    }

    @Test
    void aResentRowIsAnsweredTheSameEvenAfterTheSpellEnded() {
        ExternalRecord death = record(ExternalRecordKind.DEATH);
        fixture.given(opened(), registered(), matchContact(death, true), proposedFor(death),
                        new StatusChangeProposalConfirmed(CASE_ID, StatusChangeProposals.proposalIdFor(death), TODAY),
                        new RegistrationCancelled(CASE_ID, 1, CancellationGround.DIED, evidenceOf(death), RECORD_DATE,
                                TOLD, STREET))
                .when(match(death))
                .expectResultMessagePayload(MatchOutcome.PROPOSED)
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- confirmation and dismissal (CAN-2, CAN-3)

    @Test
    void confirmingAnEmploymentEndsTheSpellOnTheRecordsDateAndClosesJobSeeking() {
        ExternalRecord record = record(ExternalRecordKind.SOCIAL_INSURANCE_ENROLMENT);
        String proposalId = StatusChangeProposals.proposalIdFor(record);
        EmploymentDetails employment = new EmploymentDetails(EmploymentType.EMPLOYED_BY_UNIT, EMPLOYER, RECORD_DATE);
        fixture.given(opened(), registered(), jobSeekingRegistered(), matchContact(record, true), proposedFor(record))
                .when(new ConfirmStatusChangeProposalCommand(CASE_ID, proposalId, null, null, TODAY))
                .expectEvents(new StatusChangeProposalConfirmed(CASE_ID, proposalId, TODAY),
                        new Employed(CASE_ID, 1, employment, evidenceOf(record), null, STREET),
                        new JobSeekingClosed(CASE_ID, "js-0001", JobSeekingCloseReason.EMPLOYED, RECORD_DATE));
    }

    @Test
    void confirmingAnEmploymentWithAnEffectiveDateCorrectsTheStart() {
        ExternalRecord record = record(ExternalRecordKind.BUSINESS_REGISTRATION);
        String proposalId = StatusChangeProposals.proposalIdFor(record);
        LocalDate corrected = RECORD_DATE.plusDays(5);
        fixture.given(opened(), registered(), matchContact(record, true), proposedFor(record))
                .when(new ConfirmStatusChangeProposalCommand(CASE_ID, proposalId, corrected, null, TODAY))
                .expectEvents(new StatusChangeProposalConfirmed(CASE_ID, proposalId, TODAY),
                        new Employed(CASE_ID, 1, new EmploymentDetails(EmploymentType.SELF_EMPLOYED, EMPLOYER, corrected),
                                evidenceOf(record), null, STREET));
    }

    @Test
    void anEmploymentStartAfterTodayIsRefused() {
        ExternalRecord record = record(ExternalRecordKind.SOCIAL_INSURANCE_ENROLMENT);
        fixture.given(opened(), registered(), matchContact(record, true), proposedFor(record))
                .when(new ConfirmStatusChangeProposalCommand(CASE_ID, StatusChangeProposals.proposalIdFor(record),
                        TODAY.plusDays(1), null, TODAY))
                .expectExceptionDetails(violation("CAN-1", "DATE_IN_FUTURE", "effectiveDate",
                        RuleViolation.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void confirmingACancellationMayTakeEffectBeforeTheProposal() {
        ExternalRecord record = record(ExternalRecordKind.ENLISTMENT, 7, RECORD_DATE, null);
        String proposalId = StatusChangeProposals.proposalIdFor(record);
        fixture.given(opened(), registered(), jobSeekingRegistered(), matchContact(record, true), proposedFor(record))
                .when(new ConfirmStatusChangeProposalCommand(CASE_ID, proposalId, RECORD_DATE, TOLD, TODAY))
                .expectEvents(new StatusChangeProposalConfirmed(CASE_ID, proposalId, TODAY),
                        new RegistrationCancelled(CASE_ID, 1, CancellationGround.ENLISTED, evidenceOf(record),
                                RECORD_DATE, TOLD, STREET),
                        new JobSeekingClosed(CASE_ID, "js-0001", JobSeekingCloseReason.REGISTRATION_CANCELLED,
                                RECORD_DATE));
    }

    @Test
    void aCancellationTakingEffectAfterTodayIsRefused() {
        ExternalRecord record = record(ExternalRecordKind.DEPARTURE_ABROAD, 7, RECORD_DATE, null);
        fixture.given(opened(), registered(), matchContact(record, true), proposedFor(record))
                .when(new ConfirmStatusChangeProposalCommand(CASE_ID, StatusChangeProposals.proposalIdFor(record),
                        TODAY.plusDays(1), TOLD, TODAY))
                .expectExceptionDetails(violation("CAN-2", "DATE_IN_FUTURE", "effectiveDate",
                        RuleViolation.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void aCancellationWithoutNotificationIsRefused() {
        ExternalRecord record = record(ExternalRecordKind.DEPARTURE_ABROAD, 7, RECORD_DATE, null);
        fixture.given(opened(), registered(), matchContact(record, true), proposedFor(record))
                .when(new ConfirmStatusChangeProposalCommand(CASE_ID, StatusChangeProposals.proposalIdFor(record),
                        RECORD_DATE, null, TODAY))
                .expectExceptionDetails(violation("CAN-2", "NOTIFICATION_MISSING", "notification",
                        RuleViolation.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void dismissingRecordsTheReason() {
        ExternalRecord record = record(ExternalRecordKind.PENSION_START);
        String proposalId = StatusChangeProposals.proposalIdFor(record);
        fixture.given(opened(), registered(), matchContact(record, true), proposedFor(record))
                .when(new DismissStatusChangeProposalCommand(CASE_ID, proposalId, " 核实为同名他人 ", TODAY))
                .expectEvents(new StatusChangeProposalDismissed(CASE_ID, proposalId, "核实为同名他人", TODAY))
                .expectNoScheduledDeadlines();
    }

    @Test
    void dismissingWithoutAReasonIsRefused() {
        ExternalRecord record = record(ExternalRecordKind.PENSION_START);
        fixture.given(opened(), registered(), matchContact(record, true), proposedFor(record))
                .when(new DismissStatusChangeProposalCommand(CASE_ID, StatusChangeProposals.proposalIdFor(record),
                        " ", TODAY))
                .expectExceptionDetails(violation("CAN-3", "DISMISSAL_REASON_MISSING", "reason",
                        RuleViolation.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void dismissingBeforeTheProposalIsRefused() {
        ExternalRecord record = record(ExternalRecordKind.PENSION_START);
        fixture.given(opened(), registered(), matchContact(record, true), proposedFor(record))
                .when(new DismissStatusChangeProposalCommand(CASE_ID, StatusChangeProposals.proposalIdFor(record),
                        "核实为同名他人", PROCESSED_ON.minusDays(1)))
                .expectExceptionDetails(violation("CAN-3", "DATE_BEFORE_PROPOSAL", "decidedOn",
                        RuleViolation.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void anUnknownProposalIsNotFound() {
        fixture.given(opened(), registered())
                .when(new DismissStatusChangeProposalCommand(CASE_ID, "match-nothing", "理由", TODAY))
                .expectExceptionDetails(violation("CAN-3", "PROPOSAL_NOT_FOUND", "proposalId",
                        RuleViolation.Kind.NOT_FOUND));
    }

    @Test
    void aSettledProposalIsAConflict() {
        ExternalRecord record = record(ExternalRecordKind.PENSION_START);
        String proposalId = StatusChangeProposals.proposalIdFor(record);
        fixture.given(opened(), registered(), matchContact(record, true), proposedFor(record),
                        new StatusChangeProposalDismissed(CASE_ID, proposalId, "核实为同名他人", TODAY))
                .when(new ConfirmStatusChangeProposalCommand(CASE_ID, proposalId, TODAY, TOLD, TODAY))
                .expectExceptionDetails(violation("CAN-3", "PROPOSAL_ALREADY_SETTLED", "proposalId",
                        RuleViolation.Kind.CONFLICT));
    }

    @Test
    void openProposalsLapseWhenTheSpellEndsOtherwise() {
        ExternalRecord record = record(ExternalRecordKind.FULL_TIME_SCHOOL);
        String proposalId = StatusChangeProposals.proposalIdFor(record);
        EmploymentDetails employment = new EmploymentDetails(EmploymentType.EMPLOYED_BY_UNIT, "别的公司", TODAY);
        fixture.given(opened(), registered(), matchContact(record, true), proposedFor(record))
                .andGivenCommands(new RecordEmploymentCommand(CASE_ID, employment,
                        new Evidence(Evidence.EvidenceSource.DOCUMENT, "劳动合同", null), TODAY))
                .when(new ConfirmStatusChangeProposalCommand(CASE_ID, proposalId, TODAY, TOLD, TODAY))
                .expectExceptionDetails(violation("CAN-3", "PROPOSAL_ALREADY_SETTLED", "proposalId",
                        RuleViolation.Kind.CONFLICT))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- job seeking's proposal through the new commands

    private static JobSeekingRegistered jobSeekingRegistered() {
        return new JobSeekingRegistered(CASE_ID, 1, "js-0001", PresentedDocument.RESIDENT_ID_CARD,
                new BasicInformation(EducationLevel.VOCATIONAL_SECONDARY, 4, "数控车床操作"),
                new JobIntentions(List.of("数控车工"), 5000, COUNTY, Set.of(EmploymentForm.FULL_TIME)), STREET,
                REGISTERED_ON.plusDays(1), REGISTERED_ON.plusDays(2), false, "JOB-DEFAULT-2020");
    }

    private static CancellationProposed refusalsProposed() {
        return new CancellationProposed(CASE_ID, 1, "proposal-ref-3", CancellationGround.REFUSED_OFFERS_THREE_TIMES,
                new Evidence(Evidence.EvidenceSource.DOCUMENT, "referrals:ref-1,ref-2,ref-3", "拒绝 3 次"),
                List.of("ref-1", "ref-2", "ref-3"), PROCESSED_ON, STREET);
    }

    @Test
    void confirmingJobSeekingsProposalGivesItsOwnEvents() {
        CancellationProposed proposed = refusalsProposed();
        fixture.given(opened(), registered(), jobSeekingRegistered(), proposed)
                .when(new ConfirmStatusChangeProposalCommand(CASE_ID, "proposal-ref-3", TODAY, TOLD, TODAY))
                .expectEvents(new CancellationProposalConfirmed(CASE_ID, "proposal-ref-3", TODAY),
                        new RegistrationCancelled(CASE_ID, 1, CancellationGround.REFUSED_OFFERS_THREE_TIMES,
                                proposed.evidence(), TODAY, TOLD, STREET),
                        new JobSeekingClosed(CASE_ID, "js-0001", JobSeekingCloseReason.REGISTRATION_CANCELLED, TODAY));
    }

    @Test
    void dismissingJobSeekingsProposalGivesItsOwnEvent() {
        fixture.given(opened(), registered(), jobSeekingRegistered(), refusalsProposed())
                .when(new DismissStatusChangeProposalCommand(CASE_ID, "proposal-ref-3", "已说明理由", TODAY))
                .expectEvents(new CancellationProposalDismissed(CASE_ID, "proposal-ref-3", "已说明理由", TODAY));
    }

    @Test
    void jobSeekingsProposalKeepsItsRuleThatTheCancellationFollowsTheProposal() {
        fixture.given(opened(), registered(), jobSeekingRegistered(), refusalsProposed())
                .when(new ConfirmStatusChangeProposalCommand(CASE_ID, "proposal-ref-3", PROCESSED_ON.minusDays(1),
                        TOLD, TODAY))
                .expectExceptionDetails(violation("CAN-3", "DATE_BEFORE_PROPOSAL", "effectiveDate",
                        RuleViolation.Kind.INVALID));
    }

    // ---------------------------------------------------------------- lost contact (CAN-1, TIME-2)

    private static final LocalDate APPLIED_ON = LocalDate.of(2026, 1, 5);

    private static RegistrationApplied applied() {
        return new RegistrationApplied(CASE_ID, 1, APPLIED_ON, Channel.CITY_PES_CLOUD, UnemploymentReason.LOST_JOB,
                Set.of(), STREET, APPLIED_ON.plusDays(2), false, "REG-DEFAULT");
    }

    private static ApproveRegistrationCommand approve() {
        return new ApproveRegistrationCommand(CASE_ID, APPLIED_ON);
    }

    @Test
    void theStartOfASpellSetsTheClockForTheDayAfterSixMonths() {
        fixture.given(opened(), applied())
                .andGivenCurrentTime(startOf(APPLIED_ON).plusSeconds(36_000))
                .when(approve())
                .expectScheduledDeadlineWithName(startOf(LocalDate.of(2026, 7, 6)), LostContactClock.LOST_CONTACT);
    }

    @Test
    void sixMonthsWithoutContactProposeLostContactExactlyOnTheDayAfterThePeriod() {
        LocalDate lastCall = LocalDate.of(2026, 2, 10);
        ExternalRecord record = new ExternalRecord(BATCH, 7, ExternalRecordKind.FULL_TIME_SCHOOL, SOURCE,
                LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 20), "XX大学");
        fixture.given(opened(), applied())
                .andGivenCurrentTime(startOf(APPLIED_ON).plusSeconds(36_000))
                .andGivenCommands(approve(), phoneCall("call-1", lastCall),
                        // Neither a data match nor a contact by comparison marked as reached is contact with the person.
                        new MatchExternalRecordCommand(CASE_ID, record, LocalDate.of(2026, 4, 2)),
                        new RecordTrackingContactCommand(CASE_ID, "cmp-1", LocalDate.of(2026, 5, 1),
                                ContactMethod.INFORMATION_COMPARISON, "民政数据", true, EmploymentStatus.UNEMPLOYED,
                                Set.of(), null, null, null, null, LocalDate.of(2026, 5, 1)))
                .whenThenTimeAdvancesTo(startOf(LocalDate.of(2026, 8, 11)))
                .expectEvents(lostContactProposed(lastCall, 6, LocalDate.of(2026, 8, 11)));
    }

    @Test
    void nothingIsProposedDuringTheLastDayOfThePeriod() {
        fixture.given(opened(), applied())
                .andGivenCurrentTime(startOf(APPLIED_ON).plusSeconds(36_000))
                .andGivenCommands(approve(), phoneCall("call-1", LocalDate.of(2026, 2, 10)))
                .whenThenTimeAdvancesTo(LocalDate.of(2026, 8, 10).atTime(LocalTime.of(23, 59, 59))
                        .atZone(SHANGHAI).toInstant())
                .expectNoEvents()
                .expectScheduledDeadlineWithName(startOf(LocalDate.of(2026, 8, 11)), LostContactClock.LOST_CONTACT);
    }

    @Test
    void aContactInBetweenSetsTheClockAgainInsteadOfProposing() {
        fixture.given(opened(), applied())
                .andGivenCurrentTime(startOf(APPLIED_ON).plusSeconds(36_000))
                .andGivenCommands(approve(), phoneCall("call-1", LocalDate.of(2026, 6, 30)))
                .whenThenTimeAdvancesTo(startOf(LocalDate.of(2026, 7, 6)))
                .expectNoEvents()
                .expectScheduledDeadlineWithName(startOf(LocalDate.of(2026, 12, 31)), LostContactClock.LOST_CONTACT);
    }

    @Test
    void theMonthsCountToTheMonthsEndWhenTheDayIsMissing() {
        // TIME-2: six months from 08-31 end on 02-28; the proposal falls due on 03-01.
        LocalDate lastCall = LocalDate.of(2026, 8, 31);
        fixture.given(opened(), applied())
                .andGivenCurrentTime(startOf(APPLIED_ON).plusSeconds(36_000))
                .andGivenCommands(approve(), phoneCall("call-1", lastCall))
                .whenThenTimeAdvancesTo(startOf(LocalDate.of(2027, 3, 1)))
                .expectEvents(lostContactProposed(lastCall, 6, LocalDate.of(2027, 3, 1)));
    }

    @Test
    void anEndedSpellProposesNothing() {
        fixture.given(opened(), applied())
                .andGivenCurrentTime(startOf(APPLIED_ON).plusSeconds(36_000))
                .andGivenCommands(approve(), new RecordEmploymentCommand(CASE_ID,
                        new EmploymentDetails(EmploymentType.FLEXIBLE, null, LocalDate.of(2026, 2, 1)),
                        new Evidence(Evidence.EvidenceSource.STATEMENT, "本人申报", null), LocalDate.of(2026, 2, 1)))
                .whenThenTimeAdvancesTo(startOf(LocalDate.of(2026, 7, 6)))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void dismissingLostContactRestartsTheCountFromTheDismissal() {
        LocalDate proposedOn = LocalDate.of(2026, 7, 6);
        LocalDate dismissedOn = LocalDate.of(2026, 7, 10);
        fixture.given(opened(), registered(), lostContactProposed(REGISTERED_ON, 6, proposedOn))
                .andGivenCurrentTime(startOf(dismissedOn).plusSeconds(36_000))
                .when(new DismissStatusChangeProposalCommand(CASE_ID, "lost-contact-1-" + REGISTERED_ON,
                        "本人已来电说明", dismissedOn))
                .expectEvents(new StatusChangeProposalDismissed(CASE_ID, "lost-contact-1-" + REGISTERED_ON,
                        "本人已来电说明", dismissedOn))
                .expectScheduledDeadlineWithName(startOf(LocalDate.of(2027, 1, 11)), LostContactClock.LOST_CONTACT);
    }

    @Test
    void afterADismissalLostContactIsProposedAgainSixMonthsLater() {
        LocalDate dismissedOn = LocalDate.of(2026, 7, 10);
        fixture.given(opened(), registered(), lostContactProposed(REGISTERED_ON, 6, LocalDate.of(2026, 7, 6)))
                .andGivenCurrentTime(startOf(dismissedOn).plusSeconds(36_000))
                .andGivenCommands(new DismissStatusChangeProposalCommand(CASE_ID, "lost-contact-1-" + REGISTERED_ON,
                        "本人已来电说明", dismissedOn))
                .whenThenTimeAdvancesTo(startOf(LocalDate.of(2027, 1, 11)))
                .expectEvents(lostContactProposed(dismissedOn, 6, LocalDate.of(2027, 1, 11)));
    }

    @Test
    void theLostContactEventsAreThePlatformClocks() {
        fixture.given(opened(), applied())
                .andGivenCurrentTime(startOf(APPLIED_ON).plusSeconds(36_000))
                .andGivenCommands(approve())
                .whenThenTimeAdvancesTo(startOf(LocalDate.of(2026, 7, 6)))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.<EventMessage<?>>matches(m -> CaseMetadata.CLOCK_OFFICER.equals(m.getMetaData().get(CaseMetadata.OFFICER))
                                && STREET.equals(m.getMetaData().get(CaseMetadata.AGENCY))
                                && m.getPayload() instanceof StatusChangeProposed p
                                && p.source() == ProposalSource.LOST_CONTACT),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void aShorterPolicyFromADateAppliesToPeriodsCountedFromThatDate() {
        TrackingPolicyBook policies = new TrackingPolicyBook(new TrackingPolicyProperties(List.of(
                new TrackingPolicy("TRK-2020", LocalDate.of(2020, 1, 1), 6),
                new TrackingPolicy("TRK-2026-03", LocalDate.of(2026, 3, 1), 3))));
        LocalDate appliedOn = LocalDate.of(2026, 3, 10);
        FixtureConfiguration<ClientCase> threeMonths = fixtureWith(policies);
        threeMonths.given(opened(), new RegistrationApplied(CASE_ID, 1, appliedOn, Channel.CITY_PES_CLOUD,
                        UnemploymentReason.LOST_JOB, Set.of(), STREET, appliedOn.plusDays(2), false, "REG-DEFAULT"))
                .andGivenCurrentTime(startOf(appliedOn).plusSeconds(36_000))
                .andGivenCommands(new ApproveRegistrationCommand(CASE_ID, appliedOn))
                .whenThenTimeAdvancesTo(startOf(LocalDate.of(2026, 6, 11)))
                .expectEvents(lostContactProposed(appliedOn, 3, LocalDate.of(2026, 6, 11)));
        // Counted from a day before the new version, the old six months still apply.
        fixture.given(opened(), applied())
                .andGivenCurrentTime(startOf(APPLIED_ON).plusSeconds(36_000))
                .when(approve())
                .expectScheduledDeadlineWithName(startOf(LocalDate.of(2026, 7, 6)), LostContactClock.LOST_CONTACT);
    }

    // ---------------------------------------------------------------- snapshot

    @Test
    void proposalStateSurvivesASnapshotRoundTrip() {
        ExternalRecord school = record(ExternalRecordKind.FULL_TIME_SCHOOL);
        ExternalRecord pension = record(ExternalRecordKind.PENSION_START, 8, RECORD_DATE, null);
        List<Object> history = new ArrayList<>(List.of(opened(), registered(), matchContact(school, true),
                proposedFor(school), matchContact(pension, true), proposedFor(pension)));
        fixture.given(history)
                .when(new DismissStatusChangeProposalCommand(CASE_ID, StatusChangeProposals.proposalIdFor(pension),
                        "核实为同名他人", TODAY))
                .expectState(clientCase -> {
                    ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
                    try {
                        StatusChangeProposals state = clientCase.proposalsState();
                        StatusChangeProposals copy = mapper.readValue(mapper.writeValueAsString(state),
                                StatusChangeProposals.class);
                        assertThat(copy).usingRecursiveComparison().isEqualTo(state);
                        assertThat(copy.openProposal(StatusChangeProposals.proposalIdFor(school))).isNotNull();
                        assertThat(copy.settled(StatusChangeProposals.proposalIdFor(pension))).isTrue();
                        assertThat(copy.recordedMatch("match-" + BATCH + "-8")).isEqualTo(MatchOutcome.PROPOSED);
                        assertThat(copy.lastContactOn()).isEqualTo(REGISTERED_ON);
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }
}
