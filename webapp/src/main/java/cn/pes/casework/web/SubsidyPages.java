package cn.pes.casework.web;

import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.PersonCategory;
import cn.pes.casework.events.shared.RefusalReason;
import cn.pes.casework.events.shared.TimeOrderedId;
import cn.pes.casework.events.subsidy.ApplicationPlace;
import cn.pes.casework.events.subsidy.ApproveSubsidyCommand;
import cn.pes.casework.events.subsidy.BeginSubsidyReviewCommand;
import cn.pes.casework.events.subsidy.Certificate;
import cn.pes.casework.events.subsidy.CertificateLevel;
import cn.pes.casework.events.subsidy.FindMissedSubsidyDeadlinesQuery;
import cn.pes.casework.events.subsidy.FindSubsidyPipelineQuery;
import cn.pes.casework.events.subsidy.LivingAllowanceClaim;
import cn.pes.casework.events.subsidy.MissedSubsidyDeadlinesView;
import cn.pes.casework.events.subsidy.RaiseSubsidyObjectionCommand;
import cn.pes.casework.events.subsidy.RecordSubsidyPaymentCommand;
import cn.pes.casework.events.subsidy.RejectSubsidyCommand;
import cn.pes.casework.events.subsidy.ResolveSubsidyObjectionCommand;
import cn.pes.casework.events.subsidy.SubmitCertificateCommand;
import cn.pes.casework.events.subsidy.SubsidyApplicationLine;
import cn.pes.casework.events.subsidy.SubsidyPipelineView;
import cn.pes.casework.events.subsidy.SubsidyStage;
import cn.pes.casework.security.Officer;
import cn.pes.casework.security.Role;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The skills upgrading subsidy (职业技能提升补贴, SUB-1..SUB-7) in the browser: a caseworker records a
 * certificate from the person's case; the department works its pipeline — takes applications up,
 * approves or rejects them, handles objections during publicity, records payments — and sees the
 * deadlines it missed. The same commands and queries as the API; the case's rules answer at the
 * field or above the pipeline.
 */
@Controller
class SubsidyPages {

    private final PageCommands commands;
    private final PageQueries pageQueries;
    private final PageModel page;
    private final AgencyDirectory agencies;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SubsidyPages(PageCommands commands, PageQueries pageQueries, PageModel page, AgencyDirectory agencies, Clock clock) {
        this.commands = commands;
        this.pageQueries = pageQueries;
        this.page = page;
        this.agencies = agencies;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ the certificate, from the case

    @GetMapping("/cases/{caseId}/subsidies/new")
    Mono<String> form(@PathVariable String caseId, Model model) {
        return page.signedIn(model).map(officer -> {
            formOptions(model, caseId, officer);
            Map<String, String> form = new LinkedHashMap<>();
            form.put("receivedOn", today().toString());
            form.put("departmentId", defaultDepartment(officer));
            model.addAttribute("form", form);
            model.addAttribute("selectedGroups", List.of());
            model.addAttribute("errors", Map.of());
            return "subsidies/form";
        });
    }

    @PostMapping(value = "/cases/{caseId}/subsidies/new", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> submit(@PathVariable String caseId, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> page.signedIn(model).flatMap(officer -> {
            formOptions(model, caseId, officer);
            model.addAttribute("form", form.toSingleValueMap());
            model.addAttribute("selectedGroups", form.getOrDefault("groups", List.of()));
            Map<String, String> errors = new LinkedHashMap<>();
            SubmitCertificateCommand command = submitCommand(caseId, form, errors);
            if (!errors.isEmpty()) {
                model.addAttribute("errors", errors);
                return Mono.just("subsidies/form");
            }
            // A refusal is an answer (its CertificateRefused is recorded), a malformed form an exception.
            return commands.<List<RefusalReason>>send(command, officer, Channel.BACK_OFFICE)
                    .defaultIfEmpty(List.of())
                    .map(reasons -> {
                        if (reasons.isEmpty()) {
                            return "redirect:/cases/" + caseId;
                        }
                        model.addAttribute("errors", byField(reasons));
                        return "subsidies/form";
                    })
                    .onErrorResume(PageCommands.Refused.class, refused -> {
                        model.addAttribute("errors", refusals(refused));
                        return Mono.just("subsidies/form");
                    });
        }));
    }

    private SubmitCertificateCommand submitCommand(String caseId, MultiValueMap<String, String> form,
                                                   Map<String, String> errors) {
        String occupation = text(form, "occupation", errors, true);
        CertificateLevel level = FormFields.choice(form.getFirst("level"), CertificateLevel.class, "level", errors);
        String number = text(form, "certificateNumber", errors, true);
        String issuingBody = text(form, "issuingBody", errors, true);
        LocalDate issuedOn = FormFields.date(form.getFirst("issuedOn"), "issuedOn", errors, true);
        ApplicationPlace place = FormFields.choice(form.getFirst("place"), ApplicationPlace.class, "place", errors);
        String departmentId = text(form, "departmentId", errors, true);
        if (departmentId != null && agencies.find(departmentId).isEmpty()) {
            errors.put("departmentId", "error.INVALID_VALUE");
        }
        LocalDate receivedOn = FormFields.date(form.getFirst("receivedOn"), "receivedOn", errors, true);
        Set<PersonCategory> groups = EnumSet.noneOf(PersonCategory.class);
        for (String group : form.getOrDefault("groups", List.of())) {
            Arrays.stream(PersonCategory.values()).filter(c -> c.name().equals(group)).forEach(groups::add);
        }
        LocalDate graduatedOn = FormFields.date(form.getFirst("graduatedOn"), "graduatedOn", errors, false);
        boolean ruralOrLowIncome = "true".equals(form.getFirst("ruralOrLowIncomeFamily"));
        if (!errors.isEmpty()) {
            return null;
        }
        LivingAllowanceClaim claim = groups.isEmpty() ? null
                : new LivingAllowanceClaim(groups, graduatedOn, ruralOrLowIncome);
        return new SubmitCertificateCommand(caseId, TimeOrderedId.next(clock.millis(), random),
                new Certificate(occupation, level, number, issuingBody, issuedOn), place, departmentId, claim,
                receivedOn, today());
    }

    private static Map<String, String> refusals(PageCommands.Refused refused) {
        return byField(refused.violation().reasons().isEmpty()
                ? List.of(new RefusalReason(refused.violation().ruleId(), refused.violation().code(),
                        refused.violation().field()))
                : refused.violation().reasons());
    }

    /** Every failed condition at its field; a condition of the whole application above the form. */
    private static Map<String, String> byField(List<RefusalReason> reasons) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (RefusalReason reason : reasons) {
            errors.merge(formField(reason.field()), "subsidy." + reason.code(), (a, b) -> a);
        }
        return errors;
    }

