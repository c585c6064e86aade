package cn.pes.casework.command.clientcase;

import cn.pes.casework.events.shared.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;

/**
 * A command broke a rule. Carries its {@link RuleViolation} as Axon's failure details so the
 * reason survives the trip back to the caller, also when the command bus is distributed.
 * The message names the rule only: never personal data.
 */
public class CaseRuleViolation extends CommandExecutionException {

    private final transient RuleViolation violation;

    public CaseRuleViolation(RuleViolation violation) {
        super(violation.ruleId() + " " + violation.code(), null, violation);
        this.violation = violation;
    }

    public static CaseRuleViolation invalid(String ruleId, String code, String field) {
        return new CaseRuleViolation(RuleViolation.of(ruleId, code, field, RuleViolation.Kind.INVALID));
    }

    public static CaseRuleViolation conflict(String ruleId, String code, String field) {
        return new CaseRuleViolation(RuleViolation.of(ruleId, code, field, RuleViolation.Kind.CONFLICT));
    }

    /** A well-formed request the rule refuses, recorded nowhere (e.g. lost a race for a certificate). */
    public static CaseRuleViolation refused(String ruleId, String code, String field) {
        return new CaseRuleViolation(new RuleViolation(ruleId, code, field, RuleViolation.Kind.REFUSED,
                java.util.List.of(new cn.pes.casework.events.shared.RefusalReason(ruleId, code, field))));
    }

    /** An unknown case, or one outside the acting officer's scope: both answer the same. */
    public static CaseRuleViolation notFound() {
        return new CaseRuleViolation(RuleViolation.of("INPUT", "CASE_NOT_FOUND", "caseId", RuleViolation.Kind.NOT_FOUND));
    }

    public RuleViolation violation() {
        return violation;
    }
}
