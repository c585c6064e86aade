package cn.pes.casework.command.identity;

import cn.pes.casework.command.identity.InvalidIdNumberException.Problem;
import cn.pes.casework.events.shared.Masking;
import cn.pes.casework.events.shared.Sex;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An 18-character mainland resident ID number (公民身份号码, GB 11643-1999), validated on creation so
 * that birth date and sex (REG-6) can be trusted wherever the value travels.
 *
 * <p>{@link #toString()} is masked because value objects end up in log lines and exception messages
 * by accident; use {@link #value()} deliberately where the full number is needed.
 */
public final class ResidentIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    /** Province-level codes of GB/T 2260, plus 71 Taiwan and 81/82/83 used in residence permits. */
    private static final Set<Integer> PROVINCES = Set.of(
            11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
            50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83);

    /** No living applicant is older; an earlier date is a typo, not a person. */
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    /** STRICT so that 20260231 is rejected instead of being resolved to 28 February. */
    private static final DateTimeFormatter BIRTH_DATE_FORMAT =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private final String value;
    private final LocalDate birthDate;

    private ResidentIdNumber(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /**
     * Validates and normalises (surrounding whitespace removed, lowercase x to X) an ID number.
     * Checks run from the coarsest to the finest, so the reported problem is the first that applies.
     *
     * @throws InvalidIdNumberException with the {@link Problem}; its message never contains the number
     */
    public static ResidentIdNumber parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidIdNumberException(Problem.MISSING);
        }
        String value = raw.strip().toUpperCase(Locale.ROOT);
        if (!hasValidFormat(value)) {
            throw new InvalidIdNumberException(Problem.FORMAT);
        }
        if (!PROVINCES.contains(Integer.parseInt(value.substring(0, 2)))) {
            throw new InvalidIdNumberException(Problem.REGION);
        }
        LocalDate birthDate;
        try {
            birthDate = LocalDate.parse(value.substring(6, 14), BIRTH_DATE_FORMAT);
        } catch (DateTimeException e) {
            // The cause would quote the digits of the birth date; it is deliberately dropped.
            throw new InvalidIdNumberException(Problem.BIRTH_DATE);
        }
        if (birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
            throw new InvalidIdNumberException(Problem.BIRTH_DATE);
        }
        if (value.charAt(17) != checkCharacter(value.substring(0, 17))) {
            throw new InvalidIdNumberException(Problem.CHECK_DIGIT);
        }
        return new ResidentIdNumber(value, birthDate);
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

    /** ISO 7064 MOD 11-2 check character over the first 17 digits. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** The full, normalised number (uppercase X): personal data, handle accordingly. */
    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** From the 17th character (the sequence code's last digit): odd is male, even is female. */
    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /**
     * Age in completed years (周岁) on {@code date}, TIME-4: a person is 16 on their 16th birthday.
     *
     * <p>Follows {@link Period#between}: someone born on 29 February completes a year on 29 February
     * in leap years and on 1 March in other years (on 28 February they are still one year younger).
     * That is the reading that never makes a person older than they are, which is the safe side for
     * minimum-age rules; maximum-age rules (ENT-3) must keep it in mind.
     *
     * @throws IllegalArgumentException if {@code date} is before the birth date (check {@link #bornAfter} first)
     */
    public int ageOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (bornAfter(date)) {
            throw new IllegalArgumentException("Age asked for a date before the birth date");
        }
        return Period.between(birthDate, date).getYears();
    }

    /**
     * Whether the encoded birth date lies after {@code date}; for an application date this means the
     * number and the application are inconsistent (REG-6), since nobody applies before being born.
     */
    public boolean bornAfter(LocalDate date) {
        return birthDate.isAfter(Objects.requireNonNull(date, "date"));
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ResidentIdNumber other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return Masking.idNumber(value);
    }
}
