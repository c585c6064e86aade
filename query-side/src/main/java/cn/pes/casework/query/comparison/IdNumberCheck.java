package cn.pes.casework.query.comparison;

import cn.pes.casework.query.caselookup.SearchKeys;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Set;

/**
 * Whether a resident ID number (公民身份号码, GB 11643-1999) as a list gives it can name a person, with
 * the problem codes the command side reports for the same checks ({@code ID_NUMBER_} + MISSING, FORMAT,
 * REGION, BIRTH_DATE, CHECK_DIGIT), checked from the coarsest to the finest. The query side does not
 * depend on the command side's value object; normalisation is the lookup's own ({@link SearchKeys}), so
 * a number that passes here finds what the case search finds.
 */
final class IdNumberCheck {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    /** Province-level codes of GB/T 2260, plus 71 Taiwan and 81/82/83 used in residence permits. */
    private static final Set<Integer> PROVINCES = Set.of(
            11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
            50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83);
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    /** STRICT so that 20260231 is refused instead of being resolved to 28 February. */
    private static final DateTimeFormatter BIRTH_DATE_FORMAT =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    static final String MISSING = "ID_NUMBER_MISSING";
    static final String FORMAT = "ID_NUMBER_FORMAT";
    static final String REGION = "ID_NUMBER_REGION";
    static final String BIRTH_DATE = "ID_NUMBER_BIRTH_DATE";
    static final String CHECK_DIGIT = "ID_NUMBER_CHECK_DIGIT";

    private IdNumberCheck() {
    }

    /** The problem code of a normalised number ({@link SearchKeys#idNumber}), or null when it is valid. */
    static String problem(String normalised) {
        if (normalised == null) {
            return MISSING;
        }
        if (!hasValidFormat(normalised)) {
            return FORMAT;
        }
        if (!PROVINCES.contains(Integer.parseInt(normalised.substring(0, 2)))) {
            return REGION;
        }
        try {
            if (LocalDate.parse(normalised.substring(6, 14), BIRTH_DATE_FORMAT).isBefore(EARLIEST_BIRTH_DATE)) {
                return BIRTH_DATE;
            }
        } catch (DateTimeException e) {
            return BIRTH_DATE;
        }
        return normalised.charAt(17) == checkCharacter(normalised) ? null : CHECK_DIGIT;
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

    /** ISO 7064 MOD 11-2 over the first 17 digits. */
    static char checkCharacter(String number) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }
}
