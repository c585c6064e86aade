package cn.pes.casework.command.clientcase;

import cn.pes.casework.command.entrepreneurship.TrainingInstitutions;
import cn.pes.casework.command.policy.LoanPolicy;
import cn.pes.casework.command.policy.LoanPolicyBook;
import cn.pes.casework.command.policy.PolicyProperties;
import cn.pes.casework.events.entrepreneurship.ApplyForGuaranteeLoanCommand;
import cn.pes.casework.events.entrepreneurship.ApproveGuaranteeLoanCommand;
import cn.pes.casework.events.entrepreneurship.Business;
import cn.pes.casework.events.entrepreneurship.DeclineGuaranteeLoanCommand;
import cn.pes.casework.events.entrepreneurship.ExistingLoan;
import cn.pes.casework.events.entrepreneurship.ExistingLoanType;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanApplied;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanApproved;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanDeclined;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanDisbursed;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanEligibilityAssessed;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanOverdue;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanRepaid;
import cn.pes.casework.events.entrepreneurship.KeyGroupClaim;
import cn.pes.casework.events.entrepreneurship.LegalForm;
import cn.pes.casework.events.entrepreneurship.LoanApplication;
import cn.pes.casework.events.entrepreneurship.LoanCondition;
import cn.pes.casework.events.entrepreneurship.LoanHolder;
import cn.pes.casework.events.entrepreneurship.LoanInterestSubsidised;
import cn.pes.casework.events.entrepreneurship.LoanKeyGroup;
import cn.pes.casework.events.entrepreneurship.LoanRepaymentRecorded;
import cn.pes.casework.events.entrepreneurship.OverdueSource;
import cn.pes.casework.events.entrepreneurship.RecordInterestSubsidyCommand;
import cn.pes.casework.events.entrepreneurship.RecordLoanDisbursementCommand;
import cn.pes.casework.events.entrepreneurship.RecordLoanRepaymentCommand;
import cn.pes.casework.events.entrepreneurship.ReportLoanOverdueCommand;
import cn.pes.casework.events.registration.CaseOpened;
import cn.pes.casework.events.registration.PresentedDocument;
import cn.pes.casework.events.registration.UnemploymentReason;
import cn.pes.casework.events.registration.UnemploymentRegistered;
import cn.pes.casework.events.cancellation.Evidence;
import cn.pes.casework.events.employment.Employed;
import cn.pes.casework.events.employment.EmploymentDetails;
import cn.pes.casework.events.employment.EmploymentType;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.PersonCategory;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.events.shared.RefusalReason;
import cn.pes.casework.events.shared.RuleViolation;
import cn.pes.casework.events.shared.Sex;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guarantee loans in the person's case (创业担保贷款, ENT-2..ENT-5): every eligibility condition at its
 * boundary, the policy version in force on the application date, and the loan's life from approval to
 * repayment, with the maturity clock.
 */
class GuaranteeLoanTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String DEFAULT_VERSION = "LOAN-DEFAULT-2020";
    private static final String COUNTY = "990101";
    private static final String STREET = "990101001";
    private static final String CASE_ID = "case-0001";
    private static final String LOAN = "loan-0001";
    private static final LocalDate WOMAN_BORN = LocalDate.of(1971, 12, 3);
    private static final LocalDate MAN_BORN = LocalDate.of(1966, 12, 3);
    private static final LocalDate REGISTERED = LocalDate.of(2026, 1, 5);
    private static final LocalDate APPLIED = LocalDate.of(2026, 6, 1);
    private static final BigDecimal LIMIT = new BigDecimal("200000");
    private static final String CREDIT_CODE = "91350100M000100Y43";

    private FixtureConfiguration<ClientCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(new LoanPolicyBook(new PolicyProperties(null, null, null, null)));
    }

    private static FixtureConfiguration<ClientCase> fixtureWith(LoanPolicyBook policies) {
        FixtureConfiguration<ClientCase> configured = new AggregateTestFixture<>(ClientCase.class);
        configured.registerInjectableResource(new AgencyDirectory(List.of(
                new Agency("9901", "XX市公共就业服务中心", Agency.Level.CITY, null),
                new Agency(COUNTY, "XX市中心区公共就业服务中心", Agency.Level.COUNTY, null),
                new Agency(STREET, "中心区解放街道劳动保障所", Agency.Level.STREET, COUNTY))));
        configured.registerInjectableResource(policies);
        configured.registerInjectableResource(new TrainingInstitutions(List.of()));
        return configured;
    }

    // ---------------------------------------------------------------- helpers

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(SHANGHAI).toInstant();
    }

    private static CaseOpened woman() {
        return new CaseOpened(CASE_ID, new PersonalData("110105197112030028", "李芳", null, CASE_ID), WOMAN_BORN,
                Sex.FEMALE, STREET);
    }

    private static CaseOpened man() {
        return new CaseOpened(CASE_ID, new PersonalData("110105196612030015", "王强", null, CASE_ID), MAN_BORN,
                Sex.MALE, STREET);
    }

    private static UnemploymentRegistered registered(Set<PersonCategory> categories) {
        return new UnemploymentRegistered(CASE_ID, 1, REGISTERED, Channel.WINDOW, PresentedDocument.RESIDENT_ID_CARD,
                UnemploymentReason.LOST_JOB, categories, STREET, "REG-DEFAULT");
    }

    private static UnemploymentRegistered registered() {
        return registered(Set.of());
    }

    private static LoanApplication application(BigDecimal amount, int term, List<ExistingLoan> existing,
                                               List<KeyGroupClaim> claims) {
        return new LoanApplication(new Business("李记早餐店", LegalForm.INDIVIDUAL_BUSINESS, CREDIT_CODE, true),
                "社区早餐店，两名员工", amount, term, existing, claims);
    }

    private static LoanApplication application(BigDecimal amount, int term) {
        return application(amount, term, List.of(), List.of());
    }

    private static LoanApplication application() {
        return application(new BigDecimal("100000"), 24);
    }

    private static ApplyForGuaranteeLoanCommand apply(String loanId, LoanApplication application, LocalDate on) {
        return new ApplyForGuaranteeLoanCommand(CASE_ID, loanId, application, STREET, on, on);
    }

    private static ApplyForGuaranteeLoanCommand apply(LoanApplication application) {
        return apply(LOAN, application, APPLIED);
    }

    private static GuaranteeLoanApplied applied(String loanId, LoanApplication application, LocalDate on) {
        return new GuaranteeLoanApplied(CASE_ID, loanId, application, STREET, on, on);
    }

    private static GuaranteeLoanEligibilityAssessed assessed(String loanId, List<RefusalReason> failed,
                                                             Set<LoanKeyGroup> groups, int age, BigDecimal limit,
                                                             int previous, LocalDate on, String version) {
        return new GuaranteeLoanEligibilityAssessed(CASE_ID, loanId, failed.isEmpty(), failed, groups, age, limit, 36,
                previous, on, version);
    }

    private static GuaranteeLoanEligibilityAssessed assessedWoman(List<RefusalReason> failed) {
        return assessed(LOAN, failed, EnumSet.of(LoanKeyGroup.REGISTERED_UNEMPLOYED), 54, LIMIT, 0, APPLIED,
                DEFAULT_VERSION);
    }

    /** The history of a loan granted, paid out and repaid (optionally overdue before). */
    private static List<Object> earlierLoan(String loanId, LocalDate on, boolean overdue) {
        LoanApplication application = application();
        List<Object> events = new ArrayList<>(List.of(applied(loanId, application, on),
                assessed(loanId, List.of(), EnumSet.of(LoanKeyGroup.REGISTERED_UNEMPLOYED), 50, LIMIT, 0, on,
                        DEFAULT_VERSION),
                new GuaranteeLoanApproved(CASE_ID, loanId, new BigDecimal("50000"), 12, "XX银行", "DB-1", on, STREET),
                new GuaranteeLoanDisbursed(CASE_ID, loanId, new BigDecimal("50000"), on, on.plusMonths(12))));
        if (overdue) {
            events.add(new GuaranteeLoanOverdue(CASE_ID, loanId, on.plusMonths(12).plusDays(1),
                    new BigDecimal("50000"), OverdueSource.MATURITY_PASSED));
        }
        events.add(new LoanRepaymentRecorded(CASE_ID, loanId, "r-" + loanId, on.plusMonths(13),
                new BigDecimal("50000"), BigDecimal.ZERO, BigDecimal.ZERO));
        events.add(new GuaranteeLoanRepaid(CASE_ID, loanId, on.plusMonths(13), true));
        return events;
    }

    private static RuleViolation violation(String ruleId, String code, String field, RuleViolation.Kind kind) {
        return RuleViolation.of(ruleId, code, field, kind);
    }

    // ---------------------------------------------------------------- assessment (ENT-2..ENT-5)

    @Test
    void eligibleApplicationIsRecordedWithItsAssessmentAndAnswered() {
        GuaranteeLoanEligibilityAssessed expected = assessedWoman(List.of());
        fixture.given(woman(), registered())
                .when(apply(application()))
                .expectEvents(applied(LOAN, application(), APPLIED), expected)
                .expectResultMessagePayload(expected);
    }

    @Test
    void withoutAnAgencyInTheCommandTheActingOfficersAgencyHandlesTheLoan() {
        fixture.given(woman(), registered())
                .when(new ApplyForGuaranteeLoanCommand(CASE_ID, LOAN, application(), null, APPLIED, APPLIED),
                        org.axonframework.messaging.MetaData.with(
                                cn.pes.casework.events.shared.CaseMetadata.AGENCY, COUNTY))
                .expectEvents(new GuaranteeLoanApplied(CASE_ID, LOAN, application(), COUNTY, APPLIED, APPLIED),
                        assessedWoman(List.of()));
    }

    @Test
    void resentApplicationIsAnsweredWithTheRecordedOutcomeAndRecordsNothing() {
        GuaranteeLoanEligibilityAssessed recorded = assessedWoman(List.of(LoanCondition.AMOUNT_OVER_LIMIT.failed()));
        fixture.given(woman(), registered(), applied(LOAN, application(), APPLIED), recorded)
                .when(apply(application()))
                .expectNoEvents()
                .expectResultMessagePayload(recorded);
    }

    @ParameterizedTest(name = "woman born 1971-12-03 applying {0}: {1} 周岁, eligible {2}")
    @CsvSource({"2026-12-02, 54, true", "2026-12-03, 55, true", "2027-12-02, 55, true", "2027-12-03, 56, false"})
    void womanIsEligibleUpToAndIncludingFiftyFiveCompletedYears(LocalDate on, int age, boolean eligible) {
        List<RefusalReason> failed = eligible ? List.of() : List.of(LoanCondition.OVER_AGE_LIMIT.failed());
        fixture.given(woman(), registered())
                .when(apply(LOAN, application(), on))
                .expectEvents(applied(LOAN, application(), on),
                        assessed(LOAN, failed, EnumSet.of(LoanKeyGroup.REGISTERED_UNEMPLOYED), age, LIMIT, 0, on,
                                DEFAULT_VERSION));
    }

    @ParameterizedTest(name = "man born 1966-12-03 applying {0}: {1} 周岁, eligible {2}")
    @CsvSource({"2026-12-02, 59, true", "2026-12-03, 60, true", "2027-12-02, 60, true", "2027-12-03, 61, false"})
    void manIsEligibleUpToAndIncludingSixtyCompletedYears(LocalDate on, int age, boolean eligible) {
        List<RefusalReason> failed = eligible ? List.of() : List.of(LoanCondition.OVER_AGE_LIMIT.failed());
        fixture.given(man(), registered())
                .when(apply(LOAN, application(), on))
                .expectEvents(applied(LOAN, application(), on),
                        assessed(LOAN, failed, EnumSet.of(LoanKeyGroup.REGISTERED_UNEMPLOYED), age, LIMIT, 0, on,
                                DEFAULT_VERSION));
    }

    @Test
    void underReadingRefusesAWomanOnHerFiftyFifthBirthday() {
        LoanPolicy under = new LoanPolicy("LOAN-UNDER", LocalDate.of(2020, 1, 1), 55, 60,
                LoanPolicy.AgeLimitReading.UNDER, LIMIT, 36, 3, LoanPolicy.DEFAULT.permittedLoanTypes(),
                new BigDecimal("100000"));
        LocalDate birthday = LocalDate.of(2026, 12, 3);
        fixtureWith(new LoanPolicyBook(new PolicyProperties(null, null, null, List.of(under))))
                .given(woman(), registered())
                .when(apply(LOAN, application(), birthday))
                .expectEvents(applied(LOAN, application(), birthday),
                        assessed(LOAN, List.of(LoanCondition.OVER_AGE_LIMIT.failed()),
                                EnumSet.of(LoanKeyGroup.REGISTERED_UNEMPLOYED), 55, LIMIT, 0, birthday, "LOAN-UNDER"));
    }

    @Test
    void amountExactlyAtTheLimitIsEligible() {
        LoanApplication atLimit = application(new BigDecimal("200000"), 24);
        fixture.given(woman(), registered())
                .when(apply(atLimit))
                .expectEvents(applied(LOAN, atLimit, APPLIED), assessedWoman(List.of()));
    }

    @Test
    void amountOneYuanOverTheLimitIsRefused() {
        LoanApplication over = application(new BigDecimal("200001"), 24);
        fixture.given(woman(), registered())
                .when(apply(over))
                .expectEvents(applied(LOAN, over, APPLIED),
                        assessedWoman(List.of(LoanCondition.AMOUNT_OVER_LIMIT.failed())));
    }

    @Test
    void termOfThirtySixMonthsIsEligibleAndThirtySevenRefused() {
        LoanApplication longest = application(new BigDecimal("100000"), 36);
        fixture.given(woman(), registered())
                .when(apply(longest))
                .expectEvents(applied(LOAN, longest, APPLIED), assessedWoman(List.of()));
        LoanApplication tooLong = application(new BigDecimal("100000"), 37);
        fixture.given(woman(), registered())
                .when(apply(tooLong))
                .expectEvents(applied(LOAN, tooLong, APPLIED),
                        assessedWoman(List.of(LoanCondition.TERM_OVER_LIMIT.failed())));
    }

    @Test
    void consumerLoansOfApplicantAndSpouseTogetherJustBelowTheThresholdAreEligible() {
        LoanApplication below = application(new BigDecimal("100000"), 24, List.of(
                new ExistingLoan(LoanHolder.APPLICANT, ExistingLoanType.CONSUMER, new BigDecimal("50000")),
                new ExistingLoan(LoanHolder.SPOUSE, ExistingLoanType.CONSUMER, new BigDecimal("49999.99"))), List.of());
        fixture.given(woman(), registered())
                .when(apply(below))
                .expectEvents(applied(LOAN, below, APPLIED), assessedWoman(List.of()));
    }

    @Test
    void consumerLoansOfApplicantAndSpouseTogetherAtTheThresholdAreRefused() {
        LoanApplication at = application(new BigDecimal("100000"), 24, List.of(
                new ExistingLoan(LoanHolder.APPLICANT, ExistingLoanType.CONSUMER, new BigDecimal("50000")),
                new ExistingLoan(LoanHolder.SPOUSE, ExistingLoanType.CONSUMER, new BigDecimal("50000"))), List.of());
        fixture.given(woman(), registered())
                .when(apply(at))
                .expectEvents(applied(LOAN, at, APPLIED),
                        assessedWoman(List.of(LoanCondition.CONSUMER_LOANS_OVER_THRESHOLD.failed())));
    }

    @Test
    void permittedLoanTypesAreEligibleAndABusinessLoanIsRefusedNamingItsLine() {
        LoanApplication permitted = application(new BigDecimal("100000"), 24, List.of(
                new ExistingLoan(LoanHolder.APPLICANT, ExistingLoanType.STUDENT, new BigDecimal("8000")),
                new ExistingLoan(LoanHolder.SPOUSE, ExistingLoanType.POVERTY_RELIEF, new BigDecimal("5000")),
                new ExistingLoan(LoanHolder.SPOUSE, ExistingLoanType.HOUSING, new BigDecimal("600000")),
                new ExistingLoan(LoanHolder.APPLICANT, ExistingLoanType.CAR, new BigDecimal("90000"))), List.of());
        fixture.given(woman(), registered())
                .when(apply(permitted))
                .expectEvents(applied(LOAN, permitted, APPLIED), assessedWoman(List.of()));
        LoanApplication business = application(new BigDecimal("100000"), 24, List.of(
                new ExistingLoan(LoanHolder.APPLICANT, ExistingLoanType.HOUSING, new BigDecimal("600000")),
                new ExistingLoan(LoanHolder.SPOUSE, ExistingLoanType.BUSINESS, new BigDecimal("30000"))), List.of());
        fixture.given(woman(), registered())
                .when(apply(business))
                .expectEvents(applied(LOAN, business, APPLIED), assessedWoman(List.of(
                        new RefusalReason("ENT-4", "EXCLUDED_LOAN_HELD", "application.existingLoans[1]"))));
    }

    @Test
    void twoEarlierLoansAreEligibleAndThreeReachTheCount() {
        List<Object> two = new ArrayList<>(List.of(woman(), registered()));
        two.addAll(earlierLoan("old-1", LocalDate.of(2022, 1, 10), false));
        two.addAll(earlierLoan("old-2", LocalDate.of(2023, 3, 10), false));
        fixture.given(two)
                .when(apply(application()))
                .expectEvents(applied(LOAN, application(), APPLIED),
                        assessed(LOAN, List.of(), EnumSet.of(LoanKeyGroup.REGISTERED_UNEMPLOYED), 54, LIMIT, 2,
                                APPLIED, DEFAULT_VERSION));
        List<Object> three = new ArrayList<>(two);
        three.addAll(earlierLoan("old-3", LocalDate.of(2024, 5, 10), false));
        fixture.given(three)
                .when(apply(application()))
                .expectEvents(applied(LOAN, application(), APPLIED),
                        assessed(LOAN, List.of(LoanCondition.LOAN_COUNT_REACHED.failed()),
                                EnumSet.of(LoanKeyGroup.REGISTERED_UNEMPLOYED), 54, LIMIT, 3, APPLIED,
                                DEFAULT_VERSION));
    }

    @Test
    void anEarlierOverdueLoanRefusesEvenWhenRepaid() {
        List<Object> history = new ArrayList<>(List.of(woman(), registered()));
        history.addAll(earlierLoan("old-1", LocalDate.of(2022, 1, 10), true));
        fixture.given(history)
                .when(apply(application()))
                .expectEvents(applied(LOAN, application(), APPLIED),
                        assessed(LOAN, List.of(LoanCondition.PREVIOUS_LOAN_OVERDUE.failed()),
                                EnumSet.of(LoanKeyGroup.REGISTERED_UNEMPLOYED), 54, LIMIT, 1, APPLIED,
                                DEFAULT_VERSION));
    }

    @Test
    void anOpenLoanRefusesAnother() {
        fixture.given(woman(), registered(), applied("old-1", application(), REGISTERED),
                        assessed("old-1", List.of(), EnumSet.of(LoanKeyGroup.REGISTERED_UNEMPLOYED), 54, LIMIT, 0,
                                REGISTERED, DEFAULT_VERSION))
                .when(apply(application()))
                .expectEvents(applied(LOAN, application(), APPLIED),
                        assessedWoman(List.of(LoanCondition.OPEN_GUARANTEE_LOAN.failed())));
    }

    @Test
    void aRefusedOrDeclinedEarlierApplicationNeitherBlocksNorCounts() {
        fixture.given(woman(), registered(), applied("old-1", application(), REGISTERED),
                        assessed("old-1", List.of(), EnumSet.of(LoanKeyGroup.REGISTERED_UNEMPLOYED), 54, LIMIT, 0,
                                REGISTERED, DEFAULT_VERSION),
                        new GuaranteeLoanDeclined(CASE_ID, "old-1", REGISTERED, "担保机构不同意"))
                .when(apply(application()))
                .expectEvents(applied(LOAN, application(), APPLIED), assessedWoman(List.of()));
    }

    @Test
    void everyFailedConditionIsNamedAtOnce() {
        List<ExistingLoan> existing = List.of(
                new ExistingLoan(LoanHolder.APPLICANT, ExistingLoanType.OTHER, new BigDecimal("1000")),
                new ExistingLoan(LoanHolder.SPOUSE, ExistingLoanType.CONSUMER, new BigDecimal("100000")));
        LoanApplication poor = new LoanApplication(
                new Business("小吃摊", LegalForm.INDIVIDUAL_BUSINESS, null, false), "  ", new BigDecimal("250000"),
                48, existing, List.of(new KeyGroupClaim(LoanKeyGroup.VETERAN, " "),
                        new KeyGroupClaim(LoanKeyGroup.REGISTERED_UNEMPLOYED, "失业证")));
        LocalDate on = LocalDate.of(2028, 1, 10);
        LoanApplication recorded = new LoanApplication(
                new Business("小吃摊", LegalForm.INDIVIDUAL_BUSINESS, null, false), null, new BigDecimal("250000"),
                48, existing, List.of(new KeyGroupClaim(LoanKeyGroup.VETERAN, null),
                new KeyGroupClaim(LoanKeyGroup.REGISTERED_UNEMPLOYED, "失业证")));
        List<Object> history = new ArrayList<>(List.of(woman()));
        history.addAll(earlierLoan("old-1", LocalDate.of(2020, 1, 10), true));
        history.addAll(earlierLoan("old-2", LocalDate.of(2022, 1, 10), false));
        history.addAll(earlierLoan("old-3", LocalDate.of(2024, 1, 10), false));
        history.add(applied("old-4", application(), LocalDate.of(2027, 6, 1)));
        history.add(assessed("old-4", List.of(), Set.of(LoanKeyGroup.VETERAN), 55, LIMIT, 3,
                LocalDate.of(2027, 6, 1), DEFAULT_VERSION));
        fixture.given(history)
                .when(apply(LOAN, poor, on))
                .expectEvents(applied(LOAN, recorded, on), assessed(LOAN, List.of(
                        LoanCondition.NOT_IN_KEY_GROUP.failed(),
                        LoanCondition.OVER_AGE_LIMIT.failed(),
                        LoanCondition.NO_CONCRETE_PROJECT.failed(),
                        LoanCondition.BUSINESS_NOT_REGISTERED_IN_CITY.failed(),
                        LoanCondition.EXCLUDED_LOAN_HELD.failedAt(0),
                        LoanCondition.CONSUMER_LOANS_OVER_THRESHOLD.failed(),
                        LoanCondition.AMOUNT_OVER_LIMIT.failed(),
                        LoanCondition.TERM_OVER_LIMIT.failed(),
                        LoanCondition.OPEN_GUARANTEE_LOAN.failed(),
                        LoanCondition.LOAN_COUNT_REACHED.failed(),
                        LoanCondition.PREVIOUS_LOAN_OVERDUE.failed()), Set.of(), 56, LIMIT, 3, on, DEFAULT_VERSION));
    }

    @Test
    void keyGroupsComeFromTheRegistrationsCategoriesAndFromClaimsWithEvidence() {
        LoanApplication claimed = application(new BigDecimal("100000"), 24, List.of(),
                List.of(new KeyGroupClaim(LoanKeyGroup.VETERAN, "退役证 2019-001")));
        fixture.given(woman(), registered(Set.of(PersonCategory.DISABLED, PersonCategory.GRADUATE)))
                .when(apply(claimed))
                .expectEvents(applied(LOAN, claimed, APPLIED), assessed(LOAN, List.of(),
                        EnumSet.of(LoanKeyGroup.REGISTERED_UNEMPLOYED, LoanKeyGroup.EMPLOYMENT_DIFFICULTY,
                                LoanKeyGroup.VETERAN, LoanKeyGroup.GRADUATE), 54, LIMIT, 0, APPLIED,
                        DEFAULT_VERSION));
    }

    @Test
    void aRegistrationEndedBeforeTheApplicationDateIsNoKeyGroup() {
        Employed employed = new Employed(CASE_ID, 1, new EmploymentDetails(EmploymentType.EMPLOYED_BY_UNIT, "某公司",
                LocalDate.of(2026, 3, 1)), new Evidence(Evidence.EvidenceSource.DOCUMENT, "合同", "劳动合同"), null,
                STREET);
        fixture.given(woman(), registered(), employed)
                .when(apply(application()))
                .expectEvents(applied(LOAN, application(), APPLIED), assessed(LOAN,
                        List.of(LoanCondition.NOT_IN_KEY_GROUP.failed()), Set.of(), 54, LIMIT, 0, APPLIED,
                        DEFAULT_VERSION));
    }

    @Test
    void theVersionInForceOnTheApplicationDateDecides() {
        LoanPolicy old = new LoanPolicy("LOAN-2020", LocalDate.of(2020, 1, 1), 55, 60, null, LIMIT, 36, 3,
                LoanPolicy.DEFAULT.permittedLoanTypes(), new BigDecimal("100000"));
        LoanPolicy raised = new LoanPolicy("LOAN-2027", LocalDate.of(2027, 1, 1), 55, 60, null,
                new BigDecimal("300000"), 36, 3, LoanPolicy.DEFAULT.permittedLoanTypes(), new BigDecimal("100000"));
        LoanPolicyBook book = new LoanPolicyBook(new PolicyProperties(null, null, null, List.of(raised, old)));
        LoanApplication big = application(new BigDecimal("250000"), 24);
        LocalDate lastOldDay = LocalDate.of(2026, 12, 31);
        fixtureWith(book).given(man(), registered())
                .when(apply(LOAN, big, lastOldDay))
                .expectEvents(applied(LOAN, big, lastOldDay), assessed(LOAN,
                        List.of(LoanCondition.AMOUNT_OVER_LIMIT.failed()),
                        EnumSet.of(LoanKeyGroup.REGISTERED_UNEMPLOYED), 60, LIMIT, 0, lastOldDay, "LOAN-2020"));
        LocalDate firstNewDay = LocalDate.of(2027, 1, 1);
        fixtureWith(book).given(man(), registered())
                .when(apply(LOAN, big, firstNewDay))
                .expectEvents(applied(LOAN, big, firstNewDay), assessed(LOAN, List.of(),
                        EnumSet.of(LoanKeyGroup.REGISTERED_UNEMPLOYED), 60, new BigDecimal("300000"), 0, firstNewDay,
                        "LOAN-2027"));
    }

    // ---------------------------------------------------------------- malformed input: 400, nothing stored

    @Test
    void anAmountOfZeroIsRefusedAsInputAndNothingIsRecorded() {
        fixture.given(woman(), registered())
                .when(apply(application(BigDecimal.ZERO, 24)))
                .expectNoEvents()
                .expectExceptionDetails(violation("INPUT", "NOT_POSITIVE", "application.amountRequested",
                        RuleViolation.Kind.INVALID));
    }

    @Test
    void anAmountBelowTheFenIsRefusedAsInput() {
        fixture.given(woman(), registered())
                .when(apply(application(new BigDecimal("100.001"), 24)))
                .expectNoEvents()
                .expectExceptionDetails(violation("INPUT", "MALFORMED", "application.amountRequested",
                        RuleViolation.Kind.INVALID));
    }

    @Test
    void aMalformedRegistrationNumberIsRefusedAsInput() {
        LoanApplication malformed = new LoanApplication(
                new Business("李记早餐店", LegalForm.INDIVIDUAL_BUSINESS, "91350100M000100Y44", true), "早餐店",
                new BigDecimal("1000"), 12, List.of(), List.of());
        fixture.given(woman(), registered())
                .when(apply(malformed))
                .expectNoEvents()
                .expectExceptionDetails(violation("INPUT", "MALFORMED", "application.business.registrationNumber",
                        RuleViolation.Kind.INVALID));
    }

    @Test
    void anExistingLoanWithoutHolderIsRefusedAsInput() {
        LoanApplication noHolder = application(new BigDecimal("1000"), 12,
                List.of(new ExistingLoan(null, ExistingLoanType.CAR, BigDecimal.ONE)), List.of());
        fixture.given(woman(), registered())
                .when(apply(noHolder))
                .expectNoEvents()
                .expectExceptionDetails(violation("INPUT", "MISSING", "application.existingLoans[0].holder",
                        RuleViolation.Kind.INVALID));
    }

    // ---------------------------------------------------------------- the loan's life

    private static List<Object> eligibleLoan() {
        return List.of(woman(), registered(), applied(LOAN, application(), APPLIED), assessedWoman(List.of()));
    }

    private static final LocalDate APPROVED_ON = LocalDate.of(2026, 6, 10);
    private static final LocalDate DISBURSED_ON = LocalDate.of(2026, 6, 30);
    /** 24 months after 2026-06-30 (TIME-2). */
    private static final LocalDate MATURES_ON = LocalDate.of(2028, 6, 30);

    private static ApproveGuaranteeLoanCommand approve(BigDecimal amount, int term) {
        return new ApproveGuaranteeLoanCommand(CASE_ID, LOAN, amount, term, "XX农商银行", "DB-2026-017", APPROVED_ON);
    }

    private static GuaranteeLoanApproved approved() {
        return new GuaranteeLoanApproved(CASE_ID, LOAN, new BigDecimal("80000"), 24, "XX农商银行", "DB-2026-017",
                APPROVED_ON, STREET);
    }

    private static GuaranteeLoanDisbursed disbursed() {
        return new GuaranteeLoanDisbursed(CASE_ID, LOAN, new BigDecimal("80000"), DISBURSED_ON, MATURES_ON);
    }

    private static List<Object> disbursedLoan() {
        List<Object> events = new ArrayList<>(eligibleLoan());
        events.add(approved());
        events.add(disbursed());
        return events;
    }

    @Test
    void anEligibleLoanIsApprovedWithinWhatWasAsked() {
        fixture.given(eligibleLoan())
                .when(approve(new BigDecimal("80000"), 24))
                .expectEvents(approved());
    }

    @Test
    void approvalOfMoreThanWasAskedIsRefused() {
        fixture.given(eligibleLoan())
                .when(approve(new BigDecimal("100001"), 24))
                .expectNoEvents()
                .expectExceptionDetails(violation("ENT-5", "AMOUNT_OVER_REQUESTED", "amount",
                        RuleViolation.Kind.INVALID));
    }

    @Test
    void approvalBeyondTheAssessedTermIsRefused() {
        fixture.given(eligibleLoan())
                .when(approve(new BigDecimal("80000"), 37))
                .expectExceptionDetails(violation("ENT-5", "TERM_OVER_LIMIT", "termMonths",
                        RuleViolation.Kind.INVALID));
    }

    @Test
    void aRefusedApplicationCannotBeApproved() {
        fixture.given(woman(), registered(), applied(LOAN, application(), APPLIED),
                        assessedWoman(List.of(LoanCondition.AMOUNT_OVER_LIMIT.failed())))
                .when(approve(new BigDecimal("80000"), 24))
                .expectExceptionDetails(violation("ENT-2", "LOAN_NOT_ELIGIBLE", "loanId",
                        RuleViolation.Kind.CONFLICT));
    }

    @Test
    void anUnknownLoanIsNotFound() {
        fixture.given(eligibleLoan())
                .when(new DeclineGuaranteeLoanCommand(CASE_ID, "no-such-loan", APPROVED_ON, "不同意"))
                .expectExceptionDetails(violation("INPUT", "LOAN_NOT_FOUND", "loanId", RuleViolation.Kind.NOT_FOUND));
    }

    @Test
    void aDeclineNeedsItsReason() {
        fixture.given(eligibleLoan())
                .when(new DeclineGuaranteeLoanCommand(CASE_ID, LOAN, APPROVED_ON, " "))
                .expectExceptionDetails(violation("INPUT", "MISSING", "reason", RuleViolation.Kind.INVALID));
        fixture.given(eligibleLoan())
                .when(new DeclineGuaranteeLoanCommand(CASE_ID, LOAN, APPROVED_ON, "反担保不足"))
                .expectEvents(new GuaranteeLoanDeclined(CASE_ID, LOAN, APPROVED_ON, "反担保不足"));
    }

    @Test
    void disbursementStartsTheTermAndTheMaturityClock() {
        List<Object> history = new ArrayList<>(eligibleLoan());
        history.add(approved());
        fixture.given(history)
                .when(new RecordLoanDisbursementCommand(CASE_ID, LOAN, DISBURSED_ON))
                .expectEvents(disbursed())
                .expectScheduledDeadlineWithName(startOf(MATURES_ON.plusDays(1)), LoanClock.MATURITY);
    }

    @Test
    void aTermFromTheLastDayOfAMonthEndsOnTheLastDayOfAShorterMonth() {
        LocalDate endOfJanuary = LocalDate.of(2027, 1, 31);
        List<Object> history = new ArrayList<>(eligibleLoan());
        history.add(new GuaranteeLoanApproved(CASE_ID, LOAN, new BigDecimal("80000"), 13, "XX农商银行", null,
                APPROVED_ON, STREET));
        fixture.given(history)
                .when(new RecordLoanDisbursementCommand(CASE_ID, LOAN, endOfJanuary))
                .expectEvents(new GuaranteeLoanDisbursed(CASE_ID, LOAN, new BigDecimal("80000"), endOfJanuary,
                        LocalDate.of(2028, 2, 29)));
    }

    @Test
    void aLoanStillOwedWhenItsTermIsOverBecomesOverdueTheNextDay() {
        List<Object> history = new ArrayList<>(eligibleLoan());
        history.add(approved());
        fixture.given(history)
                .andGivenCurrentTime(startOf(DISBURSED_ON).plusSeconds(36_000))
                .andGivenCommands(new RecordLoanDisbursementCommand(CASE_ID, LOAN, DISBURSED_ON),
                        new RecordLoanRepaymentCommand(CASE_ID, LOAN, "rep-1", LocalDate.of(2027, 6, 30),
                                new BigDecimal("30000"), new BigDecimal("1200")))
                .whenThenTimeAdvancesTo(startOf(MATURES_ON.plusDays(1)))
                .expectEvents(new GuaranteeLoanOverdue(CASE_ID, LOAN, MATURES_ON.plusDays(1), new BigDecimal("50000"),
                        OverdueSource.MATURITY_PASSED));
    }

    @Test
    void theMaturityClockDoesNothingDuringTheLastDayOfTheTerm() {
        List<Object> history = new ArrayList<>(eligibleLoan());
        history.add(approved());
        fixture.given(history)
                .andGivenCurrentTime(startOf(DISBURSED_ON).plusSeconds(36_000))
                .andGivenCommands(new RecordLoanDisbursementCommand(CASE_ID, LOAN, DISBURSED_ON))
                .whenThenTimeAdvancesTo(LocalDateTime.of(2028, 6, 30, 23, 59, 59).atZone(SHANGHAI).toInstant())
                .expectNoEvents();
    }

    @Test
    void aLoanRepaidBeforeMaturityIsNotMadeOverdueByTheClock() {
        List<Object> history = new ArrayList<>(eligibleLoan());
        history.add(approved());
        fixture.given(history)
                .andGivenCurrentTime(startOf(DISBURSED_ON).plusSeconds(36_000))
                .andGivenCommands(new RecordLoanDisbursementCommand(CASE_ID, LOAN, DISBURSED_ON),
                        new RecordLoanRepaymentCommand(CASE_ID, LOAN, "rep-1", LocalDate.of(2028, 6, 1),
                                new BigDecimal("80000"), new BigDecimal("900")))
                .whenThenTimeAdvancesTo(startOf(MATURES_ON.plusDays(2)))
                .expectNoEvents();
    }

    @Test
    void repaymentsReduceTheOutstandingAndTheLastOneRepaysTheLoan() {
        fixture.given(disbursedLoan())
                .when(new RecordLoanRepaymentCommand(CASE_ID, LOAN, "rep-1", LocalDate.of(2027, 6, 30),
                        new BigDecimal("30000"), new BigDecimal("1200")))
                .expectEvents(new LoanRepaymentRecorded(CASE_ID, LOAN, "rep-1", LocalDate.of(2027, 6, 30),
                        new BigDecimal("30000"), new BigDecimal("1200"), new BigDecimal("50000")));
        List<Object> history = new ArrayList<>(disbursedLoan());
        history.add(new LoanRepaymentRecorded(CASE_ID, LOAN, "rep-1", LocalDate.of(2027, 6, 30),
                new BigDecimal("30000"), new BigDecimal("1200"), new BigDecimal("50000")));
        LocalDate late = MATURES_ON.plusDays(5);
        fixture.given(history)
                .when(new RecordLoanRepaymentCommand(CASE_ID, LOAN, "rep-2", late, new BigDecimal("50000"), null))
                .expectEvents(new LoanRepaymentRecorded(CASE_ID, LOAN, "rep-2", late, new BigDecimal("50000"),
                                BigDecimal.ZERO, new BigDecimal("0")),
                        new GuaranteeLoanRepaid(CASE_ID, LOAN, late, true));
        fixture.given(history)
                .when(new RecordLoanRepaymentCommand(CASE_ID, LOAN, "rep-1", LocalDate.of(2027, 6, 30),
                        new BigDecimal("30000"), new BigDecimal("1200")))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void moreThanIsOwedCannotBeRepaid() {
        fixture.given(disbursedLoan())
                .when(new RecordLoanRepaymentCommand(CASE_ID, LOAN, "rep-1", LocalDate.of(2027, 6, 30),
                        new BigDecimal("80000.01"), BigDecimal.ZERO))
                .expectExceptionDetails(violation("ENT-2", "MORE_THAN_OUTSTANDING", "principal",
                        RuleViolation.Kind.INVALID));
    }

    @Test
    void theLendersOverdueReportIsRecordedOnlyForADisbursedLoan() {
        LocalDate since = LocalDate.of(2027, 7, 1);
        fixture.given(disbursedLoan())
                .when(new ReportLoanOverdueCommand(CASE_ID, LOAN, since))
                .expectEvents(new GuaranteeLoanOverdue(CASE_ID, LOAN, since, new BigDecimal("80000"),
                        OverdueSource.LENDER_REPORT));
        fixture.given(eligibleLoan())
                .when(new ReportLoanOverdueCommand(CASE_ID, LOAN, since))
                .expectExceptionDetails(violation("ENT-2", "LOAN_NOT_DISBURSED", "loanId",
                        RuleViolation.Kind.CONFLICT));
    }

    @Test
    void interestSubsidyPeriodsDoNotOverlap() {
        LoanInterestSubsidised first = new LoanInterestSubsidised(CASE_ID, LOAN, DISBURSED_ON,
                LocalDate.of(2026, 9, 30), new BigDecimal("1200"), new BigDecimal("1200"), LocalDate.of(2026, 10, 15));
        fixture.given(disbursedLoan())
                .when(new RecordInterestSubsidyCommand(CASE_ID, LOAN, DISBURSED_ON, LocalDate.of(2026, 9, 30),
                        new BigDecimal("1200"), new BigDecimal("1200"), LocalDate.of(2026, 10, 15)))
                .expectEvents(first);
        List<Object> history = new ArrayList<>(disbursedLoan());
        history.add(first);
        fixture.given(history)
                .when(new RecordInterestSubsidyCommand(CASE_ID, LOAN, LocalDate.of(2026, 9, 30),
                        LocalDate.of(2026, 12, 31), new BigDecimal("1200"), new BigDecimal("600"),
                        LocalDate.of(2027, 1, 15)))
                .expectNoEvents()
                .expectExceptionDetails(violation("ENT-5", "PERIOD_ALREADY_SUBSIDISED", "periodFrom",
                        RuleViolation.Kind.CONFLICT));
        fixture.given(history)
                .when(new RecordInterestSubsidyCommand(CASE_ID, LOAN, LocalDate.of(2026, 10, 1),
                        LocalDate.of(2026, 12, 31), new BigDecimal("1200"), new BigDecimal("1200.01"),
                        LocalDate.of(2027, 1, 15)))
                .expectExceptionDetails(violation("ENT-5", "SUBSIDY_OVER_INTEREST", "subsidy",
                        RuleViolation.Kind.INVALID));
    }

    @Test
    void anInterestPeriodBeyondTheLoansLifeIsRefused() {
        fixture.given(disbursedLoan())
                .when(new RecordInterestSubsidyCommand(CASE_ID, LOAN, LocalDate.of(2028, 4, 1),
                        MATURES_ON.plusDays(1), new BigDecimal("100"), new BigDecimal("100"), MATURES_ON))
                .expectExceptionDetails(violation("ENT-5", "PERIOD_AFTER_LOAN_END", "periodTo",
                        RuleViolation.Kind.INVALID));
    }

    // ---------------------------------------------------------------- snapshots

    @Test
    void aSnapshotKeepsEveryLoansStateAndThePersonsFacts() {
        List<Object> history = new ArrayList<>(disbursedLoan());
        history.add(new LoanRepaymentRecorded(CASE_ID, LOAN, "rep-1", LocalDate.of(2027, 6, 30),
                new BigDecimal("30000"), new BigDecimal("1200"), new BigDecimal("50000")));
        history.add(new LoanInterestSubsidised(CASE_ID, LOAN, DISBURSED_ON, LocalDate.of(2026, 9, 30),
                new BigDecimal("1200"), new BigDecimal("1200"), LocalDate.of(2026, 10, 15)));
        fixture.given(history)
                .when(new ReportLoanOverdueCommand(CASE_ID, LOAN, LocalDate.of(2027, 7, 1)))
                .expectSuccessfulHandlerExecution()
                .expectState(clientCase -> {
                    com.fasterxml.jackson.databind.ObjectMapper mapper =
                            org.springframework.http.converter.json.Jackson2ObjectMapperBuilder.json()
                                    .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                                    .featuresToDisable(com.fasterxml.jackson.databind.SerializationFeature
                                            .WRITE_DATES_AS_TIMESTAMPS).build();
                    try {
                        String json = mapper.writeValueAsString(clientCase);
                        assertThat(json).contains("rep-1", "OVERDUE", "1971-12-03", "FEMALE", "2026-09-30",
                                "LOAN-DEFAULT-2020");
                        ClientCase restored = mapper.readValue(json, ClientCase.class);
                        assertThat(mapper.writeValueAsString(restored)).isEqualTo(json);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
    }

    @Test
    void personalDataCannotBeErasedWhileALoanIsOpen() {
        // Refused before the retention period or the shredder are looked at: neither does anything here.
        fixture.registerInjectableResource(new cn.pes.casework.command.policy.RetentionPolicyBook(
                new PolicyProperties(List.of())));
        fixture.registerInjectableResource(new PersonalDataShredder(null, null, null, null,
                new org.axonframework.eventsourcing.eventstore.jdbc.EventSchema()));
        fixture.given(woman(), applied(LOAN, application(), APPLIED), assessedWoman(List.of()))
                .when(new cn.pes.casework.events.erasure.ErasePersonalDataCommand(CASE_ID, LocalDate.of(2040, 1, 1),
                        "本人申请"))
                .expectNoEvents()
                .expectExceptionDetails(violation("PRIV-1", "GUARANTEE_LOAN_OPEN", null, RuleViolation.Kind.CONFLICT));
    }
}
