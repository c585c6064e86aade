package cn.pes.casework.web;

import cn.pes.casework.web.LedgerPages.LedgerLine;
import cn.pes.casework.web.LedgerPages.UncontactedLine;
import org.springframework.context.MessageSource;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The tables of the exported ledger as agencies keep them: the month's contacts (跟踪记录) and the
 * registered people not yet contacted (未跟踪人员). The CSV and the workbook both write these, so a
 * column, its header and what it shows of a person (always the masked line, never the record) are
 * decided once, here.
 */
final class LedgerTables {

    private LedgerTables() {
    }

    /**
     * @param width in characters, a Chinese character counting two, as spreadsheets measure them
     * @param cell  a {@code String}, a {@code LocalDate} or {@code null} for an empty cell: each format
     *              writes a date its own way (text in a CSV, a real date in a workbook)
     */
    record Column<T>(String header, int width, Function<T, Object> cell) {
    }

    record Table<T>(String title, List<Column<T>> columns, List<T> rows) {
    }

    /** Headers and labels in the reader's language; a header missing from the messages is a bug, not a blank. */
    record Labels(MessageSource messages, Locale locale) {

        String header(String key) {
            return messages.getMessage(key, null, locale);
        }

        String label(String key) {
            return messages.getMessage(key, null, key, locale);
        }

        String title(String key, String chinese) {
            return messages.getMessage(key, null, chinese, locale);
        }
    }

    static Table<LedgerLine> contacts(List<LedgerLine> rows, Labels labels) {
        return new Table<>(labels.title("ledger.sheet.contacts", "跟踪记录"), List.of(
                new Column<LedgerLine>(labels.header("ledger.contactDate"), 12, LedgerLine::contactDate),
                new Column<LedgerLine>(labels.header("case.name"), 10, row -> row.person().name()),
                new Column<LedgerLine>(labels.header("case.idNumber"), 22, row -> row.person().idNumber()),
                new Column<LedgerLine>(labels.header("ledger.method"), 12, row -> labels.label("method." + row.method())),
                new Column<LedgerLine>(labels.header("ledger.reached"), 8,
                        row -> labels.label(row.reached() ? "ledger.yes" : "ledger.no")),
                new Column<LedgerLine>(labels.header("ledger.statusFound"), 20,
                        row -> row.statusFound() == null ? null : labels.label("found." + row.statusFound())),
                new Column<LedgerLine>(labels.header("ledger.services"), 40, row -> row.services().stream()
                        .map(service -> labels.label("service." + service)).collect(Collectors.joining("、"))),
                new Column<LedgerLine>(labels.header("ledger.nextStep"), 40, LedgerLine::nextStep),
                new Column<LedgerLine>(labels.header("ledger.officer"), 14, LedgerLine::officerId)), rows);
    }

    static Table<UncontactedLine> uncontacted(List<UncontactedLine> rows, Labels labels) {
        return new Table<>(labels.title("ledger.sheet.uncontacted", "未跟踪人员"), List.of(
                new Column<UncontactedLine>(labels.header("case.name"), 10, line -> line.person().name()),
                new Column<UncontactedLine>(labels.header("case.idNumber"), 22, line -> line.person().idNumber()),
                new Column<UncontactedLine>(labels.header("case.registeredOn"), 12, UncontactedLine::registeredOn),
                new Column<UncontactedLine>(labels.header("case.lastContact"), 12, UncontactedLine::lastContactDate)),
                rows);
    }

    /**
     * Text a spreadsheet would take for a formula if it were typed in (or imported from a CSV):
     * free text such as the next step comes from officers and, through online applications, from
     * the public.
     */
    static boolean looksLikeFormula(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
    }
}
