package cn.pes.casework.command.comparison;

import cn.pes.casework.command.comparison.RecordFileReader.StagedRow;
import cn.pes.casework.events.comparison.ComparisonBatchStatus;
import cn.pes.casework.events.comparison.ExternalRecordKind;
import cn.pes.casework.events.comparison.RowProblem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command side's staging tables of information comparison: a row per imported batch and a row
 * per record still to be matched. Written in the transactions of the batch's events (import, each
 * chunk, completion), so they always agree with the batch's history; what is left in
 * {@code comparison_row} is exactly the work a restart resumes.
 */
@Component
class ComparisonStaging {

    private static final int INSERT_BATCH = 1000;

    private final JdbcTemplate jdbc;

    ComparisonStaging(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A batch as staged; {@code problems} only the reported ones (at most the configured limit). */
    record StagedBatch(String batchId, ComparisonBatchStatus status, ExternalRecordKind kind, String source,
                       LocalDate referenceDate, String uploaderId, String agencyId, int linesRead, int validRows,
                       int problemCount, List<RowProblem> problems) {
    }

    Optional<StagedBatch> find(String batchId) {
        return jdbc.query("SELECT batch_id, status, kind, source, reference_date, uploader_id, agency_id, lines_read,"
                        + " valid_rows, problem_count, problems FROM comparison_batch WHERE batch_id = ?",
                (rs, n) -> new StagedBatch(rs.getString(1), ComparisonBatchStatus.valueOf(rs.getString(2)),
                        ExternalRecordKind.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getInt(9),
                        rs.getInt(10), problems(rs.getString(11))), batchId).stream().findFirst();
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the batch is being imported concurrently */
    void insert(StagedBatch batch, List<StagedRow> rows) {
        jdbc.update("INSERT INTO comparison_batch (batch_id, status, kind, source, reference_date, uploader_id,"
                        + " agency_id, lines_read, valid_rows, problem_count, problems)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                batch.batchId(), batch.status().name(), batch.kind().name(), batch.source(),
                Date.valueOf(batch.referenceDate()), batch.uploaderId(), batch.agencyId(), batch.linesRead(),
                batch.validRows(), batch.problemCount(), problems(batch.problems()));
        for (int from = 0; from < rows.size(); from += INSERT_BATCH) {
            List<Object[]> values = new ArrayList<>();
            for (StagedRow row : rows.subList(from, Math.min(rows.size(), from + INSERT_BATCH))) {
                values.add(new Object[]{batch.batchId(), row.line(), row.idNumberHash(), Date.valueOf(row.recordDate()),
                        row.organisation()});
            }
            jdbc.batchUpdate("INSERT INTO comparison_row (batch_id, line, id_number_hash, record_date, organisation)"
                    + " VALUES (?, ?, ?, ?, ?)", values);
        }
    }

    /** Batches not completed, the oldest import first. */
    List<String> unfinished() {
        return jdbc.queryForList("SELECT batch_id FROM comparison_batch WHERE status = ? ORDER BY import_order",
                String.class, ComparisonBatchStatus.PROCESSING.name());
    }

    /** The next rows still to match, in line order (a range read of the primary key). */
    List<StagedRow> nextRows(String batchId, int limit) {
        return jdbc.query("SELECT line, id_number_hash, record_date, organisation FROM comparison_row"
                        + " WHERE batch_id = ? ORDER BY line FETCH FIRST " + limit + " ROWS ONLY",
                (rs, n) -> new StagedRow(rs.getInt(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4)), batchId);
    }

    /** Removes the rows from line {@code first} to {@code last}; answers how many there still were. */
    int remove(String batchId, int first, int last) {
        return jdbc.update("DELETE FROM comparison_row WHERE batch_id = ? AND line BETWEEN ? AND ?", batchId, first, last);
    }

    void markCompleted(String batchId) {
        jdbc.update("UPDATE comparison_batch SET status = ? WHERE batch_id = ?", ComparisonBatchStatus.COMPLETED.name(),
                batchId);
    }

    /** One problem a line, {@code line,field,code,duplicateOf}: none of them holds personal data. */
    private static String problems(List<RowProblem> problems) {
        StringBuilder text = new StringBuilder();
        for (RowProblem problem : problems) {
            text.append(problem.line()).append(',').append(problem.field()).append(',').append(problem.code())
                    .append(',').append(problem.duplicateOf() == null ? "" : problem.duplicateOf()).append('\n');
        }
        return text.toString();
    }

    private static List<RowProblem> problems(String text) {
        List<RowProblem> problems = new ArrayList<>();
        if (text == null) {
            return problems;
        }
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split(",", -1);
            problems.add(new RowProblem(Integer.parseInt(parts[0]), parts[1], parts[2],
                    parts[3].isEmpty() ? null : Integer.valueOf(parts[3])));
        }
        return problems;
    }
}
