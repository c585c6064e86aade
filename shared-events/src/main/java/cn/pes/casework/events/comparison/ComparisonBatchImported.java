package cn.pes.casework.events.comparison;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** A batch of external records was imported; see {@link ImportComparisonBatchCommand} for the fields. */
@Revision("1")
public record ComparisonBatchImported(String batchId, ExternalRecordKind kind, String source, LocalDate referenceDate,
                                      String fileName, RecordFileFormat format, int linesRead, int validRows,
                                      int problemCount, List<RowProblem> problems, String uploaderId,
                                      String agencyId, LocalDate importedOn) {

    public ComparisonBatchImported {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
