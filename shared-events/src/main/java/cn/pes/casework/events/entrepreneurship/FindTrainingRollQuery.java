package cn.pes.casework.events.entrepreneurship;

import java.time.YearMonth;

/**
 * The people an institution trains whose course starts in a month (创业培训花名册). Answers
 * {@link TrainingRollView}.
 *
 * @param agencyId the asking officer's agency: only trainees enrolled by agencies it covers are listed
 */
public record FindTrainingRollQuery(String institutionId, YearMonth month, String agencyId) {
}
