package cn.pes.casework.command.comparison;

import org.apache.poi.util.XMLHelper;
import cn.pes.casework.command.clientcase.CaseRuleViolation;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The first sheet of an Office Open XML workbook, streamed with POI's event API (SAX over the
 * sheet's XML): a hundred thousand rows never become a workbook in memory. Cells keep their kind —
 * text, number or date (a number in a date format) — because an ID number in a numeric cell has
 * lost digits and must be reported, not guessed.
 */
final class XlsxSheet {

    private XlsxSheet() {
    }

    static void read(byte[] content, SheetRows rows) {
        if (content.length < 4 || content[0] != 'P' || content[1] != 'K') {
            throw new UnreadableFileException("not a workbook");
        }
        try (OPCPackage workbook = OPCPackage.open(new ByteArrayInputStream(content))) {
            XSSFReader reader = new XSSFReader(workbook);
            StylesTable styles = reader.getStylesTable();
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UnreadableFileException("no sheet");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new SheetHandler(strings, styles, rows));
                parser.parse(new InputSource(sheet));
            }
        } catch (UnreadableFileException | CaseRuleViolation e) {
            throw e;
        } catch (SAXException e) {
            // A refusal of the whole file by the row reader (too many rows) may come back wrapped by the parser.
            if (e.getException() instanceof CaseRuleViolation violation) {
                throw violation;
            }
            throw new UnreadableFileException("workbook unreadable: " + e.getClass().getSimpleName());
        } catch (Exception e) {
            // POI's messages may quote the file's content: only the kind of failure is kept.
            throw new UnreadableFileException("workbook unreadable: " + e.getClass().getSimpleName());
        }
    }

    /** Column index from a cell reference such as {@code AB12} (A is 0). */
    static int column(String reference) {
        int column = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c < 'A' || c > 'Z') {
                break;
            }
            column = column * 26 + (c - 'A' + 1);
        }
        return column - 1;
    }

    private static final class SheetHandler extends DefaultHandler {

        private final ReadOnlySharedStringsTable strings;
        private final StylesTable styles;
        private final SheetRows rows;
        private final StringBuilder value = new StringBuilder();
        private List<SheetCell> cells;
        private int line;
        private int column;
        private String type;
        private String style;
        private boolean collecting;

        SheetHandler(ReadOnlySharedStringsTable strings, StylesTable styles, SheetRows rows) {
            this.strings = strings;
            this.styles = styles;
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (name(localName, qName)) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    line = r == null ? line + 1 : Integer.parseInt(r);
                    cells = new ArrayList<>();
                }
                case "c" -> {
                    String r = attributes.getValue("r");
                    column = r == null ? cells.size() : column(r);
                    type = attributes.getValue("t");
                    style = attributes.getValue("s");
                    value.setLength(0);
                }
                case "v", "t" -> collecting = true;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (collecting) {
                value.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (name(localName, qName)) {
                case "v", "t" -> collecting = false;
                case "c" -> {
                    SheetCell cell = cell();
                    while (cells.size() <= column) {
                        cells.add(null);
                    }
                    cells.set(column, cell);
                }
                case "row" -> rows.row(line, cells);
                default -> {
                }
            }
        }

        private SheetCell cell() {
            String text = value.toString();
            if (type == null || type.equals("n")) {
                if (text.isBlank()) {
                    return null;
                }
                double number = Double.parseDouble(text);
                return isDateStyle() && DateUtil.isValidExcelDate(number)
                        ? new SheetCell.Date(DateUtil.getLocalDateTime(number).toLocalDate())
                        : new SheetCell.Number(number);
            }
            return switch (type) {
                case "s" -> new SheetCell.Text(strings.getItemAt(Integer.parseInt(text.strip())).getString());
                case "b" -> new SheetCell.Text("1".equals(text) ? "TRUE" : "FALSE");
                default -> new SheetCell.Text(text);
            };
        }

        private boolean isDateStyle() {
            if (style == null || styles == null) {
                return false;
            }
            XSSFCellStyle cellStyle = styles.getStyleAt(Integer.parseInt(style));
            return cellStyle != null && DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
        }

        private static String name(String localName, String qName) {
            if (localName != null && !localName.isEmpty()) {
                return localName;
            }
            int colon = qName.indexOf(':');
            return colon < 0 ? qName : qName.substring(colon + 1);
        }
    }
}
