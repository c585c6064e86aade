package cn.pes.casework.query.entrepreneurship;

import cn.pes.casework.events.entrepreneurship.Business;
import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingCompleted;
import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingDroppedOut;
import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingEnrolled;
import cn.pes.casework.events.entrepreneurship.ExistingLoan;
import cn.pes.casework.events.entrepreneurship.ExistingLoanType;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanApplied;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanApproved;
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
import cn.pes.casework.events.entrepreneurship.TrainingType;
import cn.pes.casework.query.support.CaseEvents;
import org.axonframework.eventhandling.DomainEventMessage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static cn.pes.casework.query.support.CaseEvents.OTHER_STREET_AGENCY;
import static cn.pes.casework.query.support.CaseEvents.STREET_AGENCY;

/**
 * Five people of the demonstration city (county 990101 with streets 990101001 and 990101002, county
 * 990102 with street 990102001):
 * <ul>
 * <li>A (990101001): SYB training at inst-1 from 2026-03-02, completed 03-20; loan-a applied 04-01,
 * approved 150,000 for 24 months 04-15, disbursed 04-20 (matures 2028-04-20), repaid 50,000 on 10-20,
 * interest subsidy 1,500 paid 11-05, repaid the last 100,000 on 11-10 (REPAID).</li>
 * <li>B (990102001): loan-b applied 2026-05-10, approved 100,000 05-20, disbursed 06-01, reported
 * overdue by the bank since 11-02 with 100,000 owed.</li>
 * <li>C (990101002): loan-c applied 2026-11-03, refused the same day (over age, amount over limit).</li>
 * <li>D (990101001): loan-d applied 2024-12-01, approved 50,000 for 12 months 2024-12-20, disbursed
 * 2025-01-10, matures 2026-01-10, never repaid and no overdue event (overdue from 2026-01-11 by maturity).</li>
 * <li>E (990102001): online training at inst-1 from 2026-03-16, dropped out 03-25.</li>
 * </ul>
 */
final class EntrepreneurshipStory {

    final CaseEvents a = CaseEvents.newCase();
    final CaseEvents b = CaseEvents.newCase();
    final CaseEvents c = CaseEvents.newCase();
    final CaseEvents d = CaseEvents.newCase();
    final CaseEvents e = CaseEvents.newCase();
    final List<DomainEventMessage<?>> events = new ArrayList<>();

    static final String STREET_2 = "990101002";

