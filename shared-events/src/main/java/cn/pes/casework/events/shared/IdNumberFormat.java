package cn.pes.casework.events.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Set;

/**
 * What makes a string a resident ID number (公民身份号码, GB 11643-1999) — the rule of the value every
 * message carries in {@link PersonalData#idNumber()}, kept once for both sides: the command side's value
 * object builds on it (registration refuses a malformed number, REG-6), the query side answers lists of
 * numbers with it (bulk reconciliation). Checks run from the coarsest to the finest, so the problem
 * reported is the first that applies. Never quotes the number.
 */
public final class IdNumberFormat {

    /** Why a number is no resident ID number; the names are stable error codes ({@code ID_NUMBER_} + name). */
    public enum Problem {
        /** Null or blank. */
        MISSING,
        /** Not 17 digits (the first not 0) followed by a digit or X. */
        FORMAT,
        /** The first two digits are no province-level region code. */
        REGION,
        /** Positions 7-14 are no real date on or after 1900-01-01. */
        BIRTH_DATE,
        /** The 18th character does not match ISO 7064 MOD 11-2 over the first 17. */
        CHECK_DIGIT
    }

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    /** Province-level codes of GB/T 2260, plus 71 Taiwan and 81/82/83 used in residence permits. */
    private static final Set<Integer> PROVINCES = Set.of(
            11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
            50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83);
    /** No living person is older; an earlier date is a typo, not a person. */
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    /** STRICT so that 20260231 is refused instead of being resolved to 28 February. */
    private static final DateTimeFormatter BIRTH_DATE_FORMAT =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private IdNumberFormat() {
    }

    /** Surrounding whitespace removed, lowercase x to X; null for null or blank. */
    public static String normalise(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip().toUpperCase(Locale.ROOT);
    }

    /** The first problem of a normalised number ({@link #normalise}), or null when it is a valid number. */
    public static Problem problemOf(String normalised) {
        if (normalised == null) {
            return Problem.MISSING;
        }
        if (!hasValidFormat(normalised)) {
            return Problem.FORMAT;
        }
        if (!PROVINCES.contains(Integer.parseInt(normalised.substring(0, 2)))) {
            return Problem.REGION;
        }
        LocalDate birthDate = birthDateOf(normalised);
        if (birthDate == null || birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
            return Problem.BIRTH_DATE;
        }
        return normalised.charAt(17) == checkCharacter(normalised) ? null : Problem.CHECK_DIGIT;
    }

    /** The birth date in positions 7-14 of a well-formed number, or null when it is no real date. */
    public static LocalDate birthDateOf(String wellFormed) {
        try {
            return LocalDate.parse(wellFormed.substring(6, 14), BIRTH_DATE_FORMAT);
        } catch (DateTimeException e) {
            // The cause would quote the digits of the birth date; it is deliberately dropped.
            return null;
        }
    }

    /** ISO 7064 MOD 11-2 check character over the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static boolean hasValidFormat(String value) {
        if (value.length() != 18 || value.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (!isAsciiDigit(value.charAt(i))) {
                return false;
            }
        }
        char last = value.charAt(17);
        return isAsciiDigit(last) || last == 'X';
    }

    // Character.isDigit would accept full-width and other Unicode digits, which GB 11643 does not.
    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
