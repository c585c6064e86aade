package cn.pes.casework.command.clientcase;

import cn.pes.casework.command.employer.UnifiedSocialCreditCode;
import cn.pes.casework.command.entrepreneurship.TrainingInstitutions;
import cn.pes.casework.command.policy.LoanPolicy;
import cn.pes.casework.command.policy.LoanPolicyBook;
import cn.pes.casework.events.entrepreneurship.ApplyForGuaranteeLoanCommand;
import cn.pes.casework.events.entrepreneurship.ApproveGuaranteeLoanCommand;
import cn.pes.casework.events.entrepreneurship.Business;
import cn.pes.casework.events.entrepreneurship.CompleteEntrepreneurshipTrainingCommand;
import cn.pes.casework.events.entrepreneurship.DeclineGuaranteeLoanCommand;
import cn.pes.casework.events.entrepreneurship.EnrolInEntrepreneurshipTrainingCommand;
import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingCompleted;
import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingDroppedOut;
import cn.pes.casework.events.entrepreneurship.EntrepreneurshipTrainingEnrolled;
import cn.pes.casework.events.entrepreneurship.ExistingLoan;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanApplied;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanApproved;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanDeclined;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanDisbursed;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanEligibilityAssessed;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanOverdue;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanRepaid;
import cn.pes.casework.events.entrepreneurship.KeyGroupClaim;
import cn.pes.casework.events.entrepreneurship.LoanApplication;
import cn.pes.casework.events.entrepreneurship.LoanInterestSubsidised;
import cn.pes.casework.events.entrepreneurship.LoanRepaymentRecorded;
import cn.pes.casework.events.entrepreneurship.LoanStage;
import cn.pes.casework.events.entrepreneurship.OverdueSource;
import cn.pes.casework.events.entrepreneurship.RecordInterestSubsidyCommand;
import cn.pes.casework.events.entrepreneurship.RecordLoanDisbursementCommand;
import cn.pes.casework.events.entrepreneurship.RecordLoanRepaymentCommand;
import cn.pes.casework.events.entrepreneurship.RecordTrainingDropOutCommand;
import cn.pes.casework.events.entrepreneurship.ReportLoanOverdueCommand;
import cn.pes.casework.events.entrepreneurship.TrainingInstitution;
import cn.pes.casework.events.entrepreneurship.TrainingStatus;
import cn.pes.casework.events.shared.PersonCategory;
import cn.pes.casework.events.shared.RuleViolation;
import cn.pes.casework.events.shared.Sex;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.MetaData;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.pes.casework.command.clientcase.InputChecks.requireLength;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Entrepreneurship services (创业服务) inside the person's case: training at designated institutions
 * (ENT-1) and guarantee loans from application to repayment (ENT-2..ENT-5). The case ({@link ClientCase})
 * routes the commands here; the checks and the events they cause are decided here, and the state
 * changes only in the {@code on} methods, which the case calls from its event sourcing handlers.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Entrepreneurship {

    private static final int MAX_NAME_LENGTH = 200;
    private static final int MAX_TEXT_LENGTH = 1000;
    private static final int MAX_YUAN_DIGITS = 11;

    /** An unemployment spell as the loan rules see it: active from registration until its end (exclusive). */
    record Spell(LocalDate registeredOn, LocalDate endedOn, Set<PersonCategory> categories) {
        boolean activeOn(LocalDate day) {
            return !day.isBefore(registeredOn) && (endedOn == null || day.isBefore(endedOn));
        }
    }

    /** From the ID number (CaseOpened): ENT-3's age limit. */
    private LocalDate birthDate;
    private Sex sex;
    private List<Spell> spells = new ArrayList<>();
    private Map<String, EntrepreneurshipTraining> trainings = new LinkedHashMap<>();
    private Map<String, GuaranteeLoan> loans = new LinkedHashMap<>();

    // ------------------------------------------------------------ training (ENT-1)

    boolean knowsTraining(String trainingId) {
        return trainingId != null && trainings.containsKey(trainingId);
    }

    /** ENT-1: at an institution designated for the type on the first day of the course. */
    void enrol(String caseId, EnrolInEntrepreneurshipTrainingCommand command, String agencyId,
               TrainingInstitutions institutions) {
        InputChecks.requirePresent(command.institutionId(), "institutionId");
        if (command.trainingType() == null) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "trainingType");
        }
        InputChecks.requireDate(command.startsOn(), "startsOn");
        InputChecks.requireDate(command.recordedOn(), "recordedOn");
        TrainingInstitution institution = institutions.find(command.institutionId())
                .orElseThrow(() -> CaseRuleViolation.invalid("ENT-1", "INSTITUTION_UNKNOWN", "institutionId"));
        boolean designatedThen = institution.types().stream()
                .anyMatch(type -> institution.designatedFor(type, command.startsOn()));
        if (!designatedThen) {
            throw CaseRuleViolation.conflict("ENT-1", "INSTITUTION_NOT_DESIGNATED", "institutionId");
        }
        if (!institution.designatedFor(command.trainingType(), command.startsOn())) {
            throw CaseRuleViolation.conflict("ENT-1", "TYPE_NOT_DESIGNATED", "trainingType");
        }
        apply(new EntrepreneurshipTrainingEnrolled(caseId, command.trainingId(), institution.id(),
                institution.name(), command.trainingType(), command.startsOn(), agencyId, command.recordedOn()));
    }

    void complete(String caseId, CompleteEntrepreneurshipTrainingCommand command) {
        EntrepreneurshipTraining training = enrolled(command.trainingId());
        InputChecks.requirePresent(command.certificateNumber(), "certificateNumber");
        requireLength(command.certificateNumber(), MAX_NAME_LENGTH, "certificateNumber");
        requireOnOrAfter(command.completedOn(), training.startsOn(), "ENT-1", "completedOn");
        apply(new EntrepreneurshipTrainingCompleted(caseId, training.trainingId(), training.institutionId(),
                command.completedOn(), command.certificateNumber().strip()));
    }

    void dropOut(String caseId, RecordTrainingDropOutCommand command) {
        EntrepreneurshipTraining training = enrolled(command.trainingId());
        InputChecks.requirePresent(command.reason(), "reason");
        requireLength(command.reason(), MAX_TEXT_LENGTH, "reason");
        requireOnOrAfter(command.droppedOutOn(), training.startsOn(), "ENT-1", "droppedOutOn");
        apply(new EntrepreneurshipTrainingDroppedOut(caseId, training.trainingId(), training.institutionId(),
                command.droppedOutOn(), command.reason().strip()));
    }

    private EntrepreneurshipTraining enrolled(String trainingId) {
        EntrepreneurshipTraining training = trainingId == null ? null : trainings.get(trainingId);
        if (training == null) {
            throw new CaseRuleViolation(RuleViolation.of("INPUT", "TRAINING_NOT_FOUND", "trainingId",
                    RuleViolation.Kind.NOT_FOUND));
        }
        if (training.status() != TrainingStatus.ENROLLED) {
            throw CaseRuleViolation.conflict("ENT-1", "TRAINING_NOT_ENROLLED", "trainingId");
        }
        return training;
    }

    // ------------------------------------------------------------ guarantee loans (ENT-2..ENT-5)

    /** The recorded assessment of a loan sent before, or null for a new loan ID. */
    GuaranteeLoanEligibilityAssessed recordedAssessment(String loanId) {
        GuaranteeLoan loan = loanId == null ? null : loans.get(loanId);
        return loan == null ? null : loan.assessment();
    }

    /**
     * ENT-2..ENT-5: records the application and its assessment with the policy version in force on the
     * application date. Malformed input is refused before anything is recorded.
     *
     * @param agencyId the handling agency: the command's, else the acting officer's, else the case's
     * @return the assessment, also for the caller's answer
     */
    GuaranteeLoanEligibilityAssessed applyForLoan(String caseId, ApplyForGuaranteeLoanCommand command,
                                                  String agencyId, LoanPolicyBook policies) {
        LoanApplication application = normalised(command.application());
        InputChecks.requireDate(command.appliedOn(), "appliedOn");
        InputChecks.requireDate(command.recordedOn(), "recordedOn");
        if (command.appliedOn().isAfter(command.recordedOn())) {
            throw CaseRuleViolation.invalid("INPUT", "DATE_IN_FUTURE", "appliedOn");
        }
        LoanPolicy policy = policies.inForceOn(command.appliedOn());
        Spell spell = spellOn(command.appliedOn());
        LoanEligibility.Assessment assessment = LoanEligibility.assess(application, command.appliedOn(),
                new LoanEligibility.Facts(birthDate, sex, spell != null,
                        spell == null ? Set.of() : spell.categories(), List.copyOf(loans.values())),
                policy);
        apply(new GuaranteeLoanApplied(caseId, command.loanId(), application, agencyId,
                command.appliedOn(), command.recordedOn()));
        GuaranteeLoanEligibilityAssessed assessed = new GuaranteeLoanEligibilityAssessed(caseId, command.loanId(),
                assessment.eligible(), assessment.failedConditions(), assessment.qualifyingGroups(),
                assessment.age(), policy.amountLimit(), policy.maxTermMonths(), assessment.previousLoans(),
                command.recordedOn(), policy.version());
        apply(assessed);
        return assessed;
    }

    /** The input checks of an application (400, nothing stored), and its text stripped. */
    private static LoanApplication normalised(LoanApplication application) {
        if (application == null) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "application");
        }
        Business business = application.business();
        if (business == null) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "application.business");
        }
        InputChecks.requirePresent(business.name(), "application.business.name");
        requireLength(business.name(), MAX_NAME_LENGTH, "application.business.name");
        if (business.legalForm() == null) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "application.business.legalForm");
        }
        String registrationNumber = null;
        if (business.registrationNumber() != null && !business.registrationNumber().isBlank()) {
            try {
                registrationNumber = UnifiedSocialCreditCode.parse(business.registrationNumber()).value();
            } catch (UnifiedSocialCreditCode.InvalidCodeException e) {
                throw CaseRuleViolation.invalid("INPUT", "MALFORMED", "application.business.registrationNumber");
            }
        }
        requireLength(application.projectDescription(), MAX_TEXT_LENGTH, "application.projectDescription");
        requireYuan(application.amountRequested(), "application.amountRequested");
        if (application.amountRequested() == null || application.amountRequested().signum() <= 0) {
            throw CaseRuleViolation.invalid("INPUT", "NOT_POSITIVE", "application.amountRequested");
        }
        if (application.termMonthsRequested() < 1) {
            throw CaseRuleViolation.invalid("INPUT", "NOT_POSITIVE", "application.termMonthsRequested");
        }
        List<ExistingLoan> existing = application.existingLoans();
        for (int i = 0; i < existing.size(); i++) {
            ExistingLoan loan = existing.get(i);
            String at = "application.existingLoans[" + i + "]";
            if (loan == null) {
                throw CaseRuleViolation.invalid("INPUT", "MISSING", at);
            }
            if (loan.holder() == null) {
                throw CaseRuleViolation.invalid("INPUT", "MISSING", at + ".holder");
            }
            if (loan.type() == null) {
                throw CaseRuleViolation.invalid("INPUT", "MISSING", at + ".type");
            }
            requireYuan(loan.amount(), at + ".amount");
            if (loan.amount() == null || loan.amount().signum() < 0) {
                throw CaseRuleViolation.invalid("INPUT", "NEGATIVE", at + ".amount");
            }
        }
        List<KeyGroupClaim> claims = new ArrayList<>();
        for (int i = 0; i < application.claimedGroups().size(); i++) {
            KeyGroupClaim claim = application.claimedGroups().get(i);
            String at = "application.claimedGroups[" + i + "]";
            if (claim == null || claim.group() == null) {
                throw CaseRuleViolation.invalid("INPUT", "MISSING", at + ".group");
            }
            requireLength(claim.evidence(), MAX_NAME_LENGTH, at + ".evidence");
            claims.add(new KeyGroupClaim(claim.group(), blankToNull(claim.evidence())));
        }
        return new LoanApplication(new Business(business.name().strip(), business.legalForm(), registrationNumber,
                business.registeredInCity()), blankToNull(application.projectDescription()),
                application.amountRequested(), application.termMonthsRequested(), existing, claims);
    }

    /** Only an eligible application; at most what was asked and within the limits the assessment recorded. */
    void approve(String caseId, ApproveGuaranteeLoanCommand command) {
        GuaranteeLoan loan = loan(command.loanId());
        requireStage(loan, "LOAN_NOT_ELIGIBLE", LoanStage.ELIGIBLE);
        requireYuan(command.amount(), "amount");
        if (command.amount() == null || command.amount().signum() <= 0) {
            throw CaseRuleViolation.invalid("INPUT", "NOT_POSITIVE", "amount");
        }
        if (command.amount().compareTo(loan.application().amountRequested()) > 0) {
            throw CaseRuleViolation.invalid("ENT-5", "AMOUNT_OVER_REQUESTED", "amount");
        }
        if (command.amount().compareTo(loan.assessment().amountLimit()) > 0) {
            throw CaseRuleViolation.invalid("ENT-5", "AMOUNT_OVER_LIMIT", "amount");
        }
        if (command.termMonths() < 1) {
            throw CaseRuleViolation.invalid("INPUT", "NOT_POSITIVE", "termMonths");
        }
        if (command.termMonths() > loan.assessment().maxTermMonths()) {
            throw CaseRuleViolation.invalid("ENT-5", "TERM_OVER_LIMIT", "termMonths");
        }
        InputChecks.requirePresent(command.lender(), "lender");
        requireLength(command.lender(), MAX_NAME_LENGTH, "lender");
        requireLength(command.guaranteeContractNumber(), MAX_NAME_LENGTH, "guaranteeContractNumber");
        requireOnOrAfter(command.approvedOn(), loan.appliedOn(), "ENT-2", "approvedOn");
        apply(new GuaranteeLoanApproved(caseId, loan.loanId(), command.amount(), command.termMonths(),
                command.lender().strip(), blankToNull(command.guaranteeContractNumber()), command.approvedOn(),
                loan.agencyId()));
    }

    void decline(String caseId, DeclineGuaranteeLoanCommand command) {
        GuaranteeLoan loan = loan(command.loanId());
        requireStage(loan, "LOAN_NOT_ELIGIBLE", LoanStage.ELIGIBLE);
        InputChecks.requirePresent(command.reason(), "reason");
        requireLength(command.reason(), MAX_TEXT_LENGTH, "reason");
        requireOnOrAfter(command.declinedOn(), loan.appliedOn(), "ENT-2", "declinedOn");
        apply(new GuaranteeLoanDeclined(caseId, loan.loanId(), command.declinedOn(), command.reason().strip()));
    }

    /** The term runs from the payout; it ends on the same-numbered day (or the month's last day), TIME-2. */
    void disburse(String caseId, RecordLoanDisbursementCommand command, DeadlineManager deadlines) {
        GuaranteeLoan loan = loan(command.loanId());
        requireStage(loan, "LOAN_NOT_APPROVED", LoanStage.APPROVED);
        requireOnOrAfter(command.disbursedOn(), loan.approvedOn(), "ENT-2", "disbursedOn");
        LocalDate maturesOn = command.disbursedOn().plusMonths(loan.termMonths());
        apply(new GuaranteeLoanDisbursed(caseId, loan.loanId(), loan.amountApproved(), command.disbursedOn(),
                maturesOn));
        new LoanClock(loan.loanId(), maturesOn).schedule(deadlines, loan.agencyId());
    }

    /** A resent repayment ID records nothing; the last repayment repays the loan (结清). */
    void repay(String caseId, RecordLoanRepaymentCommand command) {
        GuaranteeLoan loan = loan(command.loanId());
        InputChecks.requirePresent(command.repaymentId(), "repaymentId");
        if (loan.knowsRepayment(command.repaymentId())) {
            return;
        }
        requireStage(loan, "LOAN_NOT_DISBURSED", LoanStage.DISBURSED, LoanStage.OVERDUE);
        requireOnOrAfter(command.paidOn(), loan.disbursedOn(), "ENT-2", "paidOn");
        requireYuan(command.principal(), "principal");
        requireYuan(command.interest(), "interest");
        if (command.principal() == null || command.principal().signum() <= 0) {
            throw CaseRuleViolation.invalid("INPUT", "NOT_POSITIVE", "principal");
        }
        if (command.principal().compareTo(loan.outstanding()) > 0) {
            throw CaseRuleViolation.invalid("ENT-2", "MORE_THAN_OUTSTANDING", "principal");
        }
        BigDecimal interest = command.interest() == null ? BigDecimal.ZERO : command.interest();
        if (interest.signum() < 0) {
            throw CaseRuleViolation.invalid("INPUT", "NEGATIVE", "interest");
        }
        BigDecimal after = loan.outstanding().subtract(command.principal());
        apply(new LoanRepaymentRecorded(caseId, loan.loanId(), command.repaymentId(), command.paidOn(),
                command.principal(), interest, after));
        if (after.signum() == 0) {
            apply(new GuaranteeLoanRepaid(caseId, loan.loanId(), command.paidOn(),
                    command.paidOn().isAfter(loan.maturesOn())));
        }
    }

    void reportOverdue(String caseId, ReportLoanOverdueCommand command) {
        GuaranteeLoan loan = loan(command.loanId());
        requireStage(loan, "LOAN_NOT_DISBURSED", LoanStage.DISBURSED);
        requireOnOrAfter(command.overdueSince(), loan.disbursedOn(), "ENT-5", "overdueSince");
        apply(new GuaranteeLoanOverdue(caseId, loan.loanId(), command.overdueSince(), loan.outstanding(),
                OverdueSource.LENDER_REPORT));
    }

    /** 财政贴息: periods within the loan's life, none twice. */
    void subsidiseInterest(String caseId, RecordInterestSubsidyCommand command) {
        GuaranteeLoan loan = loan(command.loanId());
        requireStage(loan, "LOAN_NOT_DISBURSED", LoanStage.DISBURSED, LoanStage.OVERDUE, LoanStage.REPAID);
        InputChecks.requireDate(command.periodFrom(), "periodFrom");
        InputChecks.requireDate(command.periodTo(), "periodTo");
        InputChecks.requireDate(command.paidOn(), "paidOn");
        if (command.periodTo().isBefore(command.periodFrom())) {
            throw CaseRuleViolation.invalid("INPUT", "PERIOD_ENDS_BEFORE_START", "periodTo");
        }
        if (command.periodFrom().isBefore(loan.disbursedOn())) {
            throw CaseRuleViolation.invalid("ENT-5", "PERIOD_BEFORE_DISBURSEMENT", "periodFrom");
        }
        LocalDate end = loan.repaidOn() != null && loan.repaidOn().isAfter(loan.maturesOn())
                ? loan.repaidOn() : loan.maturesOn();
        if (command.periodTo().isAfter(end)) {
            throw CaseRuleViolation.invalid("ENT-5", "PERIOD_AFTER_LOAN_END", "periodTo");
        }
        if (loan.overlapsSubsidisedPeriod(command.periodFrom(), command.periodTo())) {
            throw CaseRuleViolation.conflict("ENT-5", "PERIOD_ALREADY_SUBSIDISED", "periodFrom");
        }
        requireYuan(command.interest(), "interest");
        requireYuan(command.subsidy(), "subsidy");
        if (command.interest() == null || command.interest().signum() < 0) {
            throw CaseRuleViolation.invalid("INPUT", "NEGATIVE", "interest");
        }
        if (command.subsidy() == null || command.subsidy().signum() < 0) {
            throw CaseRuleViolation.invalid("INPUT", "NEGATIVE", "subsidy");
        }
        if (command.subsidy().compareTo(command.interest()) > 0) {
            throw CaseRuleViolation.invalid("ENT-5", "SUBSIDY_OVER_INTEREST", "subsidy");
        }
        apply(new LoanInterestSubsidised(caseId, loan.loanId(), command.periodFrom(), command.periodTo(),
                command.interest(), command.subsidy(), command.paidOn()));
    }

    /** The term is over: still owing and not reported overdue yet means overdue from the next day. */
    void maturityPassed(String caseId, LoanClock clock, MetaData eventMetaData) {
        GuaranteeLoan loan = loans.get(clock.loanId());
        if (loan == null || loan.stage() != LoanStage.DISBURSED || !clock.maturesOn().equals(loan.maturesOn())
                || loan.outstanding().signum() <= 0) {
            return; // repaid or reported overdue meanwhile
        }
        apply(new GuaranteeLoanOverdue(caseId, loan.loanId(), clock.maturesOn().plusDays(1), loan.outstanding(),
                OverdueSource.MATURITY_PASSED), eventMetaData);
    }

    private GuaranteeLoan loan(String loanId) {
        GuaranteeLoan loan = loanId == null ? null : loans.get(loanId);
        if (loan == null) {
            throw new CaseRuleViolation(RuleViolation.of("INPUT", "LOAN_NOT_FOUND", "loanId",
                    RuleViolation.Kind.NOT_FOUND));
        }
        return loan;
    }

    private static void requireStage(GuaranteeLoan loan, String code, LoanStage... allowed) {
        for (LoanStage stage : allowed) {
            if (loan.stage() == stage) {
                return;
            }
        }
        throw CaseRuleViolation.conflict("ENT-2", code, "loanId");
    }

    private static void requireOnOrAfter(LocalDate date, LocalDate earliest, String ruleId, String field) {
        if (date == null) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", field);
        }
        if (earliest != null && date.isBefore(earliest)) {
            throw CaseRuleViolation.invalid(ruleId, "DATE_TOO_EARLY", field);
        }
    }

    /** Yuan and fen, bounded: amounts go into permanent history and into sums of the read models. */
    private static void requireYuan(BigDecimal amount, String field) {
        if (amount != null && (amount.stripTrailingZeros().scale() > 2
                || amount.precision() - amount.scale() > MAX_YUAN_DIGITS)) {
            throw CaseRuleViolation.invalid("INPUT", "MALFORMED", field);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Spell spellOn(LocalDate day) {
        return spells.stream().filter(spell -> spell.activeOn(day)).reduce((first, second) -> second).orElse(null);
    }

    /** PRIV-1: a loan still running needs the borrower's data (repayments, overdue reports). */
    boolean hasOpenLoan() {
        return loans.values().stream().anyMatch(GuaranteeLoan::open);
    }

    // ------------------------------------------------------------ state

    void opened(LocalDate birthDate, Sex sex) {
        this.birthDate = birthDate;
        this.sex = sex;
    }

    void spellStarted(LocalDate registeredOn, Set<PersonCategory> categories) {
        spells.add(new Spell(registeredOn, null, categories == null ? Set.of() : new HashSet<>(categories)));
    }

    void spellEnded(LocalDate endedOn) {
        if (!spells.isEmpty()) {
            Spell last = spells.get(spells.size() - 1);
            if (last.endedOn() == null) {
                spells.set(spells.size() - 1, new Spell(last.registeredOn(),
                        endedOn == null ? last.registeredOn() : endedOn, last.categories()));
            }
        }
    }

    void on(EntrepreneurshipTrainingEnrolled event) {
        trainings.put(event.trainingId(), new EntrepreneurshipTraining(event.trainingId(), event.institutionId(),
                event.trainingType(), event.startsOn(), TrainingStatus.ENROLLED));
    }

    void on(EntrepreneurshipTrainingCompleted event) {
        trainings.computeIfPresent(event.trainingId(), (id, training) -> training.with(TrainingStatus.COMPLETED));
    }

    void on(EntrepreneurshipTrainingDroppedOut event) {
        trainings.computeIfPresent(event.trainingId(), (id, training) -> training.with(TrainingStatus.DROPPED_OUT));
    }

    void on(GuaranteeLoanApplied event) {
        loans.put(event.loanId(), new GuaranteeLoan(event));
    }

    void on(GuaranteeLoanEligibilityAssessed event) {
        withLoan(event.loanId()).on(event);
    }

    void on(GuaranteeLoanApproved event) {
        withLoan(event.loanId()).on(event);
    }

    void on(GuaranteeLoanDeclined event) {
        withLoan(event.loanId()).declined();
    }

    void on(GuaranteeLoanDisbursed event) {
        withLoan(event.loanId()).on(event);
    }

    void on(LoanRepaymentRecorded event) {
        withLoan(event.loanId()).on(event);
    }

    void on(GuaranteeLoanOverdue event) {
        withLoan(event.loanId()).overdue();
    }

    void on(GuaranteeLoanRepaid event) {
        withLoan(event.loanId()).on(event);
    }

    void on(LoanInterestSubsidised event) {
        withLoan(event.loanId()).on(event);
    }

    private GuaranteeLoan withLoan(String loanId) {
        GuaranteeLoan loan = loans.get(loanId);
        if (loan == null) {
            throw new IllegalStateException("An event of an unknown loan");
        }
        return loan;
    }
}
