package cn.pes.casework.command.clientcase;

import cn.pes.casework.command.entrepreneurship.TrainingInstitutions;
import cn.pes.casework.events.entrepreneurship.CompleteEntrepreneurshipTrainingCommand;
import cn.pes.casework.events.entrepreneurship.EnrolInEntrepreneurshipTrainingCommand;
import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingCompleted;
import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingDroppedOut;
import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingEnrolled;
import cn.pes.casework.events.entrepreneurship.RecordTrainingDropOutCommand;
import cn.pes.casework.events.entrepreneurship.TrainingInstitution;
import cn.pes.casework.events.entrepreneurship.TrainingType;
import cn.pes.casework.events.erasure.PersonalDataErased;
import cn.pes.casework.events.registration.CaseOpened;
import cn.pes.casework.events.shared.CaseMetadata;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.events.shared.RuleViolation;
import cn.pes.casework.events.shared.Sex;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Entrepreneurship training in the person's case (创业培训, ENT-1) at designated institutions. */
class EntrepreneurshipTrainingTest {

    private static final String CITY = "9901";
    private static final String COUNTY = "990101";
    private static final String STREET = "990101001";
    private static final String CASE_ID = "case-0001";
    private static final String TRAINING = "training-0001";
    private static final LocalDate STARTS = LocalDate.of(2026, 9, 7);
    private static final LocalDate TODAY = LocalDate.of(2026, 9, 1);
    private static final TrainingInstitution SYB = new TrainingInstitution("990101-SYB-01", "中心区创业培训指导中心",
            COUNTY, Set.of(TrainingType.START_YOUR_BUSINESS, TrainingType.SPECIAL_PRACTICAL),
            LocalDate.of(2020, 1, 1), null);
    /** Designated until the end of 2025 only. */
    private static final TrainingInstitution FORMER = new TrainingInstitution("9901-NET-09", "旧网络创业学院", CITY,
            Set.of(TrainingType.ONLINE), LocalDate.of(2020, 1, 1), LocalDate.of(2025, 12, 31));