    EntrepreneurshipStory() {
        events.add(a.next(a.openedWithKey(CaseEvents.person("110105199001011111", "甲"))));
        events.add(a.next(new EntrepreneurshipTrainingEnrolled(a.caseId(), "t-a", "inst-1", "市创业学院",
                TrainingType.START_YOUR_BUSINESS, date("2026-03-02"), STREET_AGENCY, date("2026-02-20"))));
        events.add(a.next(new EntrepreneurshipTrainingCompleted(a.caseId(), "t-a", "inst-1", date("2026-03-20"), "SYB-2026-001")));
        events.add(a.next(applied(a, "loan-a", STREET_AGENCY, "200000", 24, "2026-04-01")));
        events.add(a.next(eligible(a, "loan-a", "2026-04-01")));
        events.add(a.next(new GuaranteeLoanApproved(a.caseId(), "loan-a", yuan("150000"), 24, "工商银行东湖支行", "DB-2026-7",
                date("2026-04-15"), STREET_AGENCY)));
        events.add(a.next(new GuaranteeLoanDisbursed(a.caseId(), "loan-a", yuan("150000"), date("2026-04-20"), date("2028-04-20"))));
        events.add(a.next(new LoanRepaymentRecorded(a.caseId(), "loan-a", "r-1", date("2026-10-20"), yuan("50000"), yuan("1000"),
                yuan("100000"))));
        events.add(a.next(new LoanInterestSubsidised(a.caseId(), "loan-a", date("2026-04-20"), date("2026-10-19"), yuan("3000"),
                yuan("1500"), date("2026-11-05"))));
        events.add(a.next(new LoanRepaymentRecorded(a.caseId(), "loan-a", "r-2", date("2026-11-10"), yuan("100000"), yuan("500"),
                yuan("0"))));
        events.add(a.next(new GuaranteeLoanRepaid(a.caseId(), "loan-a", date("2026-11-10"), false)));

        events.add(b.next(b.openedWithKey(CaseEvents.person("110105199001012222", "乙"))));
        events.add(b.next(applied(b, "loan-b", OTHER_STREET_AGENCY, "100000", 12, "2026-05-10")));
        events.add(b.next(eligible(b, "loan-b", "2026-05-10")));
        events.add(b.next(new GuaranteeLoanApproved(b.caseId(), "loan-b", yuan("100000"), 12, "农业银行", "DB-2026-9",
                date("2026-05-20"), OTHER_STREET_AGENCY)));
        events.add(b.next(new GuaranteeLoanDisbursed(b.caseId(), "loan-b", yuan("100000"), date("2026-06-01"), date("2027-06-01"))));
        events.add(b.next(new GuaranteeLoanOverdue(b.caseId(), "loan-b", date("2026-11-02"), yuan("100000"),
                OverdueSource.LENDER_REPORT)));

        events.add(c.next(c.openedWithKey(CaseEvents.person("110105195001013333", "丙"))));
        events.add(c.next(applied(c, "loan-c", STREET_2, "300000", 24, "2026-11-03")));
        events.add(c.next(new GuaranteeLoanEligibilityAssessed(c.caseId(), "loan-c", false,
                List.of(LoanCondition.OVER_AGE_LIMIT.failed(), LoanCondition.AMOUNT_OVER_LIMIT.failed()),
                Set.of(LoanKeyGroup.VETERAN), 76, yuan("200000"), 36, 0, date("2026-11-03"), "loan-2026")));

        events.add(d.next(d.openedWithKey(CaseEvents.person("110105199001014444", "丁"))));
        events.add(d.next(applied(d, "loan-d", STREET_AGENCY, "50000", 12, "2024-12-01")));
        events.add(d.next(eligible(d, "loan-d", "2024-12-01")));
        events.add(d.next(new GuaranteeLoanApproved(d.caseId(), "loan-d", yuan("50000"), 12, "建设银行", "DB-2024-3",
                date("2024-12-20"), STREET_AGENCY)));
        events.add(d.next(new GuaranteeLoanDisbursed(d.caseId(), "loan-d", yuan("50000"), date("2025-01-10"), date("2026-01-10"))));

        events.add(e.next(e.openedWithKey(CaseEvents.person("110105199001015555", "戊"))));
        events.add(e.next(new EntrepreneurshipTrainingEnrolled(e.caseId(), "t-e", "inst-1", "市创业学院", TrainingType.ONLINE,
                date("2026-03-16"), OTHER_STREET_AGENCY, date("2026-03-01"))));
        events.add(e.next(new EntrepreneurshipTrainingDroppedOut(e.caseId(), "t-e", "inst-1", date("2026-03-25"), "外出务工")));
    }

    static LoanApplication application(String amount, int months) {
        return new LoanApplication(new Business("东湖早餐店", LegalForm.INDIVIDUAL_BUSINESS, "92110105MA00000001", true),
                                   "社区早餐店，雇用2人", yuan(amount), months,
                                   List.of(new ExistingLoan(LoanHolder.SPOUSE, ExistingLoanType.HOUSING, yuan("300000"))),
                                   List.of(new KeyGroupClaim(LoanKeyGroup.VETERAN, "退役证")));
    }

    static GuaranteeLoanApplied applied(CaseEvents c, String loanId, String agencyId, String amount, int months, String on) {
        return new GuaranteeLoanApplied(c.caseId(), loanId, application(amount, months), agencyId, date(on), date(on));
    }

    static GuaranteeLoanEligibilityAssessed eligible(CaseEvents c, String loanId, String on) {
        return new GuaranteeLoanEligibilityAssessed(c.caseId(), loanId, true, List.of(), Set.of(LoanKeyGroup.VETERAN), 36,
                                                    yuan("200000"), 36, 0, date(on), "loan-2026");
    }

    static LocalDate date(String value) {
        return LocalDate.parse(value);
    }

    static BigDecimal yuan(String value) {
        return new BigDecimal(value);
    }
}
