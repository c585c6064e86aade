package cn.pes.casework.query.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Parses query parameters here rather than through Spring's conversion, so that a bad value is a
 * 400 naming the field and the expected format.
 */
public final class QueryParameters {

    /** Rows of a paged list unless asked otherwise, and at most. */
    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 500;

    private QueryParameters() {
    }

    public static YearMonth month(String field, String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return YearMonth.now(clock);
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidQueryInputException(field, field + " must be a month as yyyy-MM, e.g. 2026-11");
        }
    }

    public static LocalDate date(String field, String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return LocalDate.now(clock);
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidQueryInputException(field, field + " must be a date as yyyy-MM-dd, e.g. 2026-11-27");
        }
    }

    /** One of an enum's constants by its code, or null when not given. */
    public static <E extends Enum<E>> E option(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryInputException(field, field + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** A whole number from {@code min} to {@code max}, or {@code absent} (which may be null) when not given. */
    public static Integer wholeNumber(String field, String value, Integer absent, int min, int max) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below, as an out-of-range number is
        }
        throw new InvalidQueryInputException(field, field + " must be a whole number from " + min + " to " + max);
    }

    public static boolean flag(String field, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidQueryInputException(field, field + " must be true or false");
        };
    }
}
