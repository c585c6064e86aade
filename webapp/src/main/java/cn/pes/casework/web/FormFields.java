package cn.pes.casework.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;

/**
 * Reading a page's form fields the same way everywhere: a field that is missing or malformed is
 * noted under its name with the message key the page shows next to it, and nothing is sent.
 */
final class FormFields {

    static final String MISSING = "error.MISSING";
    static final String INVALID = "error.INVALID_VALUE";

    private FormFields() {
    }

    /** The text without surrounding blanks, or null when there is none. */
    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static LocalDate date(String value, String field, Map<String, String> errors, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.put(field, MISSING);
            }
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, INVALID);
            return null;
        }
    }

    /** One of the enum's constants by name; anything else is noted as missing or invalid. */
    static <E extends Enum<E>> E choice(String value, Class<E> type, String field, Map<String, String> errors) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(value)).findFirst()
                .orElseGet(() -> {
                    errors.put(field, value == null || value.isBlank() ? MISSING : INVALID);
                    return null;
                });
    }
}
