package cn.pes.casework.command.policy;

import cn.pes.casework.events.entrepreneurship.ExistingLoanType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The figures of the entrepreneurship guarantee loan (创业担保贷款, ENT-3..ENT-5) that a policy change
 * may alter. The version in force on the application date decides the eligibility assessment; its label
 * goes into {@code GuaranteeLoanEligibilityAssessed.policyVersion}, its limits into the same event.
 * <p>
 * ENT-4's consumer loan threshold is read as: the consumer loans (个人消费贷款, credit cards included)
 * of the applicant and the spouse <em>together</em> must be strictly below it ("低于"), so 99,999.99
 * passes a 100,000 threshold and 100,000 itself does not.
 *
 * @param version                 unique label, e.g. {@code LOAN-2027-01}
 * @param effectiveFrom           first application date (inclusive) the version applies to
 * @param womenMaxAge             ENT-3: oldest age in completed years (周岁) for women
 * @param menMaxAge               ENT-3: oldest age in completed years for men
 * @param ageLimitReading         how the age limits are read ({@link AgeLimitReading#NOT_OVER} by default)
 * @param amountLimit             ENT-5: the individual limit in yuan (an application may ask exactly this)
 * @param maxTermMonths           ENT-5: the longest term in months
 * @param maxLoans                ENT-5: guarantee loans a person may be granted in total
 * @param permittedLoanTypes      ENT-4: existing loans that do not stand in the way (consumer loans are measured
 *                                against the threshold instead)
 * @param consumerLoanThreshold   ENT-4: yuan the applicant's and spouse's consumer loans together stay below
 */
public record LoanPolicy(String version, LocalDate effectiveFrom, int womenMaxAge, int menMaxAge,
                         AgeLimitReading ageLimitReading, BigDecimal amountLimit, int maxTermMonths, int maxLoans,
                         Set<ExistingLoanType> permittedLoanTypes, BigDecimal consumerLoanThreshold)
        implements DatedPolicy {

    /** How "不超过N周岁" is read. */
    public enum AgeLimitReading {
        /**
         * 不超过: eligible while the completed years are at most the limit (TIME-4) — a woman of exactly
         * 55 周岁 is eligible until the day before her 56th birthday (ENT-3's stated reading).
         */
        NOT_OVER,
        /** 未满: eligible only below the limit — refused from the limit's birthday on. */
        UNDER
    }

    /** DOMAIN.md's figures, used when configuration names no version at all. */
    public static final LoanPolicy DEFAULT = new LoanPolicy("LOAN-DEFAULT-2020", LocalDate.of(1900, 1, 1), 55, 60,
            AgeLimitReading.NOT_OVER, new BigDecimal("200000"), 36, 3,
            EnumSet.of(ExistingLoanType.STUDENT, ExistingLoanType.POVERTY_RELIEF, ExistingLoanType.HOUSING,
                    ExistingLoanType.CAR),
            new BigDecimal("100000"));

    public LoanPolicy {
        ageLimitReading = ageLimitReading == null ? AgeLimitReading.NOT_OVER : ageLimitReading;
        EnumSet<ExistingLoanType> ordered = EnumSet.noneOf(ExistingLoanType.class);
        if (permittedLoanTypes != null) {
            ordered.addAll(permittedLoanTypes);
        }
        permittedLoanTypes = Collections.unmodifiableSet(ordered);
    }

    /** Whether a person of {@code age} completed years is within the limit. */
    public boolean ageWithinLimit(int age, boolean female) {
        int limit = female ? womenMaxAge : menMaxAge;
        return ageLimitReading == AgeLimitReading.NOT_OVER ? age <= limit : age < limit;
    }

    @Override
    public List<String> figureProblems() {
        List<String> problems = new ArrayList<>();
        requireAtLeastOne(problems, ".women-max-age", womenMaxAge);
        requireAtLeastOne(problems, ".men-max-age", menMaxAge);
        requireAtLeastOne(problems, ".max-term-months", maxTermMonths);
        requireAtLeastOne(problems, ".max-loans", maxLoans);
        if (amountLimit == null || amountLimit.signum() <= 0) {
            problems.add(".amount-limit must be greater than 0, was " + amountLimit);
        }
        if (consumerLoanThreshold == null || consumerLoanThreshold.signum() < 0) {
            problems.add(".consumer-loan-threshold must be 0 or more, was " + consumerLoanThreshold);
        }
        if (permittedLoanTypes.contains(ExistingLoanType.CONSUMER)) {
            problems.add(".permitted-loan-types must not name CONSUMER: consumer loans are measured against"
                    + " .consumer-loan-threshold");
        }
        return problems;
    }

    private static void requireAtLeastOne(List<String> problems, String property, int value) {
        if (value < 1) {
            problems.add(property + " must be at least 1, was " + value);
        }
    }
}
