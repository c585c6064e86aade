package cn.pes.casework.web;

import cn.pes.casework.events.tracking.ContactMethod;
import cn.pes.casework.events.tracking.FindTrackingLedgerPageQuery;
import cn.pes.casework.events.tracking.FindTrackingLedgerQuery;
import cn.pes.casework.events.tracking.FindUncontactedCasesPageQuery;
import cn.pes.casework.events.tracking.FindUncontactedCasesQuery;
import cn.pes.casework.events.tracking.LedgerRow;
import cn.pes.casework.events.tracking.TrackingLedgerPage;
import cn.pes.casework.events.tracking.TrackingLedgerView;
import cn.pes.casework.events.tracking.UncontactedCasesPage;
import cn.pes.casework.events.tracking.UncontactedCasesView;
import cn.pes.casework.security.AccessRules;
import cn.pes.casework.security.Officer;
import cn.pes.casework.security.Role;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import cn.pes.casework.security.audit.ReadAudit;
import cn.pes.casework.web.LedgerTables.Column;
import cn.pes.casework.web.LedgerTables.Labels;
import cn.pes.casework.web.LedgerTables.Table;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * An agency's monthly tracking ledger (跟踪台账) and the active cases not yet contacted that month
 * (TRK-1), for its own caseworkers and those above it, and for auditors; filterable by contact
 * method and outcome, exportable as CSV and as an Excel workbook (masked, Chinese column headers by default).
 */
@Controller
class LedgerPages {

    /** Rows of each of the page's two tables: a screenful, as the API's default page. */
    static final int PAGE_SIZE = 50;
    private static final int MAX_PAGE = 1_000_000;

    private final PageQueries pageQueries;
    private final AccessRules rules;
    private final AgencyDirectory agencies;
    private final PageModel page;
    private final MessageSource messages;
    private final ReadAudit readAudit;

    LedgerPages(PageQueries pageQueries, AccessRules rules, AgencyDirectory agencies, PageModel page,
                MessageSource messages, ReadAudit readAudit) {
        this.pageQueries = pageQueries;
        this.rules = rules;
        this.agencies = agencies;
        this.page = page;
        this.messages = messages;
        this.readAudit = readAudit;
    }

    @GetMapping("/ledger")
    Mono<String> ledger(@RequestParam(name = "agency", required = false) String agency,
                        @RequestParam(name = "month", required = false) String month,
                        @RequestParam(name = "method", required = false) String method,
                        @RequestParam(name = "reached", required = false) String reached,
                        @RequestParam(name = "ledgerPage", required = false) String ledgerPage,
                        @RequestParam(name = "uncontactedPage", required = false) String uncontactedPage,
                        Model model) {
        return page.signedIn(model).flatMap(officer -> {
            // The agency's scope first: out of it, the agency does not exist whatever else was asked.
            Scope scope = scope(officer, agency, month);
            int contactsPage = pageNumber(ledgerPage);
            int uncontactedPageNumber = pageNumber(uncontactedPage);
            checkFilters(method, reached);
            return contactsPage(scope, method, reached, contactsPage)
                    .zipWith(uncontactedPage(scope, uncontactedPageNumber))
                    .map(found -> {
                        Shown<LedgerLine> contacts = found.getT1();
                        model.addAttribute("agencyId", scope.agencyId());
                        model.addAttribute("month", scope.month());
                        model.addAttribute("method", method);
                        model.addAttribute("reached", reached);
                        model.addAttribute("agencies", listableAgencies(officer));
                        model.addAttribute("rows", contacts.lines());
                        model.addAttribute("contactsTotal", contacts.total());
                        model.addAttribute("ledgerPage", contactsPage);
                        model.addAttribute("ledgerPages", pages(contacts.total()));
                        UncontactedCasesPage shown = found.getT2();
                        model.addAttribute("activeCases", shown.activeCases());
                        model.addAttribute("uncontactedTotal", shown.totalUncontacted());
                        model.addAttribute("uncontacted", shown.cases().stream().map(UncontactedLine::of).toList());
                        model.addAttribute("uncontactedPage", shown.page());
                        model.addAttribute("uncontactedPages", pages(shown.totalUncontacted()));
                        return "ledger/ledger";
                    });
        });
    }

