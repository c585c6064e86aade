package cn.pes.casework.web;

import cn.pes.casework.events.comparison.FindReconciliationQuery;
import cn.pes.casework.events.comparison.ReconciliationLine;
import cn.pes.casework.events.comparison.ReconciliationView;
import cn.pes.casework.events.comparison.RecordFileFormat;
import cn.pes.casework.events.shared.Masking;
import cn.pes.casework.security.Officer;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import cn.pes.casework.web.LedgerTables.Column;
import cn.pes.casework.web.LedgerTables.Labels;
import cn.pes.casework.web.LedgerTables.Table;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Bulk reconciliation (批量核对, REG-4): a caseworker uploads a list of ID numbers — the first column, or
 * the one headed 身份证号, a header being optional — and gets back a workbook saying where each person
 * stands with the agencies city-wide: registration, last contact, categories, subsidies and loans. The
 * people are masked in it as on every list; the export is recorded in the access log with the list's
 * size, never its numbers. A file that cannot be read comes back to the form with the reason.
 */
@Controller
class ReconciliationExports {

    private static final Set<String> ID_HEADERS = Set.of("身份证号", "身份证号码", "公民身份号码", "公民身份证号码",
            "idnumber");
    /** What a header cell cannot be: a value made of an ID number's characters. */
    private static final Pattern ID_LIKE = Pattern.compile("[0-9Xx\\s-]+");

    private static final Set<String> ERRORS = Set.of("MISSING", "FILE_TYPE", "EMPTY", "TOO_MANY", "UNREADABLE");

    private final PageModel page;
    private final PageQueries pageQueries;
    private final JobSeekingForms forms;
    private final ExportFiles exports;
    private final MessageSource messages;
    private final AgencyDirectory agencies;
    private final int maxNumbers;

    ReconciliationExports(PageModel page, PageQueries pageQueries, JobSeekingForms forms, ExportFiles exports,
                          MessageSource messages, AgencyDirectory agencies,
                          @Value("${pes.reconciliation.max-numbers:20000}") int maxNumbers) {
        this.page = page;
        this.pageQueries = pageQueries;
        this.forms = forms;
        this.exports = exports;
        this.messages = messages;
        this.agencies = agencies;
        this.maxNumbers = maxNumbers;
    }

    @GetMapping("/comparison/reconciliation")
    Mono<String> form(@RequestParam(name = "error", required = false) String error, ServerWebExchange exchange,
                      Model model) {
        return page.signedIn(model).map(officer -> {
            model.addAttribute("error", error == null || !ERRORS.contains(error) ? null
                    : messages.getMessage("recon.error." + error, new Object[]{maxNumbers}, locale(exchange)));
            model.addAttribute("maxNumbers", maxNumbers);
            return "comparison/reconciliation";
        });
    }

