package cn.pes.casework.command.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of unemployment registration (REG-1, REG-5) that a policy change may alter. The
 * {@code version} goes into the decision event, so a replay or an audit knows which figures decided
 * a case without re-reading today's configuration.
 *
 * @param version                   unique label of this version, e.g. {@code REG-2026-01}
 * @param effectiveFrom             first day (inclusive) the version applies to an application date
 * @param minimumAge                REG-1: youngest eligible age in completed years (周岁), inclusive
 * @param onlineDecisionWorkingDays REG-5: working days (counted per TIME-1) to decide an online application
 */
public record RegistrationPolicy(String version, LocalDate effectiveFrom, int minimumAge,
                                 int onlineDecisionWorkingDays) implements DatedPolicy {

    /** DOMAIN.md's figures, used when configuration names no version at all. */
    public static final RegistrationPolicy DEFAULT =
            new RegistrationPolicy("REG-DEFAULT-2020", LocalDate.of(1900, 1, 1), 16, 2);

    @Override
    public List<String> figureProblems() {
        List<String> problems = new ArrayList<>();
        if (minimumAge <= 0) {
            problems.add(".minimum-age must be greater than 0, was " + minimumAge);
        }
        // TIME-1 counts from the day after receipt, so 0 working days would make no sense.
        if (onlineDecisionWorkingDays < 1) {
            problems.add(".online-decision-working-days must be at least 1, was " + onlineDecisionWorkingDays);
        }
        return problems;
    }
}
