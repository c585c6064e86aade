package cn.pes.casework.events.comparison;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An imported batch as its uploader follows it.
 *
 * @param importedAt   when the import was recorded
 * @param problems     the reported rows in line order; empty in lists ({@link ComparisonBatchesView})
 * @param processed    how the rows matched so far came out ({@code processed.rows()} of {@code validRows})
 * @param completedAt  when the last row was matched, or null while processing
 */
public record ComparisonBatchView(String batchId, ExternalRecordKind kind, String source, LocalDate referenceDate,
                                  String fileName, RecordFileFormat format, String uploaderId, String agencyId,
                                  Instant importedAt, int linesRead, int validRows, int problemCount,
                                  List<RowProblem> problems, MatchCounts processed, ComparisonBatchStatus status,
                                  Instant completedAt) {

    public ComparisonBatchView {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