    private static String formField(String path) {
        if (path == null) {
            return "form";
        }
        String last = path.substring(path.lastIndexOf('.') + 1);
        return switch (last) {
            case "certificate" -> "certificateNumber";
            case "allowanceClaim", "groups" -> "groups";
            default -> last;
        };
    }

    private void formOptions(Model model, String caseId, Officer officer) {
        model.addAttribute("caseId", caseId);
        model.addAttribute("levels", CertificateLevel.values());
        model.addAttribute("places", ApplicationPlace.values());
        model.addAttribute("departments", departments());
        model.addAttribute("groups", List.of(PersonCategory.POVERTY_ALLEVIATED, PersonCategory.EMPLOYMENT_DIFFICULTY,
                PersonCategory.ZERO_EMPLOYMENT_FAMILY, PersonCategory.DISABLED, PersonCategory.LOW_INCOME_FAMILY,
                PersonCategory.TWO_AFTER_STUDENT));
    }

    /** The HR&SS departments that review applications: the counties' and the city's. */
    private List<Agency> departments() {
        return agencies.all().stream().filter(agency -> agency.level() != Agency.Level.STREET).toList();
    }

    /** A street office sends to its county's department; a county or city officer works for its own. */
    private String defaultDepartment(Officer officer) {
        return agencies.find(officer.agencyId())
                .map(agency -> agency.level() == Agency.Level.STREET ? agency.countyId() : agency.id())
                .orElse(officer.agencyId());
    }

    // ------------------------------------------------------------------ the department's pipeline

    @GetMapping("/subsidies")
    Mono<String> pipeline(@RequestParam(name = "department", required = false) String department,
                          @RequestParam(name = "stage", required = false) String stage,
                          @RequestParam(name = "done", required = false) String done,
                          @RequestParam(name = "refused", required = false) String refused,
                          Model model) {
        return page.signedIn(model).flatMap(officer -> {
            String departmentId = department == null || department.isBlank() ? defaultDepartment(officer) : department;
            requireDepartmentInScope(officer, departmentId);
            SubsidyStage stageFilter = stage == null || stage.isBlank() ? null
                    : Arrays.stream(SubsidyStage.values()).filter(s -> s.name().equals(stage)).findFirst()
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
            model.addAttribute("departments", departmentsOf(officer));
            model.addAttribute("departmentId", departmentId);
            model.addAttribute("stages", SubsidyStage.values());
            model.addAttribute("stage", stageFilter);
            model.addAttribute("done", done);
            model.addAttribute("refused", refused);
            model.addAttribute("today", today());
            model.addAttribute("mayDecide", mayDecide(officer, departmentId));
            return pageQueries.query(new FindSubsidyPipelineQuery(departmentId, stageFilter, today()),
                            SubsidyPipelineView.class)
                    .map(view -> {
                        model.addAttribute("applications", view.applications().stream().map(Row::of).toList());
                        return "subsidies/pipeline";
                    });
        });
    }

