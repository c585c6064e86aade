package cn.pes.casework.command.identity;

import cn.pes.casework.events.shared.IdNumberFormat;

import cn.pes.casework.events.shared.Masking;
import cn.pes.casework.events.shared.Sex;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * An 18-character mainland resident ID number (公民身份号码, GB 11643-1999), validated on creation so
 * that birth date and sex (REG-6) can be trusted wherever the value travels.
 *
 * <p>{@link #toString()} is masked because value objects end up in log lines and exception messages
 * by accident; use {@link #value()} deliberately where the full number is needed.
 */
public final class ResidentIdNumber {

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
     * @throws InvalidIdNumberException with the {@link InvalidIdNumberException.Problem}; its message never contains the number
     */
    public static ResidentIdNumber parse(String raw) {
        String value = IdNumberFormat.normalise(raw);
        IdNumberFormat.Problem problem = IdNumberFormat.problemOf(value);
        if (problem != null) {
            throw new InvalidIdNumberException(InvalidIdNumberException.Problem.valueOf(problem.name()));
        }
        return new ResidentIdNumber(value, IdNumberFormat.birthDateOf(value));
    }

    /** ISO 7064 MOD 11-2 check character over the first 17 digits. */
    static char checkCharacter(String first17) {
        return IdNumberFormat.checkCharacter(first17);
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