    /**
     * Answers the workbook, or sends the browser back to the form with the file's problem (a redirect,
     * since one handler answers either a file or a page).
     */
    @PostMapping(value = "/comparison/reconciliation", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<byte[]>> reconcile(ServerWebExchange exchange) {
        return exchange.getMultipartData().flatMap(parts -> Officer.current()
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED)))
                .flatMap(officer -> {
                    FilePart file = parts.getFirst("file") instanceof FilePart filePart
                            && !filePart.filename().isBlank() ? filePart : null;
                    RecordFileFormat format = file == null ? null : ComparisonPages.formatOf(file.filename());
                    if (file == null || format == null) {
                        return Mono.justOrEmpty(file).flatMap(ComparisonPages::discard)
                                .thenReturn(refused(file == null ? "MISSING" : "FILE_TYPE"));
                    }
                    return ComparisonPages.bytes(file)
                            .publishOn(Schedulers.boundedElastic())
                            .map(content -> numbers(content, format))
                            .flatMap(numbers -> numbers.isEmpty() ? Mono.just(refused("EMPTY"))
                                    : numbers.size() > maxNumbers ? Mono.just(refused("TOO_MANY"))
                                    : export(officer, exchange, numbers))
                            .onErrorResume(UnreadableList.class, e -> Mono.just(refused("UNREADABLE")));
                }));
    }

    private static ResponseEntity<byte[]> refused(String error) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create("/comparison/reconciliation?error=" + error)).build();
    }

    private Mono<ResponseEntity<byte[]>> export(Officer officer, ServerWebExchange exchange, List<String> numbers) {
        Labels labels = new Labels(messages, locale(exchange));
        return pageQueries.query(new FindReconciliationQuery(numbers), ReconciliationView.class)
                .map(ReconciliationView::lines)
                .defaultIfEmpty(List.of())
                .flatMap(lines -> exports.download(officer, exchange, "reconciliation",
                        "numbers=" + numbers.size(), "reconciliation-" + forms.today() + ".xlsx", true,
                        List.of(table(lines, numbers, labels))));
    }

    Table<ReconciliationLine> table(List<ReconciliationLine> lines, List<String> numbers, Labels labels) {
        Map<String, String> names = agencies.all().stream().collect(Collectors.toMap(Agency::id, Agency::name));
        return new Table<>(labels.title("recon.sheet", "批量核对"), List.of(
                new Column<ReconciliationLine>(labels.header("recon.col.index"), 6, line -> line.index() + 1),
                new Column<ReconciliationLine>(labels.header("recon.col.idNumber"), 22, line -> line.person() != null
                        ? MaskedPerson.of(line.person()).idNumber()
                        : line.index() < numbers.size() ? Masking.idNumber(numbers.get(line.index()).strip()) : null),
                new Column<ReconciliationLine>(labels.header("recon.col.name"), 10,
                        line -> MaskedPerson.of(line.person()).name()),
                new Column<ReconciliationLine>(labels.header("recon.col.status"), 12,
                        line -> line.status() == null ? null : labels.label("status." + line.status())),
                new Column<ReconciliationLine>(labels.header("recon.col.spellStart"), 12, ReconciliationLine::spellStart),
                new Column<ReconciliationLine>(labels.header("recon.col.spellEnd"), 12, ReconciliationLine::spellEnd),
                new Column<ReconciliationLine>(labels.header("recon.col.agency"), 30, line -> line.agencyId() == null
                        ? null : names.getOrDefault(line.agencyId(), line.agencyId())),
                new Column<ReconciliationLine>(labels.header("recon.col.lastContactDate"), 12,
                        line -> line.lastContact() == null ? null : line.lastContact().contactDate()),
                new Column<ReconciliationLine>(labels.header("recon.col.lastContactMethod"), 12,
                        line -> line.lastContact() == null || line.lastContact().method() == null ? null
                                : labels.label("method." + line.lastContact().method())),
                new Column<ReconciliationLine>(labels.header("recon.col.categories"), 24,
                        line -> line.categories() == null || line.categories().isEmpty() ? null
                                : line.categories().stream().sorted().map(c -> labels.label("category." + c))
                                .collect(Collectors.joining("、"))),
                new Column<ReconciliationLine>(labels.header("recon.col.subsidiesApplied"), 10,
                        ReconciliationLine::subsidiesApplied),
                new Column<ReconciliationLine>(labels.header("recon.col.subsidiesPaid"), 10,
                        ReconciliationLine::subsidiesPaid),
                new Column<ReconciliationLine>(labels.header("recon.col.subsidyAmountPaid"), 12,
                        ReconciliationLine::subsidyAmountPaid),
                new Column<ReconciliationLine>(labels.header("recon.col.loans"), 10, ReconciliationLine::loans),
                new Column<ReconciliationLine>(labels.header("recon.col.latestLoanStage"), 20,
                        line -> line.latestLoanStage() == null ? null
                                : labels.label("ent.loanStage." + line.latestLoanStage())),
                new Column<ReconciliationLine>(labels.header("recon.col.loanOutstanding"), 12,
                        ReconciliationLine::loanOutstanding),
                new Column<ReconciliationLine>(labels.header("recon.col.problem"), 30, line -> problem(line, labels))),
                lines);
    }

    /** Why a line says nothing: a number that is no ID number, or one without a case anywhere in the city. */
    private static String problem(ReconciliationLine line, Labels labels) {
        if (line.problem() != null) {
            return labels.label("recon.problem." + line.problem());
        }
        return line.caseId() == null ? labels.label("recon.problem.NO_CASE") : null;
    }

    // ------------------------------------------------------------------ reading the list

    /** The ID numbers of the list in its order, blank lines left out; the header, if any, is not one. */
    static List<String> numbers(byte[] content, RecordFileFormat format) {
        List<List<String>> rows = format == RecordFileFormat.XLSX ? xlsxRows(content) : csvRows(content);
        rows.removeIf(row -> row.stream().allMatch(String::isBlank));
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> first = rows.get(0);
        int column = 0;
        boolean header = false;
        for (int c = 0; c < first.size(); c++) {
            if (ID_HEADERS.contains(first.get(c).strip().toLowerCase(Locale.ROOT))) {
                column = c;
                header = true;
                break;
            }
        }
        if (!header && !first.get(0).isBlank() && !ID_LIKE.matcher(first.get(0).strip()).matches()) {
            header = true;
        }
        List<String> numbers = new ArrayList<>();
        for (List<String> row : rows.subList(header ? 1 : 0, rows.size())) {
            String value = column < row.size() ? row.get(column).strip() : "";
            numbers.add(value);
        }
        return numbers;
    }

    private static List<List<String>> xlsxRows(byte[] content) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            List<List<String>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                }
                if (cells.isEmpty()) {
                    cells.add("");
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw new UnreadableList();
        }
    }

    /** UTF-8 with or without BOM, else GB18030 as spreadsheet programs here save CSV; quoted fields as RFC 4180. */
    static List<List<String>> csvRows(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            text = new String(content, Charset.forName("GB18030"));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\0') >= 0) {
            throw new UnreadableList();
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    private static Locale locale(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return locale == null ? PageLocale.CHINESE : locale;
    }

    /** The file is not a list this page can read. */
    static final class UnreadableList extends RuntimeException {

        UnreadableList() {
            super("the list could not be read", null, false, false);
        }
    }
}
