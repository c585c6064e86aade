package cn.pes.casework.web;

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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

/**
 * The ledger as an Excel workbook, one sheet per table. Written streaming (SXSSF): only a window of
 * rows is held in memory, the rest goes to a temporary file that closing the workbook deletes, so a
 * large county's ledger costs no more heap than a street's.
 */
final class LedgerWorkbook {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final int ROWS_IN_MEMORY = 200;

    private LedgerWorkbook() {
    }

    /** Blocks on the temporary files: call it off the event loop. */
    static byte[] write(List<Table<?>> tables) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY)) {
            // Uncompressed, a county's temporary sheet files would be many times the workbook's size.
            workbook.setCompressTempFiles(true);
            Styles styles = new Styles(workbook);
            for (Table<?> table : tables) {
                sheet(workbook, styles, table);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
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
        sheet.setAutoFilter(new CellRangeAddress(0, table.rows().size(), 0, columns.size() - 1));
        int r = 1;
        for (T line : table.rows()) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < columns.size(); c++) {
                Object value = columns.get(c).cell().apply(line);
                if (value instanceof LocalDate date) {
                    Cell cell = row.createCell(c);
                    cell.setCellValue(date);
                    cell.setCellStyle(styles.date);
                } else if (value != null) {
                    // Always a string cell, never setCellFormula: nothing a person typed is evaluated.
                    String text = value.toString();
                    Cell cell = row.createCell(c);
                    cell.setCellValue(text);
                    cell.setCellStyle(LedgerTables.looksLikeFormula(text) ? styles.quotedText : styles.text);
                }
            }
        }
    }

    private static final class Styles {

        final CellStyle header;
        final CellStyle text;
        /** Excel's leading apostrophe: the cell stays text even when someone edits it and presses Enter. */
        final CellStyle quotedText;
        final CellStyle date;

        Styles(SXSSFWorkbook workbook) {
            DataFormat formats = workbook.createDataFormat();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            // "@" (Text), so that a masked ID number or an officer ID is never re-read as a number.
            text = workbook.createCellStyle();
            text.setDataFormat(formats.getFormat("@"));
            quotedText = workbook.createCellStyle();
            quotedText.cloneStyleFrom(text);
            quotedText.setQuotePrefixed(true);
            date = workbook.createCellStyle();
            date.setDataFormat(formats.getFormat("yyyy-mm-dd"));
        }
    }
}
