package cn.pes.casework.events.shared;

import java.util.List;

/**
 * Why a command was not carried out, in a shape that travels with the command's failure (also
 * across processes) and maps to an HTTP problem.
 *
 * @param ruleId  the rule of DOMAIN.md, e.g. {@code REG-6}, or {@code INPUT} for malformed input
 * @param code    stable machine name of the failed condition
 * @param field   the input field it concerns, or null
 * @param kind    how the caller should read it
 * @param reasons for a refusal with several failed conditions: all of them
 */
public record RuleViolation(String ruleId, String code, String field, Kind kind, List<RefusalReason> reasons) {

    public enum Kind {
        /** The input itself is malformed or inconsistent. */
        INVALID,
        /** The input is well-formed but the rule refuses it. */
        REFUSED,
        /** The case is not in a state that allows it. */
        CONFLICT,
        /** The case does not exist. */
        NOT_FOUND
    }

    public RuleViolation {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public static RuleViolation of(String ruleId, String code, String field, Kind kind) {
        return new RuleViolation(ruleId, code, field, kind, List.of());
    }
}
