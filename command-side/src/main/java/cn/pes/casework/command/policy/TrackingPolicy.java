package cn.pes.casework.command.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * The figure of tracking (跟踪回访) that a policy change may alter: how long without contact with the
 * agency proposes a cancellation (CAN-1 "连续6个月未与经办机构联系"). The version in force on the last
 * day of contact decides the period that runs from it, so a change of policy never shortens a period
 * already running under the old one.
 *
 * @param version          unique label, e.g. {@code TRK-2026-01}
 * @param effectiveFrom    first day of last contact (inclusive) the version applies to
 * @param noContactMonths  CAN-1: consecutive months without contact (TIME-2) after which lost contact is proposed
 */
public record TrackingPolicy(String version, LocalDate effectiveFrom, int noContactMonths) implements DatedPolicy {

    /** DOMAIN.md's figure, used when configuration names no version at all. */
    public static final TrackingPolicy DEFAULT = new TrackingPolicy("TRK-DEFAULT-2020", LocalDate.of(1900, 1, 1), 6);

    @Override
    public List<String> figureProblems() {
        return noContactMonths < 1 ? List.of(".no-contact-months must be at least 1, was " + noContactMonths)
                : List.of();
    }
}
