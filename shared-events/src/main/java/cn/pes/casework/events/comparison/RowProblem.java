package cn.pes.casework.events.comparison;

/**
 * A row of an imported file that was reported and skipped. Carries no personal data: never the
 * value found, only where it was and what is wrong with it.
 *
 * @param line  the line (row) number as a spreadsheet program shows it, the header being line 1
 * @param field the column: {@code idNumber}, {@code recordDate}, {@code organisation}, {@code note}, or
 *              {@code row} for the row as a whole
 * @param code  what is wrong, e.g. {@code ID_NUMBER_CHECK_DIGIT}, {@code DATE_UNREADABLE},
 *              {@code DATE_AFTER_REFERENCE_DATE}, {@code MISSING}, {@code TOO_LONG}, {@code DUPLICATE_ROW}
 * @param duplicateOf for {@code DUPLICATE_ROW}: the line it repeats, otherwise null
 */
public record RowProblem(int line, String field, String code, Integer duplicateOf) {
}