    private FixtureConfiguration<ClientCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ClientCase.class);
        fixture.registerInjectableResource(new AgencyDirectory(List.of(
                new Agency(CITY, "XX市公共就业服务中心", Agency.Level.CITY, null),
                new Agency(COUNTY, "XX市中心区公共就业服务中心", Agency.Level.COUNTY, null),
                new Agency(STREET, "中心区解放街道劳动保障所", Agency.Level.STREET, COUNTY))));
        fixture.registerInjectableResource(new TrainingInstitutions(List.of(SYB, FORMER)));
    }

    private static CaseOpened opened() {
        return new CaseOpened(CASE_ID, new PersonalData("110105199003071239", "张三", null, CASE_ID),
                LocalDate.of(1990, 3, 7), Sex.MALE, STREET);
    }

    private static EnrolInEntrepreneurshipTrainingCommand enrol(String institutionId, TrainingType type,
                                                                LocalDate startsOn) {
        return new EnrolInEntrepreneurshipTrainingCommand(CASE_ID, TRAINING, institutionId, type, startsOn, TODAY);
    }

    private static EntrepreneurshipTrainingEnrolled enrolled(String agencyId) {
        return new EntrepreneurshipTrainingEnrolled(CASE_ID, TRAINING, SYB.id(), SYB.name(),
                TrainingType.START_YOUR_BUSINESS, STARTS, agencyId, TODAY);
    }

    private static MetaData by(String agencyId) {
        return MetaData.with(CaseMetadata.AGENCY, agencyId).and(CaseMetadata.OFFICER, "officer-" + agencyId);
    }

    private static RuleViolation violation(String ruleId, String code, String field, RuleViolation.Kind kind) {
        return RuleViolation.of(ruleId, code, field, kind);
    }

    @Test
    void enrolmentAtADesignatedInstitutionIsCountedAtTheEnrollingOfficersAgency() {
        fixture.given(opened())
                .when(enrol(SYB.id(), TrainingType.START_YOUR_BUSINESS, STARTS), by(COUNTY))
                .expectEvents(enrolled(COUNTY));
    }

    @Test
    void theSameTrainingSentTwiceIsRecordedOnce() {
        fixture.given(opened(), enrolled(STREET))
                .when(enrol(SYB.id(), TrainingType.START_YOUR_BUSINESS, STARTS), by(STREET))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anUnknownInstitutionIsRefused() {
        fixture.given(opened())
                .when(enrol("nowhere", TrainingType.START_YOUR_BUSINESS, STARTS), by(STREET))
                .expectNoEvents()
                .expectExceptionDetails(violation("ENT-1", "INSTITUTION_UNKNOWN", "institutionId",
                        RuleViolation.Kind.INVALID));
    }

    @Test
    void anInstitutionWhoseDesignationEndedBeforeTheStartIsRefused() {
        fixture.given(opened())
                .when(enrol(FORMER.id(), TrainingType.ONLINE, STARTS), by(STREET))
                .expectExceptionDetails(violation("ENT-1", "INSTITUTION_NOT_DESIGNATED", "institutionId",
                        RuleViolation.Kind.CONFLICT));
    }

    @Test
    void theLastDayOfTheDesignationStillCounts() {
        LocalDate lastDay = LocalDate.of(2025, 12, 31);
        fixture.given(opened())
                .when(enrol(FORMER.id(), TrainingType.ONLINE, lastDay), by(STREET))
                .expectEvents(new EntrepreneurshipTrainingEnrolled(CASE_ID, TRAINING, FORMER.id(), FORMER.name(),
                        TrainingType.ONLINE, lastDay, STREET, TODAY));
    }

    @Test
    void aTypeTheInstitutionIsNotDesignatedForIsRefused() {
        fixture.given(opened())
                .when(enrol(SYB.id(), TrainingType.ONLINE, STARTS), by(STREET))
                .expectExceptionDetails(violation("ENT-1", "TYPE_NOT_DESIGNATED", "trainingType",
                        RuleViolation.Kind.CONFLICT));
    }

    @Test
    void anErasedCaseTakesNoEnrolment() {
        fixture.given(opened(), new PersonalDataErased(CASE_ID, LocalDate.of(2026, 1, 1), "RETENTION-DEFAULT"))
                .when(enrol(SYB.id(), TrainingType.START_YOUR_BUSINESS, STARTS), by(STREET))
                .expectExceptionDetails(violation("PRIV-1", "PERSONAL_DATA_ERASED", null,
                        RuleViolation.Kind.CONFLICT));
    }

    @Test
    void completionNeedsTheCertificateAndADateNotBeforeTheStart() {
        fixture.given(opened(), enrolled(STREET))
                .when(new CompleteEntrepreneurshipTrainingCommand(CASE_ID, TRAINING, STARTS.plusDays(10), " "))
                .expectExceptionDetails(violation("INPUT", "MISSING", "certificateNumber", RuleViolation.Kind.INVALID));
        fixture.given(opened(), enrolled(STREET))
                .when(new CompleteEntrepreneurshipTrainingCommand(CASE_ID, TRAINING, STARTS.minusDays(1), "SYB-1"))
                .expectExceptionDetails(violation("ENT-1", "DATE_TOO_EARLY", "completedOn",
                        RuleViolation.Kind.INVALID));
        fixture.given(opened(), enrolled(STREET))
                .when(new CompleteEntrepreneurshipTrainingCommand(CASE_ID, TRAINING, STARTS, " SYB-2026-0088 "))
                .expectEvents(new EntrepreneurshipTrainingCompleted(CASE_ID, TRAINING, SYB.id(), STARTS,
                        "SYB-2026-0088"));
    }

    @Test
    void dropOutNeedsItsReasonAndOnlyWhileEnrolled() {
        fixture.given(opened(), enrolled(STREET))
                .when(new RecordTrainingDropOutCommand(CASE_ID, TRAINING, STARTS.plusDays(3), ""))
                .expectExceptionDetails(violation("INPUT", "MISSING", "reason", RuleViolation.Kind.INVALID));
        fixture.given(opened(), enrolled(STREET))
                .when(new RecordTrainingDropOutCommand(CASE_ID, TRAINING, STARTS.plusDays(3), "外出务工"))
                .expectEvents(new EntrepreneurshipTrainingDroppedOut(CASE_ID, TRAINING, SYB.id(), STARTS.plusDays(3),
                        "外出务工"));
        fixture.given(opened(), enrolled(STREET), new EntrepreneurshipTrainingCompleted(CASE_ID, TRAINING, SYB.id(),
                        STARTS.plusDays(10), "SYB-1"))
                .when(new RecordTrainingDropOutCommand(CASE_ID, TRAINING, STARTS.plusDays(11), "外出务工"))
                .expectExceptionDetails(violation("ENT-1", "TRAINING_NOT_ENROLLED", "trainingId",
                        RuleViolation.Kind.CONFLICT));
    }

    @Test
    void anUnknownTrainingIsNotFound() {
        fixture.given(opened())
                .when(new CompleteEntrepreneurshipTrainingCommand(CASE_ID, "no-such", STARTS, "SYB-1"))
                .expectExceptionDetails(violation("INPUT", "TRAINING_NOT_FOUND", "trainingId",
                        RuleViolation.Kind.NOT_FOUND));
    }

    @Test
    void anOfficerOutsideTheCasesAgenciesCannotEnrol() {
        fixture.given(opened())
                .when(enrol(SYB.id(), TrainingType.START_YOUR_BUSINESS, STARTS), by("990102"))
                .expectExceptionDetails(violation("INPUT", "CASE_NOT_FOUND", "caseId", RuleViolation.Kind.NOT_FOUND));
    }
}
