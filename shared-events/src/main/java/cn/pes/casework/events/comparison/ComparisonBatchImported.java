package cn.pes.casework.events.comparison;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A batch of external records was imported; its valid rows are staged for matching.
 *
 * @param batchId      derived from the batch's content: the same batch imported again has the same ID
 * @param linesRead    data lines in the file (the header not counted)
 * @param validRows    rows that will be matched
 * @param problemCount rows reported and skipped
 * @param problems     the reported rows in line order (at most the command side's limit)
 */
@Revision("1")
public record ComparisonBatchImported(String batchId, ExternalRecordKind kind, String source, LocalDate referenceDate,
                                      String fileName, RecordFileFormat format, int linesRead, int validRows,
                                      int problemCount, List<RowProblem> problems, String uploaderId,
                                      String agencyId, LocalDate importedOn) {

    public ComparisonBatchImported {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
