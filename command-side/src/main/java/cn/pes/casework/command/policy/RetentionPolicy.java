package cn.pes.casework.command.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * How long a person's personal data is kept after their last dealings with the service (PRIV-2)
 * before an administrator may erase it (个人信息保存期限). The {@code version} goes into the
 * {@code PersonalDataErased} event.
 *
 * @param version       unique label of this version, e.g. {@code RETENTION-2026-01}
 * @param effectiveFrom first day (inclusive) the version applies to an erasure request
 * @param years         full years that must have passed since the retention period started
 */
public record RetentionPolicy(String version, LocalDate effectiveFrom, int years) implements DatedPolicy {

    /** Five years, used when configuration names no version at all. */
    public static final RetentionPolicy DEFAULT =
            new RetentionPolicy("RETENTION-DEFAULT", LocalDate.of(1900, 1, 1), 5);

    @Override
    public List<String> figureProblems() {
        return years < 1 ? List.of(".years must be at least 1, was " + years) : List.of();
    }
}
