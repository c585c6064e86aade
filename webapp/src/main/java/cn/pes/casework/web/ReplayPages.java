package cn.pes.casework.web;

import cn.pes.casework.events.replay.CancelReplayCommand;
import cn.pes.casework.events.replay.DeleteReplayCommand;
import cn.pes.casework.events.replay.FindReplayQuery;
import cn.pes.casework.events.replay.FindReplayedLedgerQuery;
import cn.pes.casework.events.replay.FindReplaysQuery;
import cn.pes.casework.events.replay.ReplayView;
import cn.pes.casework.events.replay.ReplayedLedgerView;
import cn.pes.casework.events.replay.ReplaysView;
import cn.pes.casework.events.replay.StartReplayCommand;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.security.AccessRules;
import cn.pes.casework.security.Officer;
import cn.pes.casework.security.Role;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Data replays (数据重放): the replays with their progress (the page polls {@code /replays/progress}
 * while one runs), a form to start one into any projection, optionally up to a cut-off, a replay's
 * result compared with the live view, and — for auditors — the tracking ledger a replay of the ledger
 * built, i.e. the ledger as the platform knew it at the cut-off. For analysts, administrators and
 * auditors; the replayed ledger lists people, so only auditors, and only agencies they may list.
 */
@Controller
class ReplayPages {

    private final PageQueries pageQueries;
    private final PageCommands commands;
    private final PageModel page;
    private final AccessRules rules;
    private final AgencyDirectory agencies;

    ReplayPages(PageQueries pageQueries, PageCommands commands, PageModel page, AccessRules rules,
                AgencyDirectory agencies) {
        this.pageQueries = pageQueries;
        this.commands = commands;
        this.page = page;
        this.rules = rules;
        this.agencies = agencies;
    }

    @GetMapping("/replays")
    Mono<String> replays(Model model) {
        return page.signedIn(model).flatMap(officer -> list(officer, model, Map.of(), Map.of()));
    }

    private Mono<String> list(Officer officer, Model model, Map<String, String> form, Map<String, String> errors) {
        return pageQueries.query(new FindReplaysQuery(50), ReplaysView.class).map(view -> {
            model.addAttribute("replays", view.replays());
            model.addAttribute("targets", view.targets());
            model.addAttribute("form", form);
            model.addAttribute("errors", errors);
            model.addAttribute("auditor", officer.has(Role.AUDITOR));
            model.addAttribute("zone", PageQueries.AGENCY_ZONE);
            return "replays/replays";
        });
    }

    /** The progress of every listed replay, for the page's script. */
    @GetMapping(value = "/replays/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Mono<ReplaysView> progress() {
        return Officer.current().switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED)))
                .flatMap(officer -> pageQueries.query(new FindReplaysQuery(50), ReplaysView.class));
    }

    @PostMapping(value = "/replays", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> start(ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> page.signedIn(model).flatMap(officer -> {
            String target = FormFields.text(form.getFirst("target"));
            String cutOff = FormFields.text(form.getFirst("recordedUpTo"));
            Map<String, String> values = form.toSingleValueMap();
            if (target == null) {
                return list(officer, model, values, Map.of("target", "error.MISSING"));
            }
            Instant recordedUpTo;
            try {
                recordedUpTo = cutOff == null ? null
                        : LocalDateTime.parse(cutOff).atZone(PageQueries.AGENCY_ZONE).toInstant();
            } catch (DateTimeParseException e) {
                return list(officer, model, values, Map.of("recordedUpTo", "error.INVALID_VALUE"));
            }
            String replayId = UUID.randomUUID().toString();
            return commands.send(new StartReplayCommand(replayId, target, recordedUpTo), officer, Channel.BACK_OFFICE)
                    .thenReturn("redirect:/replays/" + replayId)
                    .onErrorResume(PageCommands.Refused.class, refused -> list(officer, model, values,
                            Map.of(refused.violation().field() == null ? "form" : refused.violation().field(),
                                    "replay.error." + refused.violation().code())));
        }));
    }

    @GetMapping("/replays/{replayId}")
    Mono<String> replay(@PathVariable String replayId, Model model) {
        return page.signedIn(model).flatMap(officer -> pageQueries.query(new FindReplayQuery(replayId), ReplayView.class)
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .map(view -> {
                    model.addAttribute("replay", view);
                    model.addAttribute("auditor", officer.has(Role.AUDITOR));
                    model.addAttribute("agencies", listable(officer));
                    model.addAttribute("zone", PageQueries.AGENCY_ZONE);
                    return "replays/replay";
                }));
    }

    @PostMapping("/replays/{replayId}/cancel")
    Mono<String> cancel(@PathVariable String replayId, Model model) {
        return page.signedIn(model).flatMap(officer -> commands.send(new CancelReplayCommand(replayId), officer,
                        Channel.BACK_OFFICE)
                .thenReturn("redirect:/replays/" + replayId)
                .onErrorResume(PageCommands.Refused.class, refused -> Mono.just("redirect:/replays/" + replayId)));
    }

    @PostMapping("/replays/{replayId}/delete")
    Mono<String> delete(@PathVariable String replayId, Model model) {
        return page.signedIn(model).flatMap(officer -> commands.send(new DeleteReplayCommand(replayId), officer,
                        Channel.BACK_OFFICE)
                .thenReturn("redirect:/replays")
                .onErrorResume(PageCommands.Refused.class, refused -> Mono.just("redirect:/replays/" + replayId)));
    }

    /** The ledger of an agency and those below it as the replay built it (people masked). */
    @GetMapping("/replays/{replayId}/ledger")
    Mono<String> ledger(@PathVariable String replayId, @RequestParam(name = "agency", required = false) String agency,
                        @RequestParam(name = "month", required = false) String month, Model model) {
        return page.signedIn(model).flatMap(officer -> {
            String agencyId = agency == null || agency.isBlank() ? officer.agencyId() : agency;
            if (!rules.mayListPeopleOf(officer, agencyId)) {
                return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
            }
            YearMonth yearMonth = pageQueries.month(month);
            List<String> agencyIds = agencies.coveredBy(agencyId).stream().map(Agency::id).toList();
            return pageQueries.query(new FindReplayedLedgerQuery(replayId, agencyIds, yearMonth), ReplayedLedgerView.class)
                    .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)))
                    .map(view -> {
                        model.addAttribute("ledger", view);
                        model.addAttribute("asOf", LocalDateTime.ofInstant(view.asOf(), PageQueries.AGENCY_ZONE));
                        model.addAttribute("rows", view.rows().stream().map(LedgerPages.LedgerLine::of).toList());
                        model.addAttribute("agencyId", agencyId);
                        model.addAttribute("agencies", listable(officer));
                        return "replays/ledger";
                    });
        });
    }

    private List<Agency> listable(Officer officer) {
        return officer.has(Role.AUDITOR) ? agencies.all() : agencies.coveredBy(officer.agencyId());
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class ReplayNavigation {

        @Bean
        PageLink replaysLink() {
            return new PageLink(NavigationSection.STATISTICS, 30, "nav.replays", "/replays",
                    officer -> officer.has(Role.ANALYST) || officer.has(Role.ADMINISTRATOR) || officer.has(Role.AUDITOR));
        }
    }
}
