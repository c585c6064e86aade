package cn.pes.casework.command.comparison;

import cn.pes.casework.command.clientcase.CaseRuleViolation;
import cn.pes.casework.command.identity.InvalidIdNumberException;
import cn.pes.casework.command.identity.ResidentIdNumber;
import cn.pes.casework.events.comparison.ExternalRecordKind;
import cn.pes.casework.events.comparison.RecordFileFormat;
import cn.pes.casework.events.comparison.RowProblem;
import cn.pes.casework.security.protection.BlindIndex;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a file of external records (信息比对数据) into the rows to match and the rows to report. The
 * first non-blank line is the header; its columns are recognised by name in any order. A malformed
 * row is reported once, for its first problem, and skipped; blank lines are skipped silently. What
 * leaves this class keeps the ID number only as its blind index, and the name not at all.
 */
final class RecordFileReader {

    static final int MAX_ORGANISATION_LENGTH = 200;

    private static final Map<String, Column> HEADERS = Map.ofEntries(
            Map.entry("身份证号", Column.ID_NUMBER), Map.entry("身份证号码", Column.ID_NUMBER),
            Map.entry("公民身份号码", Column.ID_NUMBER), Map.entry("idnumber", Column.ID_NUMBER),
            Map.entry("姓名", Column.NAME), Map.entry("name", Column.NAME),
            Map.entry("日期", Column.RECORD_DATE), Map.entry("业务日期", Column.RECORD_DATE),
            Map.entry("recorddate", Column.RECORD_DATE),
            Map.entry("单位名称", Column.ORGANISATION), Map.entry("机构名称", Column.ORGANISATION),
            Map.entry("organisation", Column.ORGANISATION), Map.entry("organization", Column.ORGANISATION),
            Map.entry("备注", Column.NOTE), Map.entry("note", Column.NOTE));

