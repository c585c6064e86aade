package cn.pes.casework.web;

import cn.pes.casework.security.Role;
import cn.pes.casework.security.audit.AccessAction;
import cn.pes.casework.security.audit.AccessLog;
import cn.pes.casework.security.audit.AccessLogEntry;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The access log (访问日志) for auditors: sign-ins, lockouts, reveals of personal data, erasures —
 * who, when, what — filtered by officer, action, target and days in the agencies' time zone. The
 * same log as {@code GET /api/audit/access-log}; it names cases and accounts, never personal data.
 */
@Controller
class AccessLogPages {

    private static final int SHOWN = 200;

    private final AccessLog accessLog;
    private final PageModel page;

    AccessLogPages(AccessLog accessLog, PageModel page) {
        this.accessLog = accessLog;
        this.page = page;
    }

    @GetMapping("/audit/access-log")
    Mono<String> search(@RequestParam(name = "officerId", required = false) String officerId,
                        @RequestParam(name = "action", required = false) String action,
                        @RequestParam(name = "target", required = false) String target,
                        @RequestParam(name = "from", required = false) String from,
                        @RequestParam(name = "to", required = false) String to,
                        Model model) {
        return page.signedIn(model).flatMap(officer -> {
            // The route table asks for AUDITOR already; this holds should the route ever be opened by mistake.
            if (!officer.has(Role.AUDITOR)) {
                return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
            }
            Map<String, String> errors = new LinkedHashMap<>();
            AccessAction actionCriterion = action(action, errors);
            LocalDate fromDay = day("from", from, errors);
            LocalDate toDay = day("to", to, errors);
            if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
                errors.put("to", "error.INVALID_VALUE");
            }
            model.addAttribute("actions", AccessAction.values());
            model.addAttribute("form", criteria(officerId, action, target, from, to));
            model.addAttribute("errors", errors);
            if (!errors.isEmpty()) {
                model.addAttribute("entries", List.of());
                return Mono.just("audit/access-log");
            }
            Instant fromInstant = fromDay == null ? null : fromDay.atStartOfDay(PageQueries.AGENCY_ZONE).toInstant();
            // "To" is the last day shown, whole.
            Instant toInstant = toDay == null ? null : toDay.plusDays(1).atStartOfDay(PageQueries.AGENCY_ZONE).toInstant();
            return Mono.fromCallable(() -> accessLog.search(blankToNull(officerId), actionCriterion,
                            blankToNull(target), fromInstant, toInstant, SHOWN))
                    .subscribeOn(Schedulers.boundedElastic())
                    .map(entries -> {
                        model.addAttribute("entries", entries.stream().map(Line::of).toList());
                        model.addAttribute("limited", entries.size() == SHOWN);
                        return "audit/access-log";
                    });
        });
    }

    private static Map<String, String> criteria(String officerId, String action, String target, String from, String to) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("officerId", officerId == null ? "" : officerId);
        form.put("action", action == null ? "" : action);
        form.put("target", target == null ? "" : target);
        form.put("from", from == null ? "" : from);
        form.put("to", to == null ? "" : to);
        return form;
    }

    private static AccessAction action(String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(AccessAction.values()).filter(a -> a.name().equals(value)).findFirst().orElseGet(() -> {
            errors.put("action", "error.INVALID_VALUE");
            return null;
        });
    }

    private static LocalDate day(String field, String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "error.INVALID_VALUE");
            return null;
        }
    }

    private static String blankToNull(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        // The log's columns are at most 100 characters: a longer criterion matches nothing.
        return stripped.length() > 100 ? stripped.substring(0, 100) : stripped;
    }

    /** An entry as the page shows it: the time in the agencies' zone. */
    record Line(String occurredAt, String officerId, String agencyId, AccessAction action, String target,
                String detail) {

        static Line of(AccessLogEntry entry) {
            return new Line(entry.occurredAt().atZone(PageQueries.AGENCY_ZONE).toLocalDateTime().withNano(0).toString()
                    .replace('T', ' '), entry.officerId(), entry.agencyId(), entry.action(), entry.target(),
                    entry.detail());
        }
    }
}
