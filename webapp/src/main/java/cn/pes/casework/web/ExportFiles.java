package cn.pes.casework.web;

import cn.pes.casework.security.Officer;
import cn.pes.casework.security.audit.AccessAction;
import cn.pes.casework.security.audit.AccessLog;
import cn.pes.casework.web.LedgerTables.Column;
import cn.pes.casework.web.LedgerTables.Table;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Lists and statistics tables as files (导出): a CSV (UTF-8 with BOM, so that Excel reads the
 * Chinese) or an Excel workbook written streaming (SXSSF: only a window of rows in memory, the rest in
 * a compressed temporary file, so a county's ledger costs no more heap than a street's) with a bold
 * frozen header and a filter, one sheet per table — the ledger's, the overdue lists' and the statistics'.
 * Counts and amounts are numeric cells, {@link Share}s percentages and dates real dates, so that an
 * agency can sum and chart them without retyping; any other value is a text cell, never a formula. Every export
 * is recorded in the access log ({@link AccessAction#LIST_EXPORTED}) with its filters, never with
 * personal data, before the file leaves.
 */
@Component
class ExportFiles {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static final int ROWS_IN_MEMORY = 200;
    private static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    /** A share (0..1) written as a percentage: a number in a workbook, "12.5%" in a CSV. */
    record Share(double value) {
    }

    private final AccessLog accessLog;

    ExportFiles(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    /**
     * The file as a download, written on a worker thread (POI and the access log block), after the
     * export is logged.
     *
     * @param list    what was exported, e.g. {@code statistics}: the access log's target
     * @param filters the filters that chose the rows (agency, month, ...), no personal data
     */
    Mono<ResponseEntity<byte[]>> download(Officer officer, ServerWebExchange exchange, String list, String filters,
                                          String filename, boolean workbook, List<Table<?>> tables) {
        String correlationId = correlationId(exchange);
        return Mono.fromCallable(() -> {
                    byte[] body = workbook ? xlsx(tables) : csv(tables.get(0));
                    accessLog.record(officer.officerId(), officer.agencyId(), AccessAction.LIST_EXPORTED, list,
                            filters + " format=" + (workbook ? "xlsx" : "csv"), correlationId);
                    return body;
                })
                .subscribeOn(Schedulers.boundedElastic())
                .map(body -> ResponseEntity.ok()
                        .contentType(workbook ? XLSX : CSV)
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename)
                                .build() + "; filename*=UTF-8''" + UriUtils.encode(filename, StandardCharsets.UTF_8))
                        .body(body));
    }

    /** The caller's correlation ID if usable, else the request's own ID, so that log lines can be joined. */
    static String correlationId(ServerWebExchange exchange) {
        String value = exchange.getRequest().getHeaders().getFirst(CORRELATION_HEADER);
        return value != null && CORRELATION_ID.matcher(value).matches() ? value : exchange.getRequest().getId();
    }

    static <T> byte[] csv(Table<T> table) {
        StringBuilder out = new StringBuilder("\uFEFF")
                .append(table.columns().stream().map(Column::header).map(ExportFiles::quoted)
                        .collect(Collectors.joining(","))).append("\r\n");
        for (T row : table.rows()) {
            out.append(table.columns().stream().map(column -> csvCell(column.cell().apply(row)))
                    .collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String csvCell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number number) {
            return number instanceof BigDecimal decimal ? decimal.toPlainString() : number.toString();
        }
        if (value instanceof Share share) {
            return StatisticsTables.display(share);
        }
        String text = value.toString();
        // A leading formula character is neutralised so that a spreadsheet never runs it.
        return quoted(LedgerTables.looksLikeFormula(text) ? "'" + text : text);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /** Blocks on the temporary files: call it off the event loop. */
    static byte[] xlsx(List<Table<?>> tables) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY)) {
            workbook.setCompressTempFiles(true);
            Styles styles = new Styles(workbook);
            for (Table<?> table : tables) {
                sheet(workbook, styles, table);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the workbook could not be written", e);
        }
    }

    private static <T> void sheet(SXSSFWorkbook workbook, Styles styles, Table<T> table) {
        SXSSFSheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.title()));
        List<Column<T>> columns = table.columns();
        Row header = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(columns.get(c).header());
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(c, columns.get(c).width() * 256);
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(1, table.rows().size()), 0, columns.size() - 1));
        int r = 1;
        for (T line : table.rows()) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < columns.size(); c++) {
                Object value = columns.get(c).cell().apply(line);
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(c);
                if (value instanceof BigDecimal amount) {
                    cell.setCellValue(amount.doubleValue());
                    cell.setCellStyle(styles.amount);
                } else if (value instanceof Number number) {
                    cell.setCellValue(number.doubleValue());
                    cell.setCellStyle(styles.count);
                } else if (value instanceof Share share) {
                    cell.setCellValue(share.value());
                    cell.setCellStyle(styles.percent);
                } else if (value instanceof LocalDate date) {
                    cell.setCellValue(date);
                    cell.setCellStyle(styles.date);
                } else {
                    // Always a string cell, never a formula: nothing a person typed is evaluated.
                    String text = value.toString();
                    cell.setCellValue(text);
                    cell.setCellStyle(LedgerTables.looksLikeFormula(text) ? styles.quotedText : styles.text);
                }
            }
        }
    }

    private static final class Styles {

        final CellStyle header;
        final CellStyle text;
        final CellStyle quotedText;
        final CellStyle date;
        final CellStyle count;
        final CellStyle amount;
        final CellStyle percent;

        Styles(SXSSFWorkbook workbook) {
            DataFormat formats = workbook.createDataFormat();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            text = workbook.createCellStyle();
            text.setDataFormat(formats.getFormat("@"));
            quotedText = workbook.createCellStyle();
            quotedText.cloneStyleFrom(text);
            quotedText.setQuotePrefixed(true);
            date = workbook.createCellStyle();
            date.setDataFormat(formats.getFormat("yyyy-mm-dd"));
            count = workbook.createCellStyle();
            count.setDataFormat(formats.getFormat("0"));
            amount = workbook.createCellStyle();
            amount.setDataFormat(formats.getFormat("#,##0.00"));
            percent = workbook.createCellStyle();
            percent.setDataFormat(formats.getFormat("0.0%"));
        }
    }
}