    private static final Pattern SEPARATED_DATE =
            Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2})?)?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    private enum Column { ID_NUMBER, NAME, RECORD_DATE, ORGANISATION, NOTE }

    /** A row to match: the person only as the blind index of the normalised ID number. */
    record StagedRow(int line, String idNumberHash, LocalDate recordDate, String organisation) {
    }

    /**
     * @param linesRead    non-blank data lines (the header not counted): {@code rows} plus those reported
     * @param problems     the first {@code maxReportedProblems} reported rows in line order
     * @param problemCount every reported row
     */
    record ReadFile(int linesRead, List<StagedRow> rows, int problemCount, List<RowProblem> problems) {
    }

    private final BlindIndex blindIndex;
    private final int maxRows;
    private final int maxReportedProblems;

    RecordFileReader(BlindIndex blindIndex, int maxRows, int maxReportedProblems) {
        this.blindIndex = blindIndex;
        this.maxRows = maxRows;
        this.maxReportedProblems = maxReportedProblems;
    }

    /**
     * @throws CaseRuleViolation for the file as a whole (field {@code file}): unreadable, a required column
     *                           missing, no data rows, too many rows
     */
    ReadFile read(RecordFileFormat format, byte[] content, ExternalRecordKind kind, LocalDate referenceDate) {
        Collector collector = new Collector(kind, referenceDate);
        try {
            switch (format) {
                case CSV -> CsvSheet.read(content, collector);
                case XLSX -> XlsxSheet.read(content, collector);
            }
        } catch (UnreadableFileException e) {
            throw fileProblem("FILE_UNREADABLE");
        }
        if (collector.header == null) {
            throw fileProblem("NO_DATA_ROWS");
        }
        if (collector.linesRead == 0) {
            throw fileProblem("NO_DATA_ROWS");
        }
        return new ReadFile(collector.linesRead, collector.rows, collector.problemCount, collector.problems);
    }

    private static CaseRuleViolation fileProblem(String code) {
        return CaseRuleViolation.invalid("TRK-2", code, "file");
    }

    private final class Collector implements SheetRows {

        private final ExternalRecordKind kind;
        private final LocalDate referenceDate;
        private final List<StagedRow> rows = new ArrayList<>();
        private final List<RowProblem> problems = new ArrayList<>();
        private final Map<String, Integer> firstLineOf = new HashMap<>();
        private Map<Column, Integer> header;
        private int linesRead;
        private int problemCount;

        Collector(ExternalRecordKind kind, LocalDate referenceDate) {
            this.kind = kind;
            this.referenceDate = referenceDate;
        }

        @Override
        public void row(int line, List<SheetCell> cells) {
            if (cells.stream().allMatch(SheetCell::isBlank)) {
                return;
            }
            if (header == null) {
                header = header(cells);
                return;
            }
            if (++linesRead > maxRows) {
                throw fileProblem("TOO_MANY_ROWS");
            }
            RowProblem problem = check(line, cells);
            if (problem != null) {
                problemCount++;
                if (problems.size() < maxReportedProblems) {
                    problems.add(problem);
                }
            }
        }

        private Map<Column, Integer> header(List<SheetCell> cells) {
            Map<Column, Integer> columns = new HashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i) instanceof SheetCell.Text text) {
                    String name = text.value().replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
                    Column column = HEADERS.get(name);
                    if (column != null) {
                        columns.putIfAbsent(column, i);
                    }
                }
            }
            if (!columns.containsKey(Column.ID_NUMBER)) {
                throw fileProblem("ID_NUMBER_COLUMN_MISSING");
            }
            if (!columns.containsKey(Column.RECORD_DATE)) {
                throw fileProblem("RECORD_DATE_COLUMN_MISSING");
            }
            if (kind.organisationRequired() && !columns.containsKey(Column.ORGANISATION)) {
                throw fileProblem("ORGANISATION_COLUMN_MISSING");
            }
            return columns;
        }

        private RowProblem check(int line, List<SheetCell> cells) {
            SheetCell idCell = cell(cells, Column.ID_NUMBER);
            String hash;
            if (idCell instanceof SheetCell.Number || idCell instanceof SheetCell.Date) {
                return new RowProblem(line, "idNumber", "ID_NUMBER_NOT_TEXT", null);
            }
            try {
                hash = blindIndex.ofIdNumber(ResidentIdNumber.parse(text(idCell)).value());
            } catch (InvalidIdNumberException e) {
                return new RowProblem(line, "idNumber", "ID_NUMBER_" + e.problem().name(), null);
            }
            SheetCell dateCell = cell(cells, Column.RECORD_DATE);
            if (SheetCell.isBlank(dateCell)) {
                return new RowProblem(line, "recordDate", "MISSING", null);
            }
            LocalDate recordDate = date(dateCell);
            if (recordDate == null) {
                return new RowProblem(line, "recordDate", "DATE_UNREADABLE", null);
            }
            if (recordDate.isAfter(referenceDate)) {
                return new RowProblem(line, "recordDate", "DATE_AFTER_REFERENCE_DATE", null);
            }
            String organisation = null;
            if (kind.organisationRequired()) {
                SheetCell organisationCell = cell(cells, Column.ORGANISATION);
                if (SheetCell.isBlank(organisationCell)) {
                    return new RowProblem(line, "organisation", "MISSING", null);
                }
                organisation = text(organisationCell).strip();
                if (organisation.length() > MAX_ORGANISATION_LENGTH) {
                    return new RowProblem(line, "organisation", "TOO_LONG", null);
                }
            }
            Integer earlier = firstLineOf.putIfAbsent(hash + '\u001f' + recordDate + '\u001f'
                    + (organisation == null ? "" : organisation), line);
            if (earlier != null) {
                return new RowProblem(line, "row", "DUPLICATE_ROW", earlier);
            }
            rows.add(new StagedRow(line, hash, recordDate, organisation));
            return null;
        }

        private SheetCell cell(List<SheetCell> cells, Column column) {
            Integer index = header.get(column);
            return index == null || index >= cells.size() ? null : cells.get(index);
        }
    }

    private static String text(SheetCell cell) {
        if (cell == null) {
            return null;
        }
        if (cell instanceof SheetCell.Text text) {
            return text.value();
        }
        if (cell instanceof SheetCell.Number number) {
            double value = number.value();
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
        }
        return ((SheetCell.Date) cell).value().toString();
    }

    /** 2026-10-08, 2026/10/08 (also 2026/10/8, as Excel writes it), 20261008, or a workbook's date cell. */
    static LocalDate date(SheetCell cell) {
        if (cell instanceof SheetCell.Date date) {
            return date.value();
        }
        String text = text(cell).strip();
        Matcher matcher = SEPARATED_DATE.matcher(text);
        if (!matcher.matches()) {
            matcher = COMPACT_DATE.matcher(text);
            if (!matcher.matches()) {
                return null;
            }
        }
        try {
            return LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
