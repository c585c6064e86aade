package cn.pes.casework.events.comparison;

import java.util.List;

/**
 * What an import recorded.
 *
 * @param alreadyImported the same batch had been imported before: nothing was recorded now
 * @param problems        the reported rows in line order, at most the command side's limit
 */
public record ComparisonImportReceipt(String batchId, boolean alreadyImported, int linesRead, int validRows,
                                      int problemCount, List<RowProblem> problems) {

    public ComparisonImportReceipt {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
