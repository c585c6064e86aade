package cn.pes.casework.web;

import cn.pes.casework.events.asof.CaseAsOfView;
import cn.pes.casework.events.asof.FindCaseAsOfQuery;
import cn.pes.casework.events.asof.TimeBasis;
import cn.pes.casework.events.casefile.CaseView;
import cn.pes.casework.events.casefile.FindCaseQuery;
import cn.pes.casework.events.casefile.HistoryEntry;
import cn.pes.casework.security.AccessRules;
import cn.pes.casework.security.Officer;
import cn.pes.casework.security.audit.AccessAction;
import cn.pes.casework.security.audit.AccessLog;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A case as it was at a past moment (历史时点查看), for those who may reveal it: what the agency knew
 * then (recorded basis) or what is known now to have been so then (effective basis), with the events
 * learned later (后来获知) and what the two bases disagree on. Every view is in the access log.
 */
@Controller
class AsOfPages {

    private static final ZoneId AGENCY_ZONE = ZoneId.of("Asia/Shanghai");

    private final PageQueries pageQueries;
    private final AccessRules rules;
    private final AgencyDirectory agencies;
    private final PageModel page;
    private final AccessLog accessLog;
    private final Clock clock;

    AsOfPages(PageQueries pageQueries, AccessRules rules, AgencyDirectory agencies, PageModel page, AccessLog accessLog,
              Clock clock) {
        this.pageQueries = pageQueries;
        this.rules = rules;
        this.agencies = agencies;
        this.page = page;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @GetMapping("/cases/{caseId}/as-of")
    Mono<String> asOf(@PathVariable String caseId, @RequestParam(name = "at", required = false) String at,
                      @RequestParam(name = "basis", required = false) String basis, Model model) {
        TimeBasis chosen = basis(basis);
        model.addAttribute("caseId", caseId);
        model.addAttribute("basis", chosen.name());
        model.addAttribute("bases", TimeBasis.values());
        model.addAttribute("agencyNames", agencies.all().stream()
                .collect(Collectors.toMap(Agency::id, Agency::name, (a, b) -> a)));
        model.addAttribute("zone", AGENCY_ZONE);
        LocalDateTime now = LocalDateTime.now(clock.withZone(AGENCY_ZONE)).truncatedTo(ChronoUnit.MINUTES);
        return page.signedIn(model).flatMap(officer -> {
            if (at == null || at.isBlank()) {
                model.addAttribute("at", now.toString());
                return form(caseId, officer, model);
            }
            model.addAttribute("at", at.strip());
            LocalDateTime local;
            try {
                local = LocalDateTime.parse(at.strip());
            } catch (DateTimeParseException e) {
                model.addAttribute("atError", "asof.at.invalid");
                return form(caseId, officer, model);
            }
            Instant moment = local.atZone(AGENCY_ZONE).toInstant();
            if (moment.isAfter(clock.instant())) {
                model.addAttribute("atError", "asof.at.future");
                return form(caseId, officer, model);
            }
            return pageQueries.query(new FindCaseAsOfQuery(caseId, moment, chosen), CaseAsOfView.class)
                    .filter(view -> rules.mayRevealPersonalDataOf(officer, view.currentAgencyId()))
                    .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)))
                    .publishOn(Schedulers.boundedElastic())
                    .map(view -> {
                        // Logged before the page shows the past state, like a reveal.
                        accessLog.record(officer.officerId(), officer.agencyId(), AccessAction.CASE_VIEWED, caseId,
                                "as of " + moment + " " + chosen, null);
                        model.addAttribute("view", view);
                        CaseView then = view.caseThen();
                        model.addAttribute("then", then);
                        model.addAttribute("person", MaskedPerson.of(then == null ? null : then.person()));
                        List<HistoryEntry> newestFirst = new ArrayList<>(view.history());
                        Collections.reverse(newestFirst);
                        model.addAttribute("entries", newestFirst);
                        model.addAttribute("learnedLater", view.learnedLater());
                        model.addAttribute("differences", view.differences());
                        return "cases/as-of";
                    });
        });
    }

    /** Only the form: the case must exist and be the officer's to see, or it is not found. */
    private Mono<String> form(String caseId, Officer officer, Model model) {
        return pageQueries.query(new FindCaseQuery(caseId), CaseView.class)
                .filter(view -> rules.mayRevealPersonalDataOf(officer, view.agencyId()))
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .map(view -> "cases/as-of");
    }

    private static TimeBasis basis(String basis) {
        if (basis == null || basis.isBlank()) {
            return TimeBasis.RECORDED;
        }
        try {
            return TimeBasis.valueOf(basis.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
    }
}
