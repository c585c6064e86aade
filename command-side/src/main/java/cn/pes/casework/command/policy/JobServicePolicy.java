package cn.pes.casework.command.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of career guidance and job introduction (职业指导、职业介绍, JOB-2, CAN-1) that a policy
 * change may alter. The version in force on a job-seeking registration's receipt decides its review
 * clock and goes into {@code JobSeekingRegistered}; the version in force on a refusal's day decides
 * whether it proposes a cancellation.
 *
 * @param version                             unique label, e.g. {@code JOB-2026-01}
 * @param effectiveFrom                       first date (inclusive) the version applies to
 * @param reviewWorkingDays                   JOB-2: working days from receipt to review and publication
 * @param refusalsBeforeCancellationProposal  CAN-1: refusals of referrals without good reason that propose a cancellation
 */
public record JobServicePolicy(String version, LocalDate effectiveFrom, int reviewWorkingDays,
                               int refusalsBeforeCancellationProposal) implements DatedPolicy {

    /** DOMAIN.md's figures, used when configuration names no version at all. */
    public static final JobServicePolicy DEFAULT = new JobServicePolicy("JOB-DEFAULT-2020", LocalDate.of(1900, 1, 1),
            1, 3);

    @Override
    public List<String> figureProblems() {
        List<String> problems = new ArrayList<>();
        // TIME-1 counts from the day after receipt, so 0 days would make no sense.
        if (reviewWorkingDays < 1) {
            problems.add(".review-working-days must be at least 1, was " + reviewWorkingDays);
        }
        if (refusalsBeforeCancellationProposal < 1) {
            problems.add(".refusals-before-cancellation-proposal must be at least 1, was "
                    + refusalsBeforeCancellationProposal);
        }
        return problems;
    }
}
