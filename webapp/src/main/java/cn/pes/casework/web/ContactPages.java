package cn.pes.casework.web;

import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.cancellation.Evidence;
import cn.pes.casework.events.employment.EmploymentDetails;
import cn.pes.casework.events.employment.EmploymentType;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.TimeOrderedId;
import cn.pes.casework.events.tracking.ContactMethod;
import cn.pes.casework.events.tracking.EmploymentStatus;
import cn.pes.casework.events.tracking.RecordTrackingContactCommand;
import cn.pes.casework.events.tracking.ServiceGiven;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A monthly tracking contact (跟踪调查, TRK-1..TRK-3) recorded from the case page: the same command
 * as the API. A contact that finds the person in work needs the employment, and ends the
 * registration. A contact may propose a cancellation (CAN-1) with what it rests on (CAN-2): it is
 * recorded, not applied — an officer confirms it later with the cancellation page (CAN-3). The case's
 * own rules answer at the field; outside the officer's scope the case answers as unknown.
 */
@Controller
class ContactPages {

    private static final ZoneId AGENCY_ZONE = ZoneId.of("Asia/Shanghai");

    private final PageCommands commands;
    private final PageModel page;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ContactPages(PageCommands commands, PageModel page, Clock clock) {
        this.commands = commands;
        this.page = page;
        this.clock = clock;
    }

    @GetMapping("/cases/{caseId}/contacts/new")
    Mono<String> form(@PathVariable String caseId, Model model) {
        return page.signedIn(model).map(officer -> {
            options(model, caseId);
            model.addAttribute("form", Map.of("contactDate", today().toString()));
            model.addAttribute("errors", Map.of());
            return "contacts/form";
        });
    }

    @PostMapping(value = "/cases/{caseId}/contacts/new", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> record(@PathVariable String caseId, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> page.signedIn(model).flatMap(officer -> {
            options(model, caseId);
            model.addAttribute("form", form.toSingleValueMap());
            model.addAttribute("selectedServices", form.getOrDefault("servicesGiven", List.of()));
            Map<String, String> errors = new LinkedHashMap<>();
            RecordTrackingContactCommand command = command(caseId, form, errors);
            if (!errors.isEmpty()) {
                model.addAttribute("errors", errors);
                return Mono.just("contacts/form");
            }
            return commands.<Object>send(command, officer, Channel.BACK_OFFICE)
                    .thenReturn("redirect:/cases/" + caseId)
                    .onErrorResume(PageCommands.Refused.class, refused -> {
                        model.addAttribute("errors", Map.of(field(refused.violation().field()),
                                message(refused.violation().code())));
                        return Mono.just("contacts/form");
                    });
        }));
    }

    private RecordTrackingContactCommand command(String caseId, MultiValueMap<String, String> form,
                                                 Map<String, String> errors) {
        LocalDate contactDate = FormFields.date(form.getFirst("contactDate"), "contactDate", errors, true);
        ContactMethod method = FormFields.choice(form.getFirst("method"), ContactMethod.class, "method", errors);
        boolean reached = "true".equals(form.getFirst("reached"));
        EmploymentStatus status = form.getFirst("statusFound") == null || form.getFirst("statusFound").isBlank()
                ? null : FormFields.choice(form.getFirst("statusFound"), EmploymentStatus.class, "statusFound", errors);
        Set<ServiceGiven> services = EnumSet.noneOf(ServiceGiven.class);
        for (String service : form.getOrDefault("servicesGiven", List.of())) {
            Arrays.stream(ServiceGiven.values()).filter(s -> s.name().equals(service)).forEach(services::add);
        }
        EmploymentDetails employment = null;
        if (status != null && status.isInWork()) {
            employment = new EmploymentDetails(EmploymentType.valueOf(status.name()), FormFields.text(form.getFirst("employer")),
                    FormFields.date(form.getFirst("startDate"), "startDate", errors, false));
        }
        CancellationGround proposedGround = FormFields.text(form.getFirst("proposedGround")) == null ? null
                : FormFields.choice(form.getFirst("proposedGround"), CancellationGround.class, "proposedGround", errors);
        Evidence proposalEvidence = null;
        if (proposedGround != null) {
            String source = FormFields.text(form.getFirst("proposalEvidenceSource"));
            proposalEvidence = new Evidence(source == null ? null
                    : FormFields.choice(source, Evidence.EvidenceSource.class, "proposalEvidenceSource", errors),
                    FormFields.text(form.getFirst("proposalEvidenceReference")),
                    FormFields.text(form.getFirst("proposalEvidenceDescription")));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new RecordTrackingContactCommand(caseId, TimeOrderedId.next(clock.millis(), random), contactDate, method,
                FormFields.text(form.getFirst("dataMatchSource")), reached, status, services,
                FormFields.text(form.getFirst("nextStep")), employment, proposedGround, proposalEvidence, today());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(AGENCY_ZONE));
    }

    private static final Set<String> EXPLAINED = Set.of("NO_ACTIVE_REGISTRATION", "DATA_MATCH_SOURCE_MISSING",
            "STATUS_FOUND_MISSING", "STATUS_WITHOUT_CONTACT", "EMPLOYMENT_MISSING", "DATE_BEFORE_REGISTRATION",
            "DATE_IN_FUTURE", "DATE_MISSING", "TOO_LONG", "EVIDENCE_MISSING");

    private static String message(String code) {
        return EXPLAINED.contains(code) ? "contact." + code : "error.INVALID_VALUE";
    }

    /** The form's field for a rule's field path ({@code employment.startDate} → {@code startDate}). */
    private static String field(String path) {
        if (path == null) {
            return "form";
        }
        return switch (path) {
            case "employment", "employment.employer" -> "employer";
            case "proposalEvidence" -> "proposalEvidenceSource";
            case "proposalEvidence.reference" -> "proposalEvidenceReference";
            case "proposalEvidence.description" -> "proposalEvidenceDescription";
            default -> path.substring(path.lastIndexOf('.') + 1);
        };
    }


    private static void options(Model model, String caseId) {
        model.addAttribute("caseId", caseId);
        model.addAttribute("methods", ContactMethod.values());
        model.addAttribute("statuses", EmploymentStatus.values());
        model.addAttribute("services", ServiceGiven.values());
        model.addAttribute("grounds", CancellationGround.values());
        model.addAttribute("sources", Evidence.EvidenceSource.values());
    }
}
