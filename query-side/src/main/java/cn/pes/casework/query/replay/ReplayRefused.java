package cn.pes.casework.query.replay;

import cn.pes.casework.events.shared.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;

/**
 * A replay command that cannot be carried out, with its {@link RuleViolation} as Axon's failure
 * details so the reason reaches the caller (the API or a page) also across processes.
 */
public class ReplayRefused extends CommandExecutionException {

    /** Rule ID of replay refusals that are not about malformed input. */
    public static final String RULE = "REPLAY";

    public ReplayRefused(RuleViolation violation) {
        super(violation.ruleId() + " " + violation.code(), null, violation);
    }

    public static ReplayRefused invalid(String code, String field) {
        return new ReplayRefused(RuleViolation.of("INPUT", code, field, RuleViolation.Kind.INVALID));
    }

    public static ReplayRefused conflict(String code, String field) {
        return new ReplayRefused(RuleViolation.of(RULE, code, field, RuleViolation.Kind.CONFLICT));
    }

    /** All replay threads and the queue are taken: try again later. */
    public static ReplayRefused busy() {
        return new ReplayRefused(RuleViolation.of(RULE, ReplayService.BUSY, null, RuleViolation.Kind.REFUSED));
    }

    public static ReplayRefused notFound() {
        return new ReplayRefused(RuleViolation.of("INPUT", "REPLAY_NOT_FOUND", "replayId", RuleViolation.Kind.NOT_FOUND));
    }
}
