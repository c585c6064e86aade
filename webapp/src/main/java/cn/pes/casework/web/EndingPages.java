package cn.pes.casework.web;

import cn.pes.casework.events.cancellation.CancelRegistrationCommand;
import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.cancellation.Evidence;
import cn.pes.casework.events.cancellation.Notification;
import cn.pes.casework.events.employment.EmploymentDetails;
import cn.pes.casework.events.employment.EmploymentType;
import cn.pes.casework.events.employment.RecordEmploymentCommand;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.RuleViolation;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The end of a registration from the case page: back in work (就业登记, with evidence) or a
 * cancellation on a CAN-1 ground with evidence and notification of the person (CAN-2). The same
 * commands as the API; the case's rules answer at their fields.
 */
@Controller
class EndingPages {

    private static final ZoneId AGENCY_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Set<String> EXPLAINED = Set.of("NO_ACTIVE_REGISTRATION", "EMPLOYMENT_MISSING",
            "EVIDENCE_MISSING", "GROUND_MISSING", "NOTIFICATION_MISSING", "DATE_BEFORE_REGISTRATION", "DATE_IN_FUTURE",
            "DATE_MISSING", "TOO_LONG");

    private final PageCommands commands;
    private final PageModel page;
    private final Clock clock;

    EndingPages(PageCommands commands, PageModel page, Clock clock) {
        this.commands = commands;
        this.page = page;
        this.clock = clock;
    }

    @GetMapping("/cases/{caseId}/{ending:employment|cancellation}/new")
    Mono<String> form(@PathVariable String caseId, @PathVariable String ending, Model model) {
        return page.signedIn(model).map(officer -> {
            options(model, caseId, ending);
            model.addAttribute("form", Map.of());
            model.addAttribute("errors", Map.of());
            return "endings/form";
        });
    }

    @PostMapping(value = "/cases/{caseId}/{ending:employment|cancellation}/new",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> record(@PathVariable String caseId, @PathVariable String ending, ServerWebExchange exchange,
                        Model model) {
        return exchange.getFormData().flatMap(form -> page.signedIn(model).flatMap(officer -> {
            options(model, caseId, ending);
            model.addAttribute("form", form.toSingleValueMap());
            Map<String, String> errors = new LinkedHashMap<>();
            LocalDate today = LocalDate.now(clock.withZone(AGENCY_ZONE));
            Evidence evidence = new Evidence(choice(form, "evidenceSource", Evidence.EvidenceSource.class, errors),
                    text(form, "evidenceReference"), text(form, "evidenceDescription"));
            Object command = "employment".equals(ending)
                    ? new RecordEmploymentCommand(caseId, new EmploymentDetails(
                            choice(form, "type", EmploymentType.class, errors), text(form, "employer"),
                            date(form, "startDate", errors)), evidence, today)
                    : new CancelRegistrationCommand(caseId, choice(form, "ground", CancellationGround.class, errors),
                            evidence, date(form, "effectiveDate", errors),
                            new Notification(choice(form, "notificationMethod", Notification.NotificationMethod.class,
                                    errors), date(form, "notifiedOn", errors)), today);
            if (!errors.isEmpty()) {
                model.addAttribute("errors", errors);
                return Mono.just("endings/form");
            }
            return commands.<Object>send(command, officer, Channel.BACK_OFFICE)
                    .thenReturn("redirect:/cases/" + caseId)
                    .onErrorResume(PageCommands.Refused.class, refused -> {
                        RuleViolation violation = refused.violation();
                        model.addAttribute("errors", Map.of(field(violation.field()),
                                EXPLAINED.contains(violation.code()) ? "contact." + violation.code()
                                        : "error.INVALID_VALUE"));
                        return Mono.just("endings/form");
                    });
        }));
    }

    /** The form's field for a rule's field path. */
    private static String field(String path) {
        if (path == null) {
            return "form";
        }
        return switch (path) {
            case "employment", "employment.employer" -> "employer";
            case "employment.startDate" -> "startDate";
            case "evidence" -> "evidenceSource";
            case "evidence.reference" -> "evidenceReference";
            case "evidence.description" -> "evidenceDescription";
            case "notification" -> "notificationMethod";
            case "notification.notifiedOn" -> "notifiedOn";
            default -> path;
        };
    }

    private static String text(MultiValueMap<String, String> form, String field) {
        String value = form.getFirst(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static LocalDate date(MultiValueMap<String, String> form, String field, Map<String, String> errors) {
        String value = text(form, field);
        if (value == null) {
            errors.put(field, "error.MISSING");
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.put(field, "error.INVALID_VALUE");
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(MultiValueMap<String, String> form, String field, Class<E> type,
                                                Map<String, String> errors) {
        String value = text(form, field);
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(value)).findFirst()
                .orElseGet(() -> {
                    errors.put(field, value == null ? "error.MISSING" : "error.INVALID_VALUE");
                    return null;
                });
    }

    private static void options(Model model, String caseId, String ending) {
        model.addAttribute("caseId", caseId);
        model.addAttribute("ending", ending);
        model.addAttribute("types", EmploymentType.values());
        model.addAttribute("grounds", CancellationGround.values());
        model.addAttribute("sources", Evidence.EvidenceSource.values());
        model.addAttribute("notifications", Notification.NotificationMethod.values());
    }
}
