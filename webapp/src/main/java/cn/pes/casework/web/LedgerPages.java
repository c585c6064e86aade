package cn.pes.casework.web;

import cn.pes.casework.events.tracking.FindTrackingLedgerQuery;
import cn.pes.casework.events.tracking.FindUncontactedCasesQuery;
import cn.pes.casework.events.tracking.LedgerRow;
import cn.pes.casework.events.tracking.TrackingLedgerView;
import cn.pes.casework.events.tracking.UncontactedCasesView;
import cn.pes.casework.security.AccessRules;
import cn.pes.casework.security.Officer;
import cn.pes.casework.security.Role;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
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
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An agency's monthly tracking ledger (跟踪台账) and the active cases not yet contacted that month
 * (TRK-1), for its own caseworkers and those above it, and for auditors; filterable by contact
 * method and outcome, exportable as CSV (masked, Chinese column headers by default).
 */
@Controller
class LedgerPages {

    private final PageQueries pageQueries;
    private final AccessRules rules;
    private final AgencyDirectory agencies;
    private final PageModel page;
    private final MessageSource messages;

    LedgerPages(PageQueries pageQueries, AccessRules rules, AgencyDirectory agencies, PageModel page,
                MessageSource messages) {
        this.pageQueries = pageQueries;
        this.rules = rules;
        this.agencies = agencies;
        this.page = page;
        this.messages = messages;
    }

    @GetMapping("/ledger")
    Mono<String> ledger(@RequestParam(name = "agency", required = false) String agency,
                        @RequestParam(name = "month", required = false) String month,
                        @RequestParam(name = "method", required = false) String method,
                        @RequestParam(name = "reached", required = false) String reached,
                        Model model) {
        return page.signedIn(model).flatMap(officer -> {
            String agencyId = agency == null || agency.isBlank() ? officer.agencyId() : agency;
            YearMonth yearMonth = pageQueries.month(month);
            requireListable(officer, agencyId);
            return pageQueries.query(new FindTrackingLedgerQuery(agencyId, yearMonth), TrackingLedgerView.class)
                    .zipWith(pageQueries.query(new FindUncontactedCasesQuery(agencyId, yearMonth), UncontactedCasesView.class))
                    .map(found -> {
                        List<LedgerLine> rows = found.getT1().rows().stream()
                                .filter(row -> method == null || method.isBlank() || row.method().name().equals(method))
                                .filter(row -> reached == null || reached.isBlank()
                                        || row.reached() == Boolean.parseBoolean(reached))
                                .map(LedgerLine::of)
                                .toList();
                        model.addAttribute("agencyId", agencyId);
                        model.addAttribute("month", yearMonth);
                        model.addAttribute("method", method);
                        model.addAttribute("reached", reached);
                        model.addAttribute("agencies", listableAgencies(officer));
                        model.addAttribute("rows", rows);
                        model.addAttribute("activeCases", found.getT2().activeCases());
                        model.addAttribute("uncontacted", found.getT2().cases().stream()
                                .map(UncontactedLine::of).toList());
                        return "ledger/ledger";
                    });
        });
    }

    /** The ledger as a spreadsheet-friendly CSV (UTF-8 with BOM, so that Excel reads the Chinese). */
    @GetMapping("/ledger.csv")
    Mono<ResponseEntity<byte[]>> export(@RequestParam(name = "agency", required = false) String agency,
                                        @RequestParam(name = "month", required = false) String month,
                                        ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return Officer.current().flatMap(officer -> {
            String agencyId = agency == null || agency.isBlank() ? officer.agencyId() : agency;
            YearMonth yearMonth = pageQueries.month(month);
            requireListable(officer, agencyId);
            return pageQueries.query(new FindTrackingLedgerQuery(agencyId, yearMonth), TrackingLedgerView.class)
                    .map(view -> csv(view.rows().stream().map(LedgerLine::of).toList(), locale))
                    .map(body -> ResponseEntity.ok()
                            .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                    .filename("ledger-" + agencyId + "-" + yearMonth + ".csv").build().toString())
                            .body(body));
        });
    }

    private byte[] csv(List<LedgerLine> rows, Locale locale) {
        String header = List.of("ledger.contactDate", "case.name", "case.idNumber", "ledger.method", "ledger.reached",
                        "ledger.statusFound", "ledger.services", "ledger.nextStep", "ledger.officer").stream()
                .map(key -> messages.getMessage(key, null, locale)).collect(Collectors.joining(","));
        StringBuilder out = new StringBuilder("\uFEFF").append(header).append("\r\n");
        for (LedgerLine row : rows) {
            out.append(String.join(",", cell(String.valueOf(row.contactDate())), cell(row.person().name()),
                    cell(row.person().idNumber()), cell(label("method." + row.method(), locale)),
                    cell(label(row.reached() ? "ledger.yes" : "ledger.no", locale)),
                    cell(row.statusFound() == null ? "" : label("found." + row.statusFound(), locale)),
                    cell(row.services().stream().map(service -> label("service." + service, locale))
                            .collect(Collectors.joining("、"))),
                    cell(row.nextStep()), cell(row.officerId()))).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /** Quotes every cell; a leading formula character is neutralised so a spreadsheet never runs it. */
    private static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private void requireListable(Officer officer, String agencyId) {
        if (!rules.mayListPeopleOf(officer, agencyId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
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

    record UncontactedLine(String caseId, MaskedPerson person, java.time.LocalDate registeredOn,
                           java.time.LocalDate lastContactDate) {

        static UncontactedLine of(cn.pes.casework.events.tracking.UncontactedCase line) {
            return new UncontactedLine(line.caseId(), MaskedPerson.of(line.person()), line.registeredOn(),
                    line.lastContactDate());
        }
    }
}