    @GetMapping("/subsidies/missed")
    Mono<String> missed(@RequestParam(name = "department", required = false) String department, Model model) {
        return page.signedIn(model).flatMap(officer -> {
            String departmentId = department == null || department.isBlank() ? defaultDepartment(officer) : department;
            requireDepartmentInScope(officer, departmentId);
            model.addAttribute("departments", departmentsOf(officer));
            model.addAttribute("departmentId", departmentId);
            return pageQueries.query(new FindMissedSubsidyDeadlinesQuery(List.of(departmentId)),
                            MissedSubsidyDeadlinesView.class)
                    .map(view -> {
                        model.addAttribute("deadlines", view.deadlines());
                        return "subsidies/missed";
                    });
        });
    }

    /** One action on one application, from its row in the pipeline; back to the pipeline with the outcome. */
    @PostMapping(value = "/subsidies/{caseId}/{applicationId}/{action}",
                 consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> act(@PathVariable String caseId, @PathVariable String applicationId, @PathVariable String action,
                     ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> page.signedIn(model).flatMap(officer -> {
            String departmentId = form.getFirst("department");
            if (departmentId == null || !mayDecide(officer, departmentId)) {
                return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
            }
            Object command = actionCommand(caseId, applicationId, action, form);
            if (command == null) {
                return Mono.just("redirect:" + back(departmentId, null, "subsidy.action.incomplete"));
            }
            return commands.send(command, officer, Channel.BACK_OFFICE)
                    .thenReturn("redirect:" + back(departmentId, "subsidy.done." + action, null))
                    .onErrorResume(PageCommands.Refused.class, refused ->
                            Mono.just("redirect:" + back(departmentId, null, "subsidy." + refused.violation().code())));
        }));
    }

    private static String back(String departmentId, String done, String refused) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/subsidies").queryParam("department", departmentId);
        if (done != null) {
            uri.queryParam("done", done);
        }
        if (refused != null) {
            uri.queryParam("refused", refused);
        }
        return uri.toUriString();
    }

    /** The command for an action, or null when the form lacks what the action needs. */
    private Object actionCommand(String caseId, String applicationId, String action, MultiValueMap<String, String> form) {
        LocalDate today = today();
        String text = form.getFirst("text") == null ? null : form.getFirst("text").strip();
        boolean hasText = text != null && !text.isEmpty();
        return switch (action) {
            case "review" -> new BeginSubsidyReviewCommand(caseId, applicationId, today);
            case "approval" -> new ApproveSubsidyCommand(caseId, applicationId, today);
            case "rejection" -> hasText ? new RejectSubsidyCommand(caseId, applicationId, text, today) : null;
            case "objection" -> hasText ? new RaiseSubsidyObjectionCommand(caseId, applicationId,
                    TimeOrderedId.next(clock.millis(), random), text, today) : null;
            case "resolution" -> hasText && form.getFirst("objectionId") != null
                    ? new ResolveSubsidyObjectionCommand(caseId, applicationId, form.getFirst("objectionId"),
                    "true".equals(form.getFirst("upheld")), text, today) : null;
            case "payment" -> payment(caseId, applicationId, form, today);
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
    }

    private static RecordSubsidyPaymentCommand payment(String caseId, String applicationId,
                                                       MultiValueMap<String, String> form, LocalDate today) {
        try {
            BigDecimal amount = new BigDecimal(form.getFirst("amount").strip());
            LocalDate paidOn = LocalDate.parse(form.getFirst("paidOn").strip());
            String account = form.getFirst("accountReference");
            if (account == null || account.isBlank()) {
                return null;
            }
            return new RecordSubsidyPaymentCommand(caseId, applicationId, amount, paidOn, account.strip(), today);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Reviewers and caseworkers of the department (or above it) decide; auditors only look. */
    private boolean mayDecide(Officer officer, String departmentId) {
        return (officer.has(Role.REVIEWER) || officer.has(Role.CASEWORKER))
                && agencies.covers(officer.agencyId(), departmentId);
    }

    private void requireDepartmentInScope(Officer officer, String departmentId) {
        boolean visible = officer.has(Role.AUDITOR) || agencies.covers(officer.agencyId(), departmentId)
                || departmentId.equals(defaultDepartment(officer));
        if (!visible || agencies.find(departmentId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private List<Agency> departmentsOf(Officer officer) {
        List<Agency> shown = new ArrayList<>();
        for (Agency agency : departments()) {
            if (officer.has(Role.AUDITOR) || agencies.covers(officer.agencyId(), agency.id())
                    || agency.id().equals(defaultDepartment(officer))) {
                shown.add(agency);
            }
        }
        return shown;
    }

    /** A pipeline line with its person masked for the page: pages mask explicitly, whoever reads them. */
    record Row(SubsidyApplicationLine line, MaskedPerson person) {

        static Row of(SubsidyApplicationLine line) {
            return new Row(line, MaskedPerson.of(line.person()));
        }
    }

    // ------------------------------------------------------------------ form helpers

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PageQueries.AGENCY_ZONE));
    }

    private static String text(MultiValueMap<String, String> form, String field, Map<String, String> errors,
                               boolean required) {
        String value = form.getFirst(field);
        if (value == null || value.isBlank()) {
            if (required) {
                errors.put(field, "error.MISSING");
            }
            return null;
        }
        return value.strip();
    }

}
