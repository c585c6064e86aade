package cn.pes.casework.events.shared;

/**
 * One failed condition of a rule, named so that a caseworker and an auditor can read it.
 *
 * @param ruleId the rule of DOMAIN.md, e.g. {@code REG-1}
 * @param code   a stable machine name for the failed condition, e.g. {@code UNDER_MINIMUM_AGE}
 * @param field  the input field it concerns, or null
 */
public record RefusalReason(String ruleId, String code, String field) {
}
