package cn.pes.casework.events.comparison;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Record that a batch of external records was imported (信息比对数据导入). The batch's valid rows are
 * staged by the command side before this is sent; they are matched afterwards, chunk by chunk.
 *
 * @param batchId      derived from the batch's content: the same batch imported again has the same ID
 * @param linesRead    data lines in the file (the header not counted)
 * @param validRows    rows that will be matched
 * @param problemCount rows reported and skipped
 * @param problems     the reported rows in line order (at most the command side's limit; {@code problemCount}
 *                     counts them all)
 * @param uploaderId   the officer who uploaded the file
 * @param agencyId     the uploader's agency
 * @param importedOn   the agency's today
 */
public record ImportComparisonBatchCommand(@TargetAggregateIdentifier String batchId, ExternalRecordKind kind,
                                           String source, LocalDate referenceDate, String fileName,
                                           RecordFileFormat format, int linesRead, int validRows,
                                           int problemCount, List<RowProblem> problems, String uploaderId,
                                           String agencyId, LocalDate importedOn) {

    public ImportComparisonBatchCommand {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
