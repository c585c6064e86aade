package cn.pes.casework.events.shared;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Reads the {@code yyyy-MM-dd} dates the platform writes (read-model dates, the date part of the event
 * table's time stamps) field by field. {@code LocalDate.parse} and the ISO formatters go through the
 * general parser, a tenth of an as-of answer's time (issue 10's profile); callers keep them for any text
 * this does not read, so every text reads as they read it.
 */
public final class IsoDateText {

    private IsoDateText() {
    }

    /**
     * The valid date written as {@code yyyy-MM-dd} (a four-digit year) at {@code from} in {@code text},
     * or null for anything else there, valid in another shape or not valid at all.
     */
    public static LocalDate dateAt(String text, int from) {
        if (text.length() < from + 10 || text.charAt(from + 4) != '-' || text.charAt(from + 7) != '-') {
            return null;
        }
        int year = digits(text, from, from + 4);
        int month = digits(text, from + 5, from + 7);
        int day = digits(text, from + 8, from + 10);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** The number the ASCII digits from {@code from} to {@code to} make, or -1 if any is not one. */
    public static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