    /** The month's contacts as a spreadsheet-friendly CSV (UTF-8 with BOM, so that Excel reads the Chinese). */
    @GetMapping("/ledger.csv")
    Mono<ResponseEntity<byte[]>> export(@RequestParam(name = "agency", required = false) String agency,
                                        @RequestParam(name = "month", required = false) String month,
                                        ServerWebExchange exchange) {
        Labels labels = new Labels(messages, exchange.getLocaleContext().getLocale());
        return Officer.current().flatMap(officer -> {
            Scope scope = scope(officer, agency, month);
            return contacts(scope).flatMap(rows -> exported(officer, scope, "csv", rows.size(), exchange)
                    .then(download(scope, "csv", new MediaType("text", "csv", StandardCharsets.UTF_8),
                            () -> csv(LedgerTables.contacts(rows, labels)))));
        });
    }

    /** The month's contacts and the people not yet contacted, as an Excel workbook of two sheets. */
    @GetMapping("/ledger.xlsx")
    Mono<ResponseEntity<byte[]>> workbook(@RequestParam(name = "agency", required = false) String agency,
                                          @RequestParam(name = "month", required = false) String month,
                                          ServerWebExchange exchange) {
        Labels labels = new Labels(messages, exchange.getLocaleContext().getLocale());
        return Officer.current().flatMap(officer -> {
            Scope scope = scope(officer, agency, month);
            return contacts(scope).zipWith(uncontacted(scope))
                    .flatMap(found -> exported(officer, scope, "xlsx",
                            found.getT1().size() + found.getT2().lines().size(), exchange)
                            .then(download(scope, "xlsx", ExportFiles.XLSX,
                                    () -> ExportFiles.xlsx(List.of(LedgerTables.contacts(found.getT1(), labels),
                                            LedgerTables.uncontacted(found.getT2().lines(), labels))))));
        });
    }

    /**
     * The export in the access log (LIST_EXPORTED) before the file leaves: the list, its agency and month,
     * the format and how many rows (people) it holds — no one's details.
     */
    private Mono<Void> exported(Officer officer, Scope scope, String format, int rows, ServerWebExchange exchange) {
        return readAudit.listExported(officer, "tracking-ledger", "agency=" + scope.agencyId() + " month="
                + scope.month() + " format=" + format + " rows=" + rows, exchange);
    }

    /** The agency asked for (the officer's own when none) and the month; an agency out of scope does not exist. */
    private Scope scope(Officer officer, String agency, String month) {
        String agencyId = agency == null || agency.isBlank() ? officer.agencyId() : agency;
        YearMonth yearMonth = pageQueries.month(month);
        if (!rules.mayListPeopleOf(officer, agencyId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return new Scope(agencyId, yearMonth);
    }

    /** Every contact of the month, masked: the page filters these further, the exports carry them all. */
    private Mono<List<LedgerLine>> contacts(Scope scope) {
        return pageQueries.query(new FindTrackingLedgerQuery(scope.agencyId(), scope.month()), TrackingLedgerView.class)
                .map(view -> view.rows().stream().map(LedgerLine::of).toList());
    }

    /**
     * The page shows its two tables a page at a time, so that a street early in a month (thousands
     * uncontacted) or late in it (thousands of contacts) opens the personal data of the rows on screen;
     * the exports still have them all.
     */
    private Mono<UncontactedCasesPage> uncontactedPage(Scope scope, int pageNumber) {
        return pageQueries.query(new FindUncontactedCasesPageQuery(scope.agencyId(), scope.month(), pageNumber,
                PAGE_SIZE), UncontactedCasesPage.class);
    }

    /** A page from 1 to the API's own limit; anything else is a bad request, as on the API. */
    private static int pageNumber(String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= 1 && number <= MAX_PAGE) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below, as a page out of range is
        }
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
    }

    /** A filter the form cannot send would read and open the whole ledger to show nothing: refused. */
    private static void checkFilters(String method, String reached) {
        boolean knownMethod = method == null || method.isBlank()
                || Arrays.stream(ContactMethod.values()).anyMatch(known -> known.name().equals(method));
        boolean knownReached = reached == null || reached.isBlank() || "true".equals(reached) || "false".equals(reached);
        if (!knownMethod || !knownReached) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
    }

