package cn.pes.casework.web;

import cn.pes.casework.events.audit.FindAgencyActionsQuery;
import cn.pes.casework.events.audit.FindCorrelatedActionsQuery;
import cn.pes.casework.events.audit.FindOfficerActionsQuery;
import cn.pes.casework.events.audit.RecordedAction;
import cn.pes.casework.events.audit.RecordedActionsView;
import cn.pes.casework.security.Role;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who did what (操作查询) for auditors: an officer's (or an agency's) recorded actions over a period of
 * days, or every action of one request by its correlation ID — when, what in words, which record,
 * where and through which channel. The same answers as {@code GET /api/audit/actions}: identifiers and
 * event types, never personal data.
 */
@Controller
class ActionsPages {

    private static final int MAX_TEXT = 100;

    private final PageQueries pageQueries;
    private final PageModel page;
    private final AgencyDirectory agencies;
    private final Clock clock;

    ActionsPages(PageQueries pageQueries, PageModel page, AgencyDirectory agencies, Clock clock) {
        this.pageQueries = pageQueries;
        this.page = page;
        this.agencies = agencies;
        this.clock = clock;
    }

    @GetMapping("/audit/actions")
    Mono<String> actions(@RequestParam(name = "officer", required = false) String officer,
                         @RequestParam(name = "agency", required = false) String agency,
                         @RequestParam(name = "correlation", required = false) String correlation,
                         @RequestParam(name = "from", required = false) String from,
                         @RequestParam(name = "to", required = false) String to,
                         Model model) {
        return page.signedIn(model).flatMap(signedIn -> {
            // The route table asks for AUDITOR already; this holds should the route ever be opened by mistake.
            if (!signedIn.has(Role.AUDITOR)) {
                return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
            }
            Map<String, String> errors = new LinkedHashMap<>();
            String officerId = text("officer", officer, errors);
            String agencyId = text("agency", agency, errors);
            String correlationId = text("correlation", correlation, errors);
            LocalDate today = LocalDate.now(clock.withZone(PageQueries.AGENCY_ZONE));
            LocalDate fromDay = day("from", from, today, errors);
            LocalDate toDay = day("to", to, today, errors);
            if (fromDay != null && toDay != null && (toDay.isBefore(fromDay)
                    || ChronoUnit.DAYS.between(fromDay, toDay) >= FindOfficerActionsQuery.MAX_DAYS)) {
                errors.put("to", "audit.actions.period");
            }
            model.addAttribute("form", form(officer, agency, correlation, fromDay, toDay, from, to));
            model.addAttribute("errors", errors);
            model.addAttribute("actions", List.of());
            Object query = correlationId != null ? new FindCorrelatedActionsQuery(correlationId)
                    : officerId != null ? new FindOfficerActionsQuery(officerId, fromDay, toDay)
                    : agencyId != null ? new FindAgencyActionsQuery(agencyId, fromDay, toDay) : null;
            if (query == null || !errors.isEmpty()) {
                return Mono.just("audit/actions");
            }
            model.addAttribute("searched", true);
            model.addAttribute("byCorrelation", correlationId);
            return pageQueries.query(query, RecordedActionsView.class)
                    .defaultIfEmpty(new RecordedActionsView(List.of(), false))
                    .map(view -> {
                        model.addAttribute("actions", view.actions().stream().map(this::line).toList());
                        model.addAttribute("limited", view.limited());
                        return "audit/actions";
                    });
        });
    }

    private Line line(RecordedAction action) {
        return new Line(action.recordedAt() == null ? "" : action.recordedAt().atZone(PageQueries.AGENCY_ZONE)
                .toLocalDateTime().withNano(0).toString().replace('T', ' '),
                action.eventType(), action.label(), action.aggregateType(), action.aggregateId(),
                link(action.aggregateType(), action.aggregateId()), action.sequence(), action.officerId(),
                action.agencyId() == null ? null
                        : agencies.find(action.agencyId()).map(Agency::name).orElse(action.agencyId()),
                action.channel(), action.correlationId());
    }

    /** The page of the record the action changed, where the web app has one. */
    private static String link(String aggregateType, String aggregateId) {
        if (aggregateId == null || aggregateType == null) {
            return null;
        }
        return switch (aggregateType) {
            case "ClientCase" -> "/cases/" + aggregateId;
            case "Employer" -> "/employers/" + aggregateId;
            case "RecruitmentFair" -> "/fairs/" + aggregateId;
            default -> null;
        };
    }

    private static Map<String, String> form(String officer, String agency, String correlation, LocalDate fromDay,
                                            LocalDate toDay, String from, String to) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("officer", officer == null ? "" : officer.strip());
        form.put("agency", agency == null ? "" : agency.strip());
        form.put("correlation", correlation == null ? "" : correlation.strip());
        form.put("from", fromDay != null ? fromDay.toString() : from == null ? "" : from);
        form.put("to", toDay != null ? toDay.toString() : to == null ? "" : to);
        return form;
    }

    private static String text(String field, String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > MAX_TEXT) {
            errors.put(field, "error.TOO_LONG");
            return null;
        }
        return stripped;
    }

    /** A day as the date field sends it; none given is today. */
    private static LocalDate day(String field, String value, LocalDate today, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return today;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "error.INVALID_VALUE");
            return null;
        }
    }

    /**
     * An action as the page shows it: time in the agencies' zone, the agency by name.
     *
     * @param link the record's page, or null when the web app has none for its type
     */
    record Line(String recordedAt, String eventType, String label, String aggregateType, String aggregateId,
                String link, long sequence, String officerId, String agency, String channel, String correlationId) {
    }

    @Configuration(proxyBeanMethods = false)
    static class Links {

        @Bean
        PageLink actionsLink() {
            return new PageLink(NavigationSection.AUDIT, 20, "nav.actions", "/audit/actions",
                    officer -> officer.has(Role.AUDITOR));
        }
    }
}
