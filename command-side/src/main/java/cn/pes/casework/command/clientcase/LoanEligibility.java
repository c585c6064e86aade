package cn.pes.casework.command.clientcase;

import cn.pes.casework.command.policy.LoanPolicy;
import cn.pes.casework.events.entrepreneurship.ExistingLoan;
import cn.pes.casework.events.entrepreneurship.ExistingLoanType;
import cn.pes.casework.events.entrepreneurship.KeyGroupClaim;
import cn.pes.casework.events.entrepreneurship.LoanApplication;
import cn.pes.casework.events.entrepreneurship.LoanCondition;
import cn.pes.casework.events.entrepreneurship.LoanKeyGroup;
import cn.pes.casework.events.shared.PersonCategory;
import cn.pes.casework.events.shared.RefusalReason;
import cn.pes.casework.events.shared.Sex;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The eligibility conditions of a guarantee loan application (创业担保贷款资格, ENT-2..ENT-5), each a
 * named rule. Every condition is checked, so that a refusal names all that failed at once, in the
 * order of {@link LoanCondition}.
 */
final class LoanEligibility {

    /**
     * What the person's case knows on the application date.
     *
     * @param registeredUnemployed an unemployment registration was active on the application date
     * @param categories           the categories recorded at that registration (empty without one)
     * @param previousLoans        the person's other guarantee loans
     */
    record Facts(LocalDate birthDate, Sex sex, boolean registeredUnemployed, Set<PersonCategory> categories,
                 Collection<GuaranteeLoan> previousLoans) {
    }

    /** The decision: every failed condition, the key groups found, the age and the loans counted. */
    record Assessment(List<RefusalReason> failedConditions, Set<LoanKeyGroup> qualifyingGroups, int age,
                      int previousLoans) {
        boolean eligible() {
            return failedConditions.isEmpty();
        }
    }

    private LoanEligibility() {
    }

    static Assessment assess(LoanApplication application, LocalDate appliedOn, Facts facts, LoanPolicy policy) {
        List<RefusalReason> failed = new ArrayList<>();
        Set<LoanKeyGroup> groups = keyGroups(application, facts);
        if (groups.isEmpty()) {
            failed.add(LoanCondition.NOT_IN_KEY_GROUP.failed());
        }
        int age = completedYears(facts.birthDate(), appliedOn);
        if (!policy.ageWithinLimit(age, facts.sex() == Sex.FEMALE)) {
            failed.add(LoanCondition.OVER_AGE_LIMIT.failed());
        }
        if (isBlank(application.projectDescription())) {
            failed.add(LoanCondition.NO_CONCRETE_PROJECT.failed());
        }
        if (!application.business().registeredInCity() || isBlank(application.business().registrationNumber())) {
            failed.add(LoanCondition.BUSINESS_NOT_REGISTERED_IN_CITY.failed());
        }
        failed.addAll(excludedLoans(application.existingLoans(), policy));
        if (!consumerLoansBelowThreshold(application.existingLoans(), policy)) {
            failed.add(LoanCondition.CONSUMER_LOANS_OVER_THRESHOLD.failed());
        }
        if (application.amountRequested().compareTo(policy.amountLimit()) > 0) {
            failed.add(LoanCondition.AMOUNT_OVER_LIMIT.failed());
        }
        if (application.termMonthsRequested() > policy.maxTermMonths()) {
            failed.add(LoanCondition.TERM_OVER_LIMIT.failed());
        }
        if (facts.previousLoans().stream().anyMatch(GuaranteeLoan::open)) {
            failed.add(LoanCondition.OPEN_GUARANTEE_LOAN.failed());
        }
        int granted = (int) facts.previousLoans().stream().filter(GuaranteeLoan::granted).count();
        if (granted >= policy.maxLoans()) {
            failed.add(LoanCondition.LOAN_COUNT_REACHED.failed());
        }
        if (facts.previousLoans().stream().anyMatch(GuaranteeLoan::everOverdue)) {
            failed.add(LoanCondition.PREVIOUS_LOAN_OVERDUE.failed());
        }
        return new Assessment(List.copyOf(failed), groups, age, granted);
    }

    /** TIME-4: completed years (周岁) — a person is N on their Nth birthday. */
    static int completedYears(LocalDate birthDate, LocalDate on) {
        return Period.between(birthDate, on).getYears();
    }

    /**
     * ENT-2: the groups the case establishes (an active registration, the categories recorded with it)
     * and those claimed with a document. Registered unemployment only the case can establish.
     */
    static Set<LoanKeyGroup> keyGroups(LoanApplication application, Facts facts) {
        Set<LoanKeyGroup> groups = EnumSet.noneOf(LoanKeyGroup.class);
        if (facts.registeredUnemployed()) {
            groups.add(LoanKeyGroup.REGISTERED_UNEMPLOYED);
        }
        for (PersonCategory category : facts.categories()) {
            switch (category) {
                case EMPLOYMENT_DIFFICULTY, DISABLED, ZERO_EMPLOYMENT_FAMILY, LOW_INCOME_FAMILY ->
                        groups.add(LoanKeyGroup.EMPLOYMENT_DIFFICULTY);
                case VETERAN -> groups.add(LoanKeyGroup.VETERAN);
                case RELEASED_PRISONER -> groups.add(LoanKeyGroup.RELEASED_PRISONER);
                case GRADUATE -> groups.add(LoanKeyGroup.GRADUATE);
                case POVERTY_ALLEVIATED -> groups.add(LoanKeyGroup.POVERTY_ALLEVIATED);
                default -> {
                    // 两后生 is no key group of ENT-2.
                }
            }
        }
        for (KeyGroupClaim claim : application.claimedGroups()) {
            if (claim.group() != LoanKeyGroup.REGISTERED_UNEMPLOYED && !isBlank(claim.evidence())) {
                groups.add(claim.group());
            }
        }
        return groups;
    }

    /** ENT-4: every existing loan of a type neither permitted nor consumer, named by its line. */
    static List<RefusalReason> excludedLoans(List<ExistingLoan> loans, LoanPolicy policy) {
        List<RefusalReason> failed = new ArrayList<>();
        for (int i = 0; i < loans.size(); i++) {
            ExistingLoanType type = loans.get(i).type();
            if (type != ExistingLoanType.CONSUMER && !policy.permittedLoanTypes().contains(type)) {
                failed.add(LoanCondition.EXCLUDED_LOAN_HELD.failedAt(i));
            }
        }
        return failed;
    }

    /** ENT-4: the applicant's and spouse's consumer loans together strictly below the threshold. */
    static boolean consumerLoansBelowThreshold(List<ExistingLoan> loans, LoanPolicy policy) {
        BigDecimal total = loans.stream().filter(loan -> loan.type() == ExistingLoanType.CONSUMER)
                .map(ExistingLoan::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return total.compareTo(policy.consumerLoanThreshold()) < 0;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