    /**
     * A page of the month's contacts as the table shows them. Unfiltered, only the page's rows are read
     * and opened; a filter on method or reached is applied to the whole ledger first, since the ledger
     * is not kept by either.
     */
    private Mono<Shown<LedgerLine>> contactsPage(Scope scope, String method, String reached, int pageNumber) {
        boolean filtered = method != null && !method.isBlank() || reached != null && !reached.isBlank();
        if (!filtered) {
            return pageQueries.query(new FindTrackingLedgerPageQuery(scope.agencyId(), scope.month(), pageNumber,
                            PAGE_SIZE), TrackingLedgerPage.class)
                    .map(found -> new Shown<>(found.totalRows(), found.rows().stream().map(LedgerLine::of).toList()));
        }
        return contacts(scope).map(rows -> {
            List<LedgerLine> kept = rows.stream()
                    .filter(row -> method == null || method.isBlank() || method.equals(String.valueOf(row.method())))
                    .filter(row -> reached == null || reached.isBlank() || row.reached() == Boolean.parseBoolean(reached))
                    .toList();
            long from = (long) (pageNumber - 1) * PAGE_SIZE;
            return new Shown<>(kept.size(), from >= kept.size() ? List.of()
                    : kept.subList((int) from, (int) Math.min(kept.size(), from + PAGE_SIZE)));
        });
    }

    private static int pages(int total) {
        return Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    private Mono<Uncontacted> uncontacted(Scope scope) {
        return pageQueries.query(new FindUncontactedCasesQuery(scope.agencyId(), scope.month()), UncontactedCasesView.class)
                .map(view -> new Uncontacted(view.activeCases(), view.cases().stream().map(UncontactedLine::of).toList()));
    }

    /**
     * Writes the file on a worker thread (POI blocks on its temporary files) and names it for the
     * agency and month, with an RFC 5987 {@code filename*} beside the plain one.
     */
    private static Mono<ResponseEntity<byte[]>> download(Scope scope, String extension, MediaType type,
                                                         Callable<byte[]> write) {
        String filename = "ledger-" + scope.agencyId() + "-" + scope.month() + "." + extension;
        return Mono.fromCallable(write)
                .subscribeOn(Schedulers.boundedElastic())
                .map(body -> ResponseEntity.ok()
                        .contentType(type)
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename)
                                .build() + "; filename*=UTF-8''" + UriUtils.encode(filename, StandardCharsets.UTF_8))
                        .body(body));
    }

    private static <T> byte[] csv(Table<T> table) {
        // The header line stays as the CSV has always begun (unquoted): our own messages, never a person's text.
        StringBuilder out = new StringBuilder("\uFEFF")
                .append(table.columns().stream().map(Column::header).collect(Collectors.joining(","))).append("\r\n");
        for (T row : table.rows()) {
            out.append(table.columns().stream().map(column -> column.cell().apply(row))
                    .map(value -> cell(value == null ? "" : value.toString()))
                    .collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Quotes every cell; a leading formula character is neutralised so a spreadsheet never runs it. */
    private static String cell(String value) {
        String text = LedgerTables.looksLikeFormula(value) ? "'" + value : value;
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private List<Agency> listableAgencies(Officer officer) {
        return officer.has(Role.AUDITOR) ? agencies.all() : agencies.coveredBy(officer.agencyId());
    }

    record LedgerLine(String caseId, MaskedPerson person, java.time.LocalDate contactDate, Object method,
                      boolean reached, Object statusFound, List<String> services, String nextStep, String officerId) {

        static LedgerLine of(LedgerRow row) {
            return new LedgerLine(row.caseId(), MaskedPerson.of(row.person()), row.contactDate(), row.method(),
                    row.reached(), row.statusFound(),
                    row.servicesGiven() == null ? List.of() : row.servicesGiven().stream().map(Enum::name).sorted().toList(),
                    row.nextStep(), row.officerId());
        }
    }

    private record Scope(String agencyId, YearMonth month) {
    }

    private record Shown<T>(int total, List<T> lines) {
    }

    private record Uncontacted(int activeCases, List<UncontactedLine> lines) {
    }

    record UncontactedLine(String caseId, MaskedPerson person, java.time.LocalDate registeredOn,
                           java.time.LocalDate lastContactDate) {

        static UncontactedLine of(cn.pes.casework.events.tracking.UncontactedCase line) {
            return new UncontactedLine(line.caseId(), MaskedPerson.of(line.person()), line.registeredOn(),
                    line.lastContactDate());
        }
    }
}
