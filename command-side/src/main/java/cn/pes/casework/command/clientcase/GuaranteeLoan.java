package cn.pes.casework.command.clientcase;

import cn.pes.casework.events.entrepreneurship.GuaranteeLoanApplied;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanApproved;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanDisbursed;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanEligibilityAssessed;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanRepaid;
import cn.pes.casework.events.entrepreneurship.LoanApplication;
import cn.pes.casework.events.entrepreneurship.LoanInterestSubsidised;
import cn.pes.casework.events.entrepreneurship.LoanRepaymentRecorded;
import cn.pes.casework.events.entrepreneurship.LoanStage;
import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One guarantee loan of the person (创业担保贷款, ENT-2..ENT-5) from application to repayment: its
 * stage and what the next steps are checked against. Held by {@link Entrepreneurship}; changed only
 * by the {@code on} methods, i.e. by events.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class GuaranteeLoan {

    /** An interest period already subsidised (both days inclusive). */
    record Period(LocalDate from, LocalDate to) {
        boolean overlaps(LocalDate otherFrom, LocalDate otherTo) {
            return !otherTo.isBefore(from) && !otherFrom.isAfter(to);
        }
    }

    private String loanId;
    private String agencyId;
    private LoanApplication application;
    private LocalDate appliedOn;
    private LoanStage stage;
    /** The recorded assessment: a resent application is answered with it. */
    private GuaranteeLoanEligibilityAssessed assessment;
    private BigDecimal amountApproved;
    private int termMonths;
    private LocalDate approvedOn;
    private LocalDate disbursedOn;
    private LocalDate maturesOn;
    private BigDecimal outstanding = BigDecimal.ZERO;
    private boolean everOverdue;
    private LocalDate repaidOn;
    private Set<String> repaymentIds = new HashSet<>();
    private List<Period> subsidisedPeriods = new ArrayList<>();

    /** For snapshots. */
    GuaranteeLoan() {
    }

    GuaranteeLoan(GuaranteeLoanApplied event) {
        loanId = event.loanId();
        agencyId = event.agencyId();
        application = event.application();
        appliedOn = event.appliedOn();
    }

    void on(GuaranteeLoanEligibilityAssessed event) {
        assessment = event;
        stage = event.eligible() ? LoanStage.ELIGIBLE : LoanStage.REFUSED;
    }

    void on(GuaranteeLoanApproved event) {
        stage = LoanStage.APPROVED;
        amountApproved = event.amount();
        termMonths = event.termMonths();
        approvedOn = event.approvedOn();
    }

    void declined() {
        stage = LoanStage.DECLINED;
    }

    void on(GuaranteeLoanDisbursed event) {
        stage = LoanStage.DISBURSED;
        disbursedOn = event.disbursedOn();
        maturesOn = event.maturesOn();
        outstanding = event.amount();
    }

    void on(LoanRepaymentRecorded event) {
        repaymentIds.add(event.repaymentId());
        outstanding = event.outstandingAfter();
    }

    void overdue() {
        stage = LoanStage.OVERDUE;
        everOverdue = true;
    }

    void on(GuaranteeLoanRepaid event) {
        stage = LoanStage.REPAID;
        repaidOn = event.repaidOn();
        outstanding = BigDecimal.ZERO;
    }

    void on(LoanInterestSubsidised event) {
        subsidisedPeriods.add(new Period(event.periodFrom(), event.periodTo()));
    }

    /** ENT-5: a loan that still ties the person (eligible, approved, disbursed or overdue, not repaid). */
    boolean open() {
        return stage == LoanStage.ELIGIBLE || stage == LoanStage.APPROVED || stage == LoanStage.DISBURSED
                || stage == LoanStage.OVERDUE;
    }

    /** ENT-5 counts the loans granted: approved, whatever happened after. */
    boolean granted() {
        return approvedOn != null;
    }

    boolean everOverdue() {
        return everOverdue;
    }

    boolean knowsRepayment(String repaymentId) {
        return repaymentIds.contains(repaymentId);
    }

    boolean overlapsSubsidisedPeriod(LocalDate from, LocalDate to) {
        return subsidisedPeriods.stream().anyMatch(period -> period.overlaps(from, to));
    }

    String loanId() {
        return loanId;
    }

    String agencyId() {
        return agencyId;
    }

    LoanApplication application() {
        return application;
    }

    LocalDate appliedOn() {
        return appliedOn;
    }

    LoanStage stage() {
        return stage;
    }

    GuaranteeLoanEligibilityAssessed assessment() {
        return assessment;
    }

    BigDecimal amountApproved() {
        return amountApproved;
    }

    int termMonths() {
        return termMonths;
    }

    LocalDate approvedOn() {
        return approvedOn;
    }

    LocalDate disbursedOn() {
        return disbursedOn;
    }

    LocalDate maturesOn() {
        return maturesOn;
    }

    BigDecimal outstanding() {
        return outstanding;
    }

    LocalDate repaidOn() {
        return repaidOn;
    }

    /** By value: the state rebuilt from the events must equal the state the commands left (and a snapshot's). */
    @Override
    public boolean equals(Object o) {
        return o instanceof GuaranteeLoan other && java.util.Objects.equals(loanId, other.loanId) && java.util.Objects.equals(agencyId, other.agencyId) && java.util.Objects.equals(application, other.application) && java.util.Objects.equals(appliedOn, other.appliedOn) && java.util.Objects.equals(stage, other.stage) && java.util.Objects.equals(assessment, other.assessment) && java.util.Objects.equals(amountApproved, other.amountApproved) && java.util.Objects.equals(termMonths, other.termMonths) && java.util.Objects.equals(approvedOn, other.approvedOn) && java.util.Objects.equals(disbursedOn, other.disbursedOn) && java.util.Objects.equals(maturesOn, other.maturesOn) && java.util.Objects.equals(outstanding, other.outstanding) && java.util.Objects.equals(everOverdue, other.everOverdue) && java.util.Objects.equals(repaidOn, other.repaidOn) && java.util.Objects.equals(repaymentIds, other.repaymentIds) && java.util.Objects.equals(subsidisedPeriods, other.subsidisedPeriods);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(loanId, stage, outstanding);
    }
}
