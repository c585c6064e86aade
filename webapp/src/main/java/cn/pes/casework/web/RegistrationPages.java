package cn.pes.casework.web;

import cn.pes.casework.events.registration.EligibilityDeclaration;
import cn.pes.casework.events.registration.PresentedDocument;
import cn.pes.casework.events.registration.RegisterUnemploymentCommand;
import cn.pes.casework.events.registration.RegistrationOutcome;
import cn.pes.casework.events.registration.UnemploymentReason;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.PersonCategory;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.events.shared.RefusalReason;
import cn.pes.casework.events.shared.TimeOrderedId;
import cn.pes.casework.security.Officer;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
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
import java.util.stream.Collectors;

/**
 * Unemployment registration at the window (窗口失业登记, REG-1..REG-7): the same command as the API,
 * by the signed-in officer for their agency. A refusal shows every failed condition next to the
 * field it concerns — and is recorded in the person's case, as the API's is.
 */
@Controller
class RegistrationPages {

    private static final ZoneId AGENCY_ZONE = ZoneId.of("Asia/Shanghai");

    private final PageCommands commands;
    private final PageModel page;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    RegistrationPages(PageCommands commands, PageModel page, Clock clock) {
        this.commands = commands;
        this.page = page;
        this.clock = clock;
    }

    @GetMapping("/registrations/new")
    Mono<String> form(Model model) {
        return page.signedIn(model).map(officer -> {
            options(model);
            model.addAttribute("form", Map.of());
            model.addAttribute("errors", Map.of());
            return "registrations/form";
        });
    }

    @PostMapping(value = "/registrations/new", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> register(ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> page.signedIn(model).flatMap(officer -> {
            options(model);
            model.addAttribute("form", form.toSingleValueMap());
            model.addAttribute("selectedCategories", form.getOrDefault("categories", List.of()));
            Map<String, String> errors = new LinkedHashMap<>();
            RegisterUnemploymentCommand command = command(form, officer, errors);
            if (!errors.isEmpty()) {
                model.addAttribute("errors", errors);
                return Mono.just("registrations/form");
            }
            return commands.<RegistrationOutcome>send(command, officer, Channel.WINDOW)
                    .map(outcome -> {
                        if (outcome.status() == RegistrationOutcome.Status.REFUSED) {
                            model.addAttribute("errors", byField(outcome.reasons()));
                            model.addAttribute("refused", true);
                            return "registrations/form";
                        }
                        model.addAttribute("outcome", outcome);
                        return "registrations/done";
                    })
                    .onErrorResume(PageCommands.Refused.class, refused -> {
                        model.addAttribute("errors", Map.of(field(refused.violation().field()),
                                message(refused.violation().code())));
                        return Mono.just("registrations/form");
                    });
        }));
    }

    /** Builds the command, or names the fields a person at the window must still fill in. */
    private RegisterUnemploymentCommand command(MultiValueMap<String, String> form, Officer officer,
                                                Map<String, String> errors) {
        String idNumber = text(form, "idNumber", 18, errors);
        String name = text(form, "name", 50, errors);
        String phone = form.getFirst("phone") == null || form.getFirst("phone").isBlank() ? null
                : form.getFirst("phone").strip();
        if (phone != null && !phone.matches("[0-9+\\- ]{5,20}")) {
            errors.put("phone", "error.INVALID_VALUE");
        }
        PresentedDocument document = choice(form, "presentedDocument", PresentedDocument.class, errors, false);
        UnemploymentReason reason = choice(form, "reason", UnemploymentReason.class, errors, true);
        Set<PersonCategory> categories = EnumSet.noneOf(PersonCategory.class);
        for (String category : form.getOrDefault("categories", List.of())) {
            Arrays.stream(PersonCategory.values()).filter(c -> c.name().equals(category)).forEach(categories::add);
        }
        EligibilityDeclaration declaration = new EligibilityDeclaration(yes(form, "receivingPension"),
                yes(form, "employed"), yes(form, "ableToWork"), yes(form, "wantsWork"));
        if (!errors.isEmpty()) {
            return null;
        }
        return new RegisterUnemploymentCommand(TimeOrderedId.next(clock.millis(), random),
                new PersonalData(idNumber, name, phone), LocalDate.now(clock.withZone(AGENCY_ZONE)), Channel.WINDOW,
                document, declaration, reason, categories, officer.agencyId());
    }

    private static Map<String, String> byField(List<RefusalReason> reasons) {
        return reasons.stream().collect(Collectors.toMap(reason -> field(reason.field()),
                reason -> "refusal." + reason.code(), (first, second) -> first, LinkedHashMap::new));
    }

    /** A message for a rule's code; the many ways an ID number can be malformed read as one. */
    private static String message(String code) {
        if (code.startsWith("ID_NUMBER_")) {
            return "error.ID_NUMBER";
        }
        return switch (code) {
            case "ALREADY_REGISTERED", "APPLICATION_PENDING", "PERSONAL_DATA_ERASED" -> "error." + code;
            default -> "error.INVALID_VALUE";
        };
    }

    /** The form's field for a rule's field path ({@code person.idNumber} → {@code idNumber}). */
    private static String field(String path) {
        if (path == null) {
            return "form";
        }
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static String text(MultiValueMap<String, String> form, String field, int max, Map<String, String> errors) {
        String value = form.getFirst(field) == null ? "" : form.getFirst(field).strip();
        if (value.isEmpty()) {
            errors.put(field, "error.MISSING");
        } else if (value.length() > max) {
            errors.put(field, "error.TOO_LONG");
        }
        return value;
    }

    private static <E extends Enum<E>> E choice(MultiValueMap<String, String> form, String field, Class<E> type,
                                                Map<String, String> errors, boolean required) {
        String value = form.getFirst(field);
        if (value == null || value.isBlank()) {
            if (required) {
                errors.put(field, "error.MISSING");
            }
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(value)).findFirst()
                .orElseGet(() -> {
                    errors.put(field, "error.INVALID_VALUE");
                    return null;
                });
    }

    private static boolean yes(MultiValueMap<String, String> form, String field) {
        return "true".equals(form.getFirst(field));
    }

    private static void options(Model model) {
        model.addAttribute("documents", PresentedDocument.values());
        model.addAttribute("reasons", UnemploymentReason.values());
        model.addAttribute("categories", PersonCategory.values());
    }
}
