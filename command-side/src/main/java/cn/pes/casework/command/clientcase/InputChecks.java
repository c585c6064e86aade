package cn.pes.casework.command.clientcase;

import java.time.LocalDate;

/**
 * The plain input checks every aggregate makes before its rules: present and bounded. Free text is
 * part of permanent history and of read-model documents, so it is kept bounded. Each failure is a
 * 400 naming the field, and nothing is stored.
 */
public final class InputChecks {

    private InputChecks() {
    }

    public static void requirePresent(String value, String field) {
        if (value == null || value.isBlank()) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", field);
        }
    }

    public static void requireLength(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw CaseRuleViolation.invalid("INPUT", "TOO_LONG", field);
        }
    }

    public static void requireDate(LocalDate date, String field) {
        if (date == null) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", field);
        }
    }
}
