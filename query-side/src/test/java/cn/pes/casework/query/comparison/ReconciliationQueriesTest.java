package cn.pes.casework.query.comparison;

import cn.pes.casework.events.shared.IdNumberFormat;
import cn.pes.casework.events.casefile.RegistrationStatus;
import cn.pes.casework.events.comparison.FindReconciliationQuery;
import cn.pes.casework.events.comparison.ReconciliationLine;
import cn.pes.casework.events.comparison.ReconciliationView;
import cn.pes.casework.events.entrepreneurship.Business;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanApplied;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanApproved;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanDisbursed;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanEligibilityAssessed;
import cn.pes.casework.events.entrepreneurship.LegalForm;
import cn.pes.casework.events.entrepreneurship.LoanApplication;
import cn.pes.casework.events.entrepreneurship.LoanKeyGroup;
import cn.pes.casework.events.entrepreneurship.LoanRepaymentRecorded;
import cn.pes.casework.events.entrepreneurship.LoanStage;
import cn.pes.casework.events.shared.PersonCategory;
import cn.pes.casework.events.tracking.ContactMethod;
import cn.pes.casework.events.tracking.EmploymentStatus;
import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.query.support.CaseEvents;
import cn.pes.casework.query.support.ProjectionTestBase;
import cn.pes.casework.security.protection.PersonalDataProtector;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static cn.pes.casework.query.support.CaseEvents.OTHER_STREET_AGENCY;
import static cn.pes.casework.query.support.CaseEvents.STREET_AGENCY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReconciliationQueriesTest extends ProjectionTestBase {

    private static final String ACTIVE_ID = "110105199001011232";
    /** Ends in X: the list may give it with a lower-case x. */
    private static final String EMPLOYED_ID = "11010519850505109X";
    private static final String UNKNOWN_ID = "110105199001022222";

    private ComparisonProjections models;
    private final CaseEvents active = CaseEvents.newCase();
    private final CaseEvents employed = CaseEvents.newCase();

    @BeforeEach
    void feed() {
        models = new ComparisonProjections(fixture.store(serverSideGuards()), new PersonalDataDocs(new PersonalDataProtector(keys)));
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(active.next(active.openedWithKey(CaseEvents.person(ACTIVE_ID, "张三"))));
        events.add(active.next(active.registered(1, date("2026-10-08"), STREET_AGENCY)));
        events.add(active.next(active.phoneContact(1, "c-1", date("2026-11-05"), EmploymentStatus.UNEMPLOYED, STREET_AGENCY)));
        // Two skills subsidy applications, one paid: 1500 subsidy and 300 living allowance.
        events.add(active.next(active.certificateSubmitted("a-1", "dept-1", date("2026-04-01"), date("2026-04-20"))));
        events.add(active.next(active.subsidyPaid("a-1", "dept-1", "1500", "300", date("2026-05-20"), false)));
        events.add(active.next(active.certificateSubmitted("a-2", "dept-1", date("2026-06-01"), date("2026-06-20"))));
        // Two guarantee loans: the first disbursed and 90,000 owed, the latest only assessed.
        events.add(active.next(loanApplied("loan-1", date("2026-09-01"))));
        events.add(active.next(new GuaranteeLoanEligibilityAssessed(active.caseId(), "loan-1", true, List.of(),
                Set.of(LoanKeyGroup.REGISTERED_UNEMPLOYED), 36, new BigDecimal("200000"), 36, 0, date("2026-09-01"), "v1")));
        events.add(active.next(new GuaranteeLoanApproved(active.caseId(), "loan-1", new BigDecimal("100000"), 24, "工商银行",
                "DB-1", date("2026-09-10"), STREET_AGENCY)));
        events.add(active.next(new GuaranteeLoanDisbursed(active.caseId(), "loan-1", new BigDecimal("100000"),
                date("2026-09-15"), date("2028-09-15"))));
        events.add(active.next(new LoanRepaymentRecorded(active.caseId(), "loan-1", "rp-1", date("2026-10-15"),
                new BigDecimal("10000"), new BigDecimal("300"), new BigDecimal("90000"))));
        events.add(active.next(loanApplied("loan-2", date("2026-10-20"))));
        events.add(active.next(new GuaranteeLoanEligibilityAssessed(active.caseId(), "loan-2", true, List.of(),
                Set.of(LoanKeyGroup.REGISTERED_UNEMPLOYED), 36, new BigDecimal("200000"), 36, 1, date("2026-10-20"), "v1")));

        events.add(employed.next(employed.openedWithKey(CaseEvents.person(EMPLOYED_ID, "赵六"))));
        events.add(employed.next(employed.registered(1, date("2026-03-01"), OTHER_STREET_AGENCY)));
        events.add(employed.next(employed.employed(1, date("2026-06-01"), null, OTHER_STREET_AGENCY)));
        models.deliver(events);
    }

    private GuaranteeLoanApplied loanApplied(String loanId, LocalDate appliedOn) {
        return new GuaranteeLoanApplied(active.caseId(), loanId, new LoanApplication(
                new Business("张记面馆", LegalForm.INDIVIDUAL_BUSINESS, null, true), "面馆", new BigDecimal("100000"), 24,
                List.of(), List.of()), STREET_AGENCY, appliedOn, appliedOn);
    }

    private static LocalDate date(String date) {
        return LocalDate.parse(date);
    }

    private ReconciliationView reconcile(List<String> numbers) {
        return models.reconciliation.handle(new FindReconciliationQuery(numbers));
    }

    @Test
    void eachNumberGetsALineInTheListsOrderWithTheCaseItsSubsidiesAndItsLoans() {
        List<ReconciliationLine> lines = reconcile(List.of(" " + EMPLOYED_ID.toLowerCase() + " ", ACTIVE_ID, UNKNOWN_ID,
                                                           ACTIVE_ID)).lines();
        assertThat(lines).extracting(ReconciliationLine::index).containsExactly(0, 1, 2, 3);

        ReconciliationLine found = lines.get(1);
        assertThat(found.problem()).isNull();
        assertThat(found.caseId()).isEqualTo(active.caseId());
        assertThat(found.person().name()).isEqualTo("张三");
        assertThat(found.person().idNumber()).isEqualTo(ACTIVE_ID);
        assertThat(found.status()).isEqualTo(RegistrationStatus.ACTIVE);
        assertThat(found.spellStart()).isEqualTo(date("2026-10-08"));
        assertThat(found.spellEnd()).isNull();
        assertThat(found.agencyId()).isEqualTo(STREET_AGENCY);
        assertThat(found.lastContact().contactDate()).isEqualTo(date("2026-11-05"));
        assertThat(found.lastContact().method()).isEqualTo(ContactMethod.PHONE);
        assertThat(found.categories()).containsExactly(PersonCategory.EMPLOYMENT_DIFFICULTY);
        assertThat(found.subsidiesApplied()).isEqualTo(2);
        assertThat(found.subsidiesPaid()).isEqualTo(1);
        assertThat(found.subsidyAmountPaid()).isEqualByComparingTo("1800");
        assertThat(found.loans()).isEqualTo(2);
        assertThat(found.latestLoanStage()).isEqualTo(LoanStage.ELIGIBLE);
        assertThat(found.loanOutstanding()).isEqualByComparingTo("90000");
        assertThat(lines.get(3)).as("a number given twice is answered twice").usingRecursiveComparison()
                                .ignoringFields("index").isEqualTo(found);

        ReconciliationLine ended = lines.get(0);
        assertThat(ended.caseId()).as("lower-case x and blanks normalised").isEqualTo(employed.caseId());
        assertThat(ended.status()).isEqualTo(RegistrationStatus.EMPLOYED);
        assertThat(ended.spellStart()).isEqualTo(date("2026-03-01"));
        assertThat(ended.spellEnd()).isEqualTo(date("2026-06-01"));
        assertThat(ended.agencyId()).isEqualTo(OTHER_STREET_AGENCY);
        assertThat(ended.lastContact()).isNull();
        assertThat(ended.subsidiesApplied()).isZero();
        assertThat(ended.subsidyAmountPaid()).isEqualByComparingTo("0");
        assertThat(ended.loans()).isZero();
        assertThat(ended.latestLoanStage()).isNull();
        assertThat(ended.loanOutstanding()).isEqualByComparingTo("0");

        ReconciliationLine unknown = lines.get(2);
        assertThat(unknown.problem()).as("valid but unknown").isNull();
        assertThat(unknown.caseId()).isNull();
        assertThat(unknown.person()).isNull();
        assertThat(unknown.status()).isNull();
    }

    @Test
    void anInvalidNumberIsAnsweredWithItsProblemAndLooksNothingUp() {
        String wrongCheck = ACTIVE_ID.substring(0, 17) + "9";
        List<ReconciliationLine> lines = reconcile(java.util.Arrays.asList(
                "12345", wrongCheck, " ", "991051199001011231", "110105199013011234", "010105199001011232", "",
                "11010519900101123Ｘ")).lines();
        assertThat(lines).extracting(ReconciliationLine::problem)
                         .containsExactly("ID_NUMBER_FORMAT", "ID_NUMBER_CHECK_DIGIT", "ID_NUMBER_MISSING",
                                          "ID_NUMBER_REGION", "ID_NUMBER_BIRTH_DATE", "ID_NUMBER_FORMAT",
                                          "ID_NUMBER_MISSING", "ID_NUMBER_FORMAT");
        assertThat(lines).allSatisfy(line -> assertThat(line.caseId()).isNull());
    }

    @Test
    void theCheckCharacterIsGb11643s() {
        assertThat(ReconciliationQueries.problemCode(ACTIVE_ID)).isNull();
        assertThat(ReconciliationQueries.problemCode(EMPLOYED_ID)).isNull();
        assertThat(IdNumberFormat.checkCharacter(EMPLOYED_ID)).isEqualTo('X');
        assertThat(ReconciliationQueries.problemCode("11010519850505109x")).as("normalised before").isEqualTo("ID_NUMBER_FORMAT");
        assertThat(ReconciliationQueries.problemCode("110105189912311234")).isEqualTo("ID_NUMBER_BIRTH_DATE");
    }

    @Test
    void aLongListIsReadInChunksAndFindsItsPeopleWherever() {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            String body = "440305" + LocalDate.of(1980, 1, 1).plusDays(i / 1000)
                                                .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                    + String.format("%03d", i % 1000);
            numbers.add(body + IdNumberFormat.checkCharacter(body));
        }
        numbers.set(7, ACTIVE_ID);
        numbers.set(1150, EMPLOYED_ID);
        ReconciliationQueries roomy = new ReconciliationQueries(fixture.store(serverSideGuards()),
                cn.pes.casework.query.support.ProjectionHarness.BLIND_INDEX,
                new PersonalDataDocs(new PersonalDataProtector(keys)), 20_000);
        List<ReconciliationLine> lines = roomy.handle(new FindReconciliationQuery(numbers)).lines();
        assertThat(lines).hasSize(1200);
        assertThat(lines.stream().filter(line -> line.caseId() != null).map(ReconciliationLine::index))
                .containsExactly(7, 1150);
        assertThat(lines.get(1150).caseId()).isEqualTo(employed.caseId());
        assertThat(lines.stream().filter(line -> line.problem() != null)).isEmpty();
    }

    @Test
    void aListBeyondTheLimitIsRefusedWhole() {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i <= ComparisonProjections.MAX_NUMBERS; i++) {
            numbers.add(ACTIVE_ID);
        }
        assertThatThrownBy(() -> reconcile(numbers)).isInstanceOf(ReconciliationTooLargeException.class)
                                                    .hasMessageNotContaining(ACTIVE_ID);
        assertThat(reconcile(numbers.subList(0, ComparisonProjections.MAX_NUMBERS)).lines())
                .hasSize(ComparisonProjections.MAX_NUMBERS);
    }
}
