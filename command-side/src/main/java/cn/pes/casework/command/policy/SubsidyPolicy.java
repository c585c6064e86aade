package cn.pes.casework.command.policy;

import cn.pes.casework.events.shared.PersonCategory;
import cn.pes.casework.events.subsidy.CertificateLevel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The figures of the skills upgrading subsidy (SUB-2..SUB-7) that a policy change may alter. The
 * version in force on an application's receipt date decides it from submission to payment; its
 * label goes into {@code CertificateSubmitted}, {@code CertificateRefused} and {@code SubsidyApproved}.
 *
 * @param version                       unique label, e.g. {@code SUB-2026-01}
 * @param effectiveFrom                 first receipt date (inclusive) the version applies to
 * @param applicationWindowMonths       SUB-2: months after the certificate's issue (TIME-2, TIME-3)
 * @param reviewWorkingDays             SUB-3: working days from receipt to the review opinion
 * @param publicityWorkingDays          SUB-4: working days the approved list is published, from the day after approval
 * @param paymentWorkingDays            SUB-5: working days from the end of publicity to payment
 * @param amounts                       SUB-7: yuan per certificate level; a level without an amount is not subsidised
 * @param maxPerCalendarYear            SUB-7: applications (not rejected) per person and calendar year of receipt
 * @param allowanceAmount               SUB-6: the one-off living allowance in yuan
 * @param allowanceGroups               SUB-6: groups that receive the allowance without further condition
 * @param twoAfterStudentGraduationYears SUB-6: a rural or low-income 两后生 qualifies this many years after graduation
 */
public record SubsidyPolicy(String version, LocalDate effectiveFrom, int applicationWindowMonths,
                            int reviewWorkingDays, int publicityWorkingDays, int paymentWorkingDays,
                            Map<CertificateLevel, BigDecimal> amounts, int maxPerCalendarYear,
                            BigDecimal allowanceAmount, Set<PersonCategory> allowanceGroups,
                            int twoAfterStudentGraduationYears) implements DatedPolicy {

    /** DOMAIN.md's figures, used when configuration names no version at all. */
    public static final SubsidyPolicy DEFAULT = new SubsidyPolicy("SUB-DEFAULT-2020", LocalDate.of(1900, 1, 1),
            12, 15, 5, 60,
            Map.of(CertificateLevel.LEVEL_5, new BigDecimal("1000"), CertificateLevel.LEVEL_4, new BigDecimal("1500"),
                    CertificateLevel.LEVEL_3, new BigDecimal("2000")),
            3, new BigDecimal("500"),
            EnumSet.of(PersonCategory.POVERTY_ALLEVIATED, PersonCategory.EMPLOYMENT_DIFFICULTY,
                    PersonCategory.ZERO_EMPLOYMENT_FAMILY, PersonCategory.DISABLED),
            2);

    public SubsidyPolicy {
        amounts = amounts == null || amounts.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(amounts));
        allowanceGroups = allowanceGroups == null ? Set.of() : Set.copyOf(allowanceGroups);
    }

    /** The SUB-7 amount for a level, empty when this version does not subsidise it. */
    public Optional<BigDecimal> amountFor(CertificateLevel level) {
        return Optional.ofNullable(amounts.get(level));
    }

    @Override
    public List<String> figureProblems() {
        List<String> problems = new ArrayList<>();
        // TIME-1 counts from the day after, so 0 days or months would make no sense.
        requireAtLeastOne(problems, ".application-window-months", applicationWindowMonths);
        requireAtLeastOne(problems, ".review-working-days", reviewWorkingDays);
        requireAtLeastOne(problems, ".publicity-working-days", publicityWorkingDays);
        requireAtLeastOne(problems, ".payment-working-days", paymentWorkingDays);
        requireAtLeastOne(problems, ".max-per-calendar-year", maxPerCalendarYear);
        if (amounts.isEmpty()) {
            problems.add(".amounts must name at least one level");
        }
        amounts.forEach((level, amount) -> {
            if (amount == null || amount.signum() <= 0) {
                problems.add(".amounts." + level + " must be greater than 0, was " + amount);
            }
        });
        if (allowanceAmount == null || allowanceAmount.signum() < 0) {
            problems.add(".allowance-amount must be 0 or more, was " + allowanceAmount);
        }
        requireAtLeastOne(problems, ".two-after-student-graduation-years", twoAfterStudentGraduationYears);
        return problems;
    }

    private static void requireAtLeastOne(List<String> problems, String property, int value) {
        if (value < 1) {
            problems.add(property + " must be at least 1, was " + value);
        }
    }
}
