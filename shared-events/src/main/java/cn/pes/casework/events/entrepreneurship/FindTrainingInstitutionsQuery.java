package cn.pes.casework.events.entrepreneurship;

import java.time.LocalDate;

/**
 * The designated training institutions (answered by the command side, which owns the designation).
 * Answers {@link TrainingInstitutionsView}.
 *
 * @param designatedOn only those designated on this day; null for every configured institution
 */
public record FindTrainingInstitutionsQuery(LocalDate designatedOn) {
}
