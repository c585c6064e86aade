package cn.pes.casework.web;

import cn.pes.casework.events.casefile.CaseHistoryView;
import cn.pes.casework.events.subsidy.CaseSubsidiesView;
import cn.pes.casework.events.subsidy.FindCaseSubsidiesQuery;
import cn.pes.casework.events.casefile.CaseSearchResult;
import cn.pes.casework.events.casefile.CaseSummary;
import cn.pes.casework.events.casefile.CaseView;
import cn.pes.casework.events.casefile.FindCaseHistoryQuery;
import cn.pes.casework.events.casefile.FindCaseQuery;
import cn.pes.casework.events.casefile.FindCasesByIdNumberQuery;
import cn.pes.casework.events.casefile.FindCasesByNameQuery;
import cn.pes.casework.events.casefile.HistoryEntry;
import cn.pes.casework.events.casefile.RegistrationStatus;
import cn.pes.casework.security.AccessRules;
import cn.pes.casework.security.Officer;
import cn.pes.casework.security.Role;
import cn.pes.casework.security.audit.AccessAction;
import cn.pes.casework.security.audit.AccessLog;
import cn.pes.casework.security.audit.ReadAudit;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finding a person and reading their case: the same queries and the same scope as the API
 * (REG-4: any case by full ID number; by name only within one's agencies), shown masked.
 */
@Controller
class CasePages {

    /** An 18-character resident ID number, check character X in either case. */
    private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dXx]");
    private static final int MIN_PURPOSE = 4;
    private static final int MAX_PURPOSE = 200;
    /** Times on pages are the agencies' local times. */
    private static final ZoneId AGENCY_ZONE = ZoneId.of("Asia/Shanghai");
    private static final String NO_AGENCY = "—";

    private final PageQueries pageQueries;
    private final AccessRules rules;
    private final AgencyDirectory agencies;
    private final PageModel page;
    private final AccessLog accessLog;
    private final ReadAudit readAudit;

    CasePages(PageQueries pageQueries, AccessRules rules, AgencyDirectory agencies, PageModel page, AccessLog accessLog,
              ReadAudit readAudit) {
        this.pageQueries = pageQueries;
        this.rules = rules;
        this.agencies = agencies;
        this.page = page;
        this.accessLog = accessLog;
        this.readAudit = readAudit;
    }

    /** Officers who read cases start at finding one, analysts at the dashboard, administrators at their account. */
    @GetMapping("/")
    Mono<String> home() {
        return Officer.current().map(officer -> rules.mayViewCase(officer) ? "redirect:/cases"
                : rules.maySeeStatisticsOf(officer, officer.agencyId()) ? "redirect:/dashboard"
                : "redirect:/account/password");
    }

    @GetMapping("/cases")
    Mono<String> searchForm(Model model) {
        model.addAttribute("q", "");
        model.addAttribute("results", List.of());
        return page.signedIn(model).thenReturn("cases/search");
    }

    /** A POST so that an ID number or a name never sits in a URL, the browser's history or an access log. */
    @PostMapping(value = "/cases/search", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> search(ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            String q = form.getFirst("q");
            String term = q == null ? "" : q.strip();
            model.addAttribute("q", term);
            model.addAttribute("results", List.of());
            boolean byIdNumber = ID_NUMBER.matcher(term).matches();
            Object query = byIdNumber ? new FindCasesByIdNumberQuery(term.toUpperCase()) : new FindCasesByNameQuery(term);
            return page.signedIn(model).flatMap(officer -> term.isEmpty() || term.length() > 50
                    ? Mono.just("cases/search")
                    : pageQueries.query(query, CaseSearchResult.class)
                    .map(result -> result.cases().stream()
                            .filter(found -> byIdNumber || officer.has(Role.AUDITOR)
                                    || agencies.covers(officer.agencyId(), found.agencyId()))
                            .map(this::line)
                            .toList())
                    .defaultIfEmpty(List.of())
                    .map(lines -> {
                        model.addAttribute("results", lines);
                        model.addAttribute("searched", true);
                        return "cases/search";
                    }));
        });
    }

    @GetMapping("/cases/{caseId}")
    Mono<String> caseFile(@PathVariable String caseId, Model model) {
        return page.signedIn(model)
                .filter(rules::mayViewCase)
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .flatMap(officer -> render(caseId, officer, null, model));
    }

    /**
     * The full personal data, on a stated purpose, for a caseworker whose agency covers the case or an
     * auditor; recorded in the access log before the page shows it. Anyone else: as if no such case.
     */
    @PostMapping(value = "/cases/{caseId}/reveal", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> reveal(@PathVariable String caseId, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> page.signedIn(model).flatMap(officer -> {
            String purpose = form.getFirst("purpose") == null ? "" : form.getFirst("purpose").strip();
            int length = purpose.codePointCount(0, purpose.length());
            if (length < MIN_PURPOSE || length > MAX_PURPOSE) {
                model.addAttribute("purposeInvalid", true);
                return render(caseId, officer, null, model);
            }
            return pageQueries.query(new FindCaseQuery(caseId), CaseView.class)
                    .filter(view -> rules.mayRevealPersonalDataOf(officer, view.agencyId())
                            && view.person() != null && !view.person().erased())
                    .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)))
                    .publishOn(Schedulers.boundedElastic())
                    .doOnNext(view -> accessLog.record(officer.officerId(), officer.agencyId(),
                            AccessAction.PERSONAL_DATA_REVEALED, caseId, purpose, null))
                    .flatMap(view -> render(caseId, officer, view.person(), model));
        }));
    }

    /**
     * Every showing of a person's record is in the access log before the page leaves: CASE_VIEWED, unless
     * the page shows what was just revealed, whose PERSONAL_DATA_REVEALED row already says so.
     */
    private Mono<String> render(String caseId, Officer officer, PersonalData revealed, Model model) {
        return pageQueries.query(new FindCaseQuery(caseId), CaseView.class)
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .flatMap(view -> revealed != null ? Mono.just(view)
                        : readAudit.caseViewed(officer, caseId, "page", null).thenReturn(view))
                // The history is its own read model and may trail the case by a moment.
                .zipWith(pageQueries.query(new FindCaseHistoryQuery(caseId), CaseHistoryView.class)
                        .defaultIfEmpty(new CaseHistoryView(caseId, List.of())))
                .zipWith(pageQueries.query(new FindCaseSubsidiesQuery(caseId, null), CaseSubsidiesView.class)
                        .defaultIfEmpty(new CaseSubsidiesView(caseId, List.of())),
                        (found, subsidies) -> {
                            model.addAttribute("subsidies", subsidies.applications());
                            return found;
                        })
                .map(found -> {
                    CaseView view = found.getT1();
                    model.addAttribute("view", view);
                    model.addAttribute("person", MaskedPerson.of(view.person()));
                    model.addAttribute("revealed", revealed);
                    model.addAttribute("mayReveal", view.person() != null && !view.person().erased()
                            && rules.mayRevealPersonalDataOf(officer, view.agencyId()));
                    model.addAttribute("agency", agencyName(view.agencyId()));
                    // A past state reads the whole history: for those who may reveal the case (see AsOfPages).
                    model.addAttribute("mayViewPast", rules.mayRevealPersonalDataOf(officer, view.agencyId()));
                    model.addAttribute("mayChange", view.status() == RegistrationStatus.ACTIVE
                            && rules.mayChangeCaseOf(officer, view.agencyId()));
                    // A skills subsidy does not need an active registration (SUB-1): anyone with a certificate.
                    model.addAttribute("mayApplyForSubsidy", rules.mayChangeCaseOf(officer, view.agencyId()));
                    List<HistoryEntry> newestFirst = new ArrayList<>(found.getT2().entries().stream()
                            .map(CasePages::withAgencyShown).toList());
                    Collections.reverse(newestFirst);
                    model.addAttribute("entries", newestFirst);
                    model.addAttribute("agencyNames", agencyNames());
                    model.addAttribute("zone", AGENCY_ZONE);
                    return "cases/case";
                });
    }

    /**
     * A change the platform made on no agency's behalf (a batch's matches reach every agency's cases)
     * has no agency; the timeline looks agencies up by ID and cannot look up none.
     */
    private static HistoryEntry withAgencyShown(HistoryEntry entry) {
        return entry.agencyId() != null ? entry : new HistoryEntry(entry.sequence(), entry.recordedAt(),
                entry.effectiveDate(), entry.eventType(), entry.title(), entry.description(), entry.officerId(),
                NO_AGENCY, entry.channel(), entry.channelName(), entry.correlationId());
    }

    private SearchLine line(CaseSummary summary) {
        return new SearchLine(summary.caseId(), MaskedPerson.of(summary.person()), summary.status(),
                agencyName(summary.agencyId()));
    }

    private String agencyName(String agencyId) {
        return agencies.find(agencyId).map(Agency::name).orElse(agencyId);
    }

    private Map<String, String> agencyNames() {
        return agencies.all().stream().collect(Collectors.toMap(Agency::id, Agency::name, (a, b) -> a));
    }

    record SearchLine(String caseId, MaskedPerson person, Object status, String agency) {
    }

}
