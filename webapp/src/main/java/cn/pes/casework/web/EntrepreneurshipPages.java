package cn.pes.casework.web;

import cn.pes.casework.events.entrepreneurship.CaseEntrepreneurshipView;
import cn.pes.casework.events.entrepreneurship.FindCaseEntrepreneurshipQuery;
import cn.pes.casework.events.entrepreneurship.TrainingView;
import cn.pes.casework.events.entrepreneurship.TrainingStatus;
import cn.pes.casework.events.entrepreneurship.ApplyForGuaranteeLoanCommand;
import cn.pes.casework.events.entrepreneurship.ApproveGuaranteeLoanCommand;
import cn.pes.casework.events.entrepreneurship.Business;
import cn.pes.casework.events.entrepreneurship.CompleteEntrepreneurshipTrainingCommand;
import cn.pes.casework.events.entrepreneurship.DeclineGuaranteeLoanCommand;
import cn.pes.casework.events.entrepreneurship.EnrolInEntrepreneurshipTrainingCommand;
import cn.pes.casework.events.entrepreneurship.EntrepreneurshipFigures;
import cn.pes.casework.events.entrepreneurship.ExistingLoan;
import cn.pes.casework.events.entrepreneurship.ExistingLoanType;
import cn.pes.casework.events.entrepreneurship.FindEntrepreneurshipFiguresQuery;
import cn.pes.casework.events.entrepreneurship.FindGuaranteeLoanQuery;
import cn.pes.casework.events.entrepreneurship.FindLoanPipelineQuery;
import cn.pes.casework.events.entrepreneurship.FindTrainingInstitutionsQuery;
import cn.pes.casework.events.entrepreneurship.FindTrainingRollQuery;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanView;
import cn.pes.casework.events.entrepreneurship.KeyGroupClaim;
import cn.pes.casework.events.entrepreneurship.LegalForm;
import cn.pes.casework.events.entrepreneurship.LoanApplication;
import cn.pes.casework.events.entrepreneurship.LoanHolder;
import cn.pes.casework.events.entrepreneurship.LoanKeyGroup;
import cn.pes.casework.events.entrepreneurship.LoanPipelineLine;
import cn.pes.casework.events.entrepreneurship.LoanPipelineView;
import cn.pes.casework.events.entrepreneurship.LoanStage;
import cn.pes.casework.events.entrepreneurship.RecordInterestSubsidyCommand;
import cn.pes.casework.events.entrepreneurship.RecordLoanDisbursementCommand;
import cn.pes.casework.events.entrepreneurship.RecordLoanRepaymentCommand;
import cn.pes.casework.events.entrepreneurship.RecordTrainingDropOutCommand;
import cn.pes.casework.events.entrepreneurship.ReportLoanOverdueCommand;
import cn.pes.casework.events.entrepreneurship.TrainingInstitution;
import cn.pes.casework.events.entrepreneurship.TrainingInstitutionsView;
import cn.pes.casework.events.entrepreneurship.TrainingRollEntry;
import cn.pes.casework.events.entrepreneurship.TrainingRollView;
import cn.pes.casework.events.entrepreneurship.TrainingType;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.RefusalReason;
import cn.pes.casework.events.shared.RuleViolation;
import cn.pes.casework.security.Officer;
import cn.pes.casework.security.Role;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import org.springframework.context.MessageSource;
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
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Entrepreneurship services (创业服务, ENT-1..ENT-5) in the browser: from the case a caseworker enrols the
 * person in training at a designated institution and records its end, applies for a guarantee loan
 * (创业担保贷款) and follows it on its own page through approval, disbursement, repayments, interest
 * subsidies and overdue reports; the county keeps its loan pipeline (创业担保贷款台账) with the month's
 * figures, and each institution its training roll (创业培训花名册). The same commands and queries as the
 * API; the case's refusals answer at their fields, the assessment's failed conditions in words.
 */
@Controller
class EntrepreneurshipPages {

    static final int EXISTING_LOAN_ROWS = 3;
    private static final Set<String> TRAINING_FIELDS = Set.of("institutionId", "trainingType", "startsOn");
    private static final Set<String> LOAN_FIELDS = Set.of("businessName", "legalForm", "registrationNumber",
            "registeredInCity", "projectDescription", "amountRequested", "termMonthsRequested", "existingLoans",
            "groups", "appliedOn");
    private static final List<String> ACTIONS = List.of("approval", "decline", "disbursement", "repayments",
            "overdue-reports", "interest-subsidies");

    private final PageCommands commands;
    private final PageQueries pageQueries;
    private final PageModel page;
    private final AgencyDirectory agencies;
    private final JobSeekingForms forms;
    private final MessageSource messages;
    private final JobPageAnswers answers;

    EntrepreneurshipPages(PageCommands commands, PageQueries pageQueries, PageModel page, AgencyDirectory agencies,
                          JobSeekingForms forms, MessageSource messages, JobPageAnswers answers) {
        this.messages = messages;
        this.answers = answers;
        this.commands = commands;
        this.pageQueries = pageQueries;
        this.page = page;
        this.agencies = agencies;
        this.forms = forms;
    }

    // ------------------------------------------------------------------ training (创业培训), from the case

    @GetMapping("/cases/{caseId}/trainings/new")
    Mono<String> trainingForm(@PathVariable String caseId, Model model) {
        return page.signedIn(model).flatMap(officer -> forms.caseToChange(caseId, officer))
                .flatMap(view -> trainingOptions(model, caseId)).map(ignored -> {
                    Map<String, String> form = new LinkedHashMap<>();
                    form.put("trainingId", forms.newId());
                    form.put("startsOn", forms.today().toString());
                    model.addAttribute("form", form);
                    model.addAttribute("errors", Map.of());
                    return "entrepreneurship/training";
                });
    }

    @PostMapping(value = "/cases/{caseId}/trainings/new", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> enrol(@PathVariable String caseId, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> page.signedIn(model).flatMap(officer ->
                trainingOptions(model, caseId).flatMap(ignored -> {
                    Map<String, String> values = new LinkedHashMap<>(form.toSingleValueMap());
                    values.put("trainingId", forms.issuedId(form.getFirst("trainingId")));
                    model.addAttribute("form", values);
                    Map<String, String> errors = new LinkedHashMap<>();
                    String institutionId = FormFields.text(form.getFirst("institutionId"));
                    if (institutionId == null) {
                        errors.put("institutionId", FormFields.MISSING);
                    }
                    TrainingType type = FormFields.choice(form.getFirst("trainingType"), TrainingType.class,
                            "trainingType", errors);
                    LocalDate startsOn = FormFields.date(form.getFirst("startsOn"), "startsOn", errors, true);
                    if (!errors.isEmpty()) {
                        model.addAttribute("errors", forms.texts(errors, exchange));
                        return Mono.just("entrepreneurship/training");
                    }
                    return commands.send(new EnrolInEntrepreneurshipTrainingCommand(caseId, values.get("trainingId"),
                                    institutionId, type, startsOn, forms.today()), officer, Channel.BACK_OFFICE)
                            .then(answers.settled(() -> training(caseId, values.get("trainingId")), training -> true))
                            .thenReturn("redirect:/cases/" + caseId + "#entrepreneurship")
                            .onErrorResume(PageCommands.Refused.class, refused -> {
                                model.addAttribute("errors", refusals(refused.violation(), TRAINING_FIELDS, exchange));
                                return Mono.just("entrepreneurship/training");
                            });
                })));
    }

    /** One training of the case as the read model has it, empty until it shows there. */
    private Mono<TrainingView> training(String caseId, String trainingId) {
        return pageQueries.query(new FindCaseEntrepreneurshipQuery(caseId), CaseEntrepreneurshipView.class)
                .flatMap(view -> Mono.justOrEmpty(view.trainings().stream()
                        .filter(training -> training.trainingId().equals(trainingId)).findFirst()));
    }

    private Mono<TrainingInstitutionsView> trainingOptions(Model model, String caseId) {
        model.addAttribute("caseId", caseId);
        model.addAttribute("trainingTypes", TrainingType.values());
        return pageQueries.query(new FindTrainingInstitutionsQuery(forms.today()), TrainingInstitutionsView.class)
                .defaultIfEmpty(new TrainingInstitutionsView(List.of()))
                .doOnNext(view -> model.addAttribute("institutions", view.institutions()));
    }

    /** Completion (结业) or drop-out (退训) from the case section; back to the case with the outcome. */
    @PostMapping(value = "/cases/{caseId}/trainings/{trainingId}/{action}",
                 consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> endTraining(@PathVariable String caseId, @PathVariable String trainingId, @PathVariable String action,
                             ServerWebExchange exchange, Model model) {
        if (!"completion".equals(action) && !"drop-out".equals(action)) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        return exchange.getFormData().flatMap(form -> page.signedIn(model).flatMap(officer -> {
            Map<String, String> errors = new LinkedHashMap<>();
            Object command;
            if ("completion".equals(action)) {
                LocalDate on = FormFields.date(form.getFirst("completedOn"), "completedOn", errors, true);
                String certificate = required(form, "certificateNumber", errors);
                command = new CompleteEntrepreneurshipTrainingCommand(caseId, trainingId, on, certificate);
            } else {
                LocalDate on = FormFields.date(form.getFirst("droppedOutOn"), "droppedOutOn", errors, true);
                String reason = required(form, "reason", errors);
                command = new RecordTrainingDropOutCommand(caseId, trainingId, on, reason);
            }
            if (!errors.isEmpty()) {
                Map.Entry<String, String> first = errors.entrySet().iterator().next();
                return Mono.just("redirect:" + caseBack(caseId, trainingId, action, first.getKey(),
                        forms.texts(Map.of(first.getKey(), first.getValue()), exchange).get(first.getKey())));
            }
            return commands.send(command, officer, Channel.BACK_OFFICE)
                    .then(answers.settled(() -> training(caseId, trainingId),
                            training -> training.status() != TrainingStatus.ENROLLED))
                    .thenReturn("redirect:/cases/" + caseId + "#entrepreneurship")
                    .onErrorResume(PageCommands.Refused.class, refused -> {
                        RuleViolation v = refused.violation();
                        return Mono.just("redirect:" + caseBack(caseId, trainingId, action,
                                v.field() == null ? "form" : v.field(), refusal(v.ruleId(), v.code(), exchange)));
                    });
        }));
    }

    private static String caseBack(String caseId, String trainingId, String action, String field, String text) {
        return UriComponentsBuilder.fromPath("/cases/" + caseId).queryParam("training", trainingId)
                .queryParam("trainingAction", action).queryParam("trainingField", field)
                .queryParam("trainingError", text).fragment("entrepreneurship").encode().toUriString();
    }

    // ------------------------------------------------------------------ the loan application (创业担保贷款申请)

    @GetMapping("/cases/{caseId}/loans/new")
    Mono<String> loanForm(@PathVariable String caseId, Model model) {
        return page.signedIn(model).flatMap(officer -> forms.caseToChange(caseId, officer)).map(view -> {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("loanId", forms.newId());
            form.put("appliedOn", forms.today().toString());
            form.put("registeredInCity", "true");
            model.addAttribute("form", form);
            model.addAttribute("selectedGroups", List.of());
            model.addAttribute("errors", Map.of());
            loanOptions(model, caseId);
            return "entrepreneurship/loan-form";
        });
    }

    @PostMapping(value = "/cases/{caseId}/loans/new", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> apply(@PathVariable String caseId, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> page.signedIn(model).flatMap(officer -> {
            loanOptions(model, caseId);
            Map<String, String> values = new LinkedHashMap<>(form.toSingleValueMap());
            values.put("loanId", forms.issuedId(form.getFirst("loanId")));
            model.addAttribute("form", values);
            model.addAttribute("selectedGroups", form.getOrDefault("groups", List.of()));
            Map<String, String> errors = new LinkedHashMap<>();
            LoanApplication application = application(form, errors);
            LocalDate appliedOn = FormFields.date(form.getFirst("appliedOn"), "appliedOn", errors, true);
            if (!errors.isEmpty()) {
                model.addAttribute("errors", forms.texts(errors, exchange));
                return Mono.just("entrepreneurship/loan-form");
            }
            String loanId = values.get("loanId");
            // A refused application is a decision the case records: it is shown on the loan's page.
            return commands.send(new ApplyForGuaranteeLoanCommand(caseId, loanId, application, officer.agencyId(),
                            appliedOn, forms.today()), officer, Channel.BACK_OFFICE)
                    .then(answers.settled(() -> loanView(caseId, loanId), loan -> true))
                    .thenReturn("redirect:/cases/" + caseId + "/loans/" + loanId)
                    .onErrorResume(PageCommands.Refused.class, refused -> {
                        model.addAttribute("errors", refusals(refused.violation(), LOAN_FIELDS, exchange));
                        return Mono.just("entrepreneurship/loan-form");
                    });
        }));
    }

    private LoanApplication application(MultiValueMap<String, String> form, Map<String, String> errors) {
        String name = required(form, "businessName", errors);
        LegalForm legalForm = FormFields.choice(form.getFirst("legalForm"), LegalForm.class, "legalForm", errors);
        String registrationNumber = FormFields.text(form.getFirst("registrationNumber"));
        boolean inCity = "true".equals(form.getFirst("registeredInCity"));
        String project = FormFields.text(form.getFirst("projectDescription"));
        BigDecimal amount = yuan(form.getFirst("amountRequested"), "amountRequested", errors, true);
        Integer term = JobSeekingForms.wholeNumber(form.getFirst("termMonthsRequested"), "termMonthsRequested", errors);
        List<ExistingLoan> existing = new ArrayList<>();
        for (int i = 0; i < EXISTING_LOAN_ROWS; i++) {
            String holder = FormFields.text(form.getFirst("loanHolder" + i));
            String type = FormFields.text(form.getFirst("loanType" + i));
            String loanAmount = FormFields.text(form.getFirst("loanAmount" + i));
            if (type == null && loanAmount == null) {
                continue; // an empty row
            }
            LoanHolder h = FormFields.choice(holder == null ? LoanHolder.APPLICANT.name() : holder, LoanHolder.class,
                    "existingLoans", errors);
            ExistingLoanType t = FormFields.choice(type, ExistingLoanType.class, "existingLoans", errors);
            BigDecimal a = yuan(loanAmount, "existingLoans", errors, true);
            existing.add(new ExistingLoan(h, t, a));
        }
        List<KeyGroupClaim> claims = new ArrayList<>();
        for (String group : form.getOrDefault("groups", List.of())) {
            Arrays.stream(LoanKeyGroup.values()).filter(g -> g.name().equals(group)).findFirst().ifPresent(g ->
                    claims.add(new KeyGroupClaim(g, FormFields.text(form.getFirst("evidence_" + g.name())))));
        }
        return new LoanApplication(new Business(name, legalForm, registrationNumber, inCity), project, amount,
                term == null ? 0 : term, existing, claims);
    }

    private void loanOptions(Model model, String caseId) {
        model.addAttribute("caseId", caseId);
        model.addAttribute("legalForms", LegalForm.values());
        model.addAttribute("holders", LoanHolder.values());
        model.addAttribute("loanTypes", ExistingLoanType.values());
        model.addAttribute("keyGroups", LoanKeyGroup.values());
        model.addAttribute("loanRows", java.util.stream.IntStream.range(0, EXISTING_LOAN_ROWS).boxed().toList());
    }

    // ------------------------------------------------------------------ the loan's page

    @GetMapping("/cases/{caseId}/loans/{loanId}")
    Mono<String> loan(@PathVariable String caseId, @PathVariable String loanId,
                      @RequestParam(name = "done", required = false) String done, Model model) {
        return page.signedIn(model).flatMap(officer -> renderLoan(caseId, loanId, officer, model,
                Map.of(), Map.of(), done));
    }

    @PostMapping(value = "/cases/{caseId}/loans/{loanId}/{action}",
                 consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> act(@PathVariable String caseId, @PathVariable String loanId, @PathVariable String action,
                     ServerWebExchange exchange, Model model) {
        if (!ACTIONS.contains(action)) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        return exchange.getFormData().flatMap(form -> page.signedIn(model).flatMap(officer ->
                forms.caseToChange(caseId, officer).flatMap(view -> {
                    Map<String, String> errors = new LinkedHashMap<>();
                    Object command = actionCommand(caseId, loanId, action, form, errors);
                    Map<String, String> values = new LinkedHashMap<>();
                    form.toSingleValueMap().forEach((field, value) -> values.put(action + "-" + field, value));
                    if (!errors.isEmpty()) {
                        Map<String, String> texts = new LinkedHashMap<>();
                        forms.texts(errors, exchange).forEach((field, text) -> texts.put(action + "-" + field, text));
                        return renderLoan(caseId, loanId, officer, model, values, texts, null);
                    }
                    return commands.send(command, officer, Channel.BACK_OFFICE)
                            .then(answers.settled(() -> loanView(caseId, loanId), shows(command)))
                            .thenReturn("redirect:/cases/" + caseId + "/loans/" + loanId + "?done=" + action)
                            .onErrorResume(PageCommands.Refused.class, refused -> {
                                Map<String, String> texts = new LinkedHashMap<>();
                                refusals(refused.violation(), form.keySet(), exchange)
                                        .forEach((field, text) -> texts.put(action + "-" + field, text));
                                return renderLoan(caseId, loanId, officer, model, values, texts, null);
                            });
                })));
    }

    private Object actionCommand(String caseId, String loanId, String action, MultiValueMap<String, String> form,
                                 Map<String, String> errors) {
        return switch (action) {
            case "approval" -> {
                BigDecimal amount = yuan(form.getFirst("amount"), "amount", errors, true);
                Integer term = JobSeekingForms.wholeNumber(form.getFirst("termMonths"), "termMonths", errors);
                String lender = required(form, "lender", errors);
                String contract = required(form, "guaranteeContractNumber", errors);
                LocalDate on = FormFields.date(form.getFirst("approvedOn"), "approvedOn", errors, true);
                yield new ApproveGuaranteeLoanCommand(caseId, loanId, amount, term == null ? 0 : term, lender,
                        contract, on);
            }
            case "decline" -> {
                LocalDate on = FormFields.date(form.getFirst("declinedOn"), "declinedOn", errors, true);
                yield new DeclineGuaranteeLoanCommand(caseId, loanId, on, required(form, "reason", errors));
            }
            case "disbursement" -> new RecordLoanDisbursementCommand(caseId, loanId,
                    FormFields.date(form.getFirst("disbursedOn"), "disbursedOn", errors, true));
            case "repayments" -> {
                LocalDate on = FormFields.date(form.getFirst("paidOn"), "paidOn", errors, true);
                BigDecimal principal = yuan(form.getFirst("principal"), "principal", errors, true);
                BigDecimal interest = yuan(form.getFirst("interest"), "interest", errors, false);
                yield new RecordLoanRepaymentCommand(caseId, loanId, forms.issuedId(form.getFirst("repaymentId")), on,
                        principal, interest == null ? BigDecimal.ZERO : interest);
            }
            case "overdue-reports" -> new ReportLoanOverdueCommand(caseId, loanId,
                    FormFields.date(form.getFirst("overdueSince"), "overdueSince", errors, true));
            case "interest-subsidies" -> new RecordInterestSubsidyCommand(caseId, loanId,
                    FormFields.date(form.getFirst("periodFrom"), "periodFrom", errors, true),
                    FormFields.date(form.getFirst("periodTo"), "periodTo", errors, true),
                    yuan(form.getFirst("interest"), "interest", errors, true),
                    yuan(form.getFirst("subsidy"), "subsidy", errors, true),
                    FormFields.date(form.getFirst("paidOn"), "paidOn", errors, true));
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
    }

    private Mono<GuaranteeLoanView> loanView(String caseId, String loanId) {
        return pageQueries.query(new FindGuaranteeLoanQuery(caseId, loanId), GuaranteeLoanView.class);
    }

    /** What the loan's page must show once the read model has caught up with the command just sent. */
    private static java.util.function.Predicate<GuaranteeLoanView> shows(Object command) {
        if (command instanceof ApproveGuaranteeLoanCommand) {
            return loan -> loan.approvedOn() != null;
        } else if (command instanceof DeclineGuaranteeLoanCommand) {
            return loan -> loan.declinedOn() != null;
        } else if (command instanceof RecordLoanDisbursementCommand) {
            return loan -> loan.disbursedOn() != null;
        } else if (command instanceof RecordLoanRepaymentCommand repayment) {
            return loan -> loan.repayments().stream().anyMatch(r -> r.repaymentId().equals(repayment.repaymentId()));
        } else if (command instanceof ReportLoanOverdueCommand) {
            return loan -> loan.overdueSince() != null;
        } else if (command instanceof RecordInterestSubsidyCommand subsidy) {
            return loan -> loan.interestSubsidies().stream().anyMatch(i -> i.periodFrom().equals(subsidy.periodFrom()));
        }
        return loan -> true;
    }

    /** The loan as the read model has it (the actions wait for their change to show before coming here). */
    private Mono<String> renderLoan(String caseId, String loanId, Officer officer, Model model,
                                    Map<String, String> values, Map<String, String> errors, String done) {
        return forms.caseToRead(caseId, officer).flatMap(caseView -> loanView(caseId, loanId)
                        .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)))
                        .map(loan -> {
                            model.addAttribute("caseId", caseId);
                            model.addAttribute("loan", loan);
                            model.addAttribute("agencyName", agencyName(loan.agencyId()));
                            model.addAttribute("mayAct", forms.mayChange(officer, caseView)
                                    && officer.has(Role.CASEWORKER));
                            Map<String, String> shown = new LinkedHashMap<>(defaults(loan));
                            shown.putAll(values);
                            model.addAttribute("values", shown);
                            model.addAttribute("errors", errors);
                            model.addAttribute("done", done != null && ACTIONS.contains(done) ? done : null);
                            return "entrepreneurship/loan";
                        }));
    }

    private Map<String, String> defaults(GuaranteeLoanView loan) {
        String today = forms.today().toString();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("approval-approvedOn", today);
        values.put("decline-declinedOn", today);
        values.put("disbursement-disbursedOn", today);
        values.put("repayments-paidOn", today);
        values.put("repayments-repaymentId", forms.newId());
        values.put("interest-subsidies-paidOn", today);
        values.put("overdue-reports-overdueSince", today);
        if (loan.application() != null) {
            BigDecimal asked = loan.application().amountRequested();
            values.put("approval-amount", asked == null ? "" : asked.toPlainString());
            values.put("approval-termMonths", String.valueOf(loan.application().termMonthsRequested()));
        }
        if (loan.outstanding() != null) {
            values.put("repayments-principal", loan.outstanding().toPlainString());
        }
        return values;
    }

    private String agencyName(String agencyId) {
        return agencyId == null ? null : agencies.find(agencyId).map(Agency::name).orElse(agencyId);
    }

    // ------------------------------------------------------------------ the county's pipeline (创业担保贷款台账)

    @GetMapping("/loans")
    Mono<String> pipeline(@RequestParam(name = "agency", required = false) String agency,
                          @RequestParam(name = "stage", required = false) String stage,
                          @RequestParam(name = "month", required = false) String month, Model model) {
        return page.signedIn(model).flatMap(officer -> {
            String agencyId = agency == null || agency.isBlank() ? officer.agencyId() : agency;
            List<Agency> scope = scopeOf(officer);
            if (scope.stream().noneMatch(a -> a.id().equals(agencyId))) {
                return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
            }
            LoanStage stageFilter = stage == null || stage.isBlank() ? null
                    : Arrays.stream(LoanStage.values()).filter(s -> s.name().equals(stage)).findFirst()
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
            YearMonth figuresMonth = pageQueries.month(month);
            model.addAttribute("agencies", scope);
            model.addAttribute("agencyId", agencyId);
            model.addAttribute("stages", LoanStage.values());
            model.addAttribute("stage", stageFilter);
            model.addAttribute("month", figuresMonth.toString());
            List<String> area = agencies.coveredBy(agencyId).stream().map(Agency::id).toList();
            return pageQueries.query(new FindLoanPipelineQuery(agencyId, stageFilter, forms.today()),
                            LoanPipelineView.class)
                    .zipWith(pageQueries.query(new FindEntrepreneurshipFiguresQuery(area, figuresMonth),
                            EntrepreneurshipFigures.class))
                    .map(found -> {
                        model.addAttribute("pipeline", found.getT1());
                        model.addAttribute("lines", found.getT1().lines().stream().map(LoanRow::of).toList());
                        model.addAttribute("figures", found.getT2());
                        return "entrepreneurship/loans";
                    });
        });
    }

    /** The agencies an officer may look at: those under their own, every one for an auditor. */
    private List<Agency> scopeOf(Officer officer) {
        return officer.has(Role.AUDITOR) ? agencies.all() : agencies.coveredBy(officer.agencyId());
    }

    /** A pipeline line with its person masked: pages mask explicitly, whoever reads them. */
    record LoanRow(LoanPipelineLine line, MaskedPerson person) {

        static LoanRow of(LoanPipelineLine line) {
            return new LoanRow(line, MaskedPerson.of(line.person()));
        }
    }

    // ------------------------------------------------------------------ the institutions' rolls (创业培训花名册)

    @GetMapping("/trainings")
    Mono<String> rolls(@RequestParam(name = "institution", required = false) String institution,
                       @RequestParam(name = "month", required = false) String month, Model model) {
        return page.signedIn(model).flatMap(officer -> {
            YearMonth rollMonth = pageQueries.month(month);
            return pageQueries.query(new FindTrainingInstitutionsQuery(null), TrainingInstitutionsView.class)
                    .defaultIfEmpty(new TrainingInstitutionsView(List.of()))
                    .flatMap(view -> {
                        List<TrainingInstitution> institutions = view.institutions();
                        String institutionId = institution == null || institution.isBlank()
                                ? institutions.stream().map(TrainingInstitution::id).findFirst().orElse(null)
                                : institution;
                        if (institutionId != null && institutions.stream().noneMatch(i -> i.id().equals(institutionId))) {
                            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
                        }
                        model.addAttribute("institutions", institutions);
                        model.addAttribute("institutionId", institutionId);
                        model.addAttribute("month", rollMonth.toString());
                        // An auditor reads every agency's trainees; everyone else those of their own area.
                        String scope = officer.has(Role.AUDITOR) ? agencies.all().stream()
                                .filter(a -> a.level() == Agency.Level.CITY).map(Agency::id).findFirst()
                                .orElse(officer.agencyId()) : officer.agencyId();
                        return pageQueries.query(new FindTrainingRollQuery(institutionId, rollMonth, scope),
                                        TrainingRollView.class)
                                .defaultIfEmpty(new TrainingRollView(institutionId, rollMonth, 0, 0, 0, List.of()))
                                .map(roll -> {
                                    model.addAttribute("roll", roll);
                                    model.addAttribute("entries", roll.entries().stream().map(RollRow::of).toList());
                                    return "entrepreneurship/trainings";
                                });
                    });
        });
    }

    record RollRow(TrainingRollEntry entry, MaskedPerson person) {

        static RollRow of(TrainingRollEntry entry) {
            return new RollRow(entry, MaskedPerson.of(entry.person()));
        }
    }

    // ------------------------------------------------------------------ form helpers

    private static String required(MultiValueMap<String, String> form, String field, Map<String, String> errors) {
        String value = FormFields.text(form.getFirst(field));
        if (value == null) {
            errors.put(field, FormFields.MISSING);
        }
        return value;
    }

    /** Yuan as typed; what is not a number is noted at the field, the case judges the rest. */
    static BigDecimal yuan(String value, String field, Map<String, String> errors, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.put(field, FormFields.MISSING);
            }
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            errors.put(field, FormFields.INVALID);
            return null;
        }
    }

    /** The case's refusal at its field (the form's name for it), or above the form. */
    private Map<String, String> refusals(RuleViolation violation, Set<String> fields, ServerWebExchange exchange) {
        List<RefusalReason> reasons = violation.reasons().isEmpty()
                ? List.of(new RefusalReason(violation.ruleId(), violation.code(), violation.field()))
                : violation.reasons();
        Map<String, String> texts = new LinkedHashMap<>();
        for (RefusalReason reason : reasons) {
            String field = formField(reason.field());
            texts.merge(fields.contains(field) ? field : "form", refusal(reason.ruleId(), reason.code(), exchange),
                    (a, b) -> a + " " + b);
        }
        return texts;
    }

    static String formField(String path) {
        if (path == null) {
            return "form";
        }
        String last = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[\\d+]$", "");
        if (path.startsWith("application.existingLoans")) {
            return "existingLoans";
        }
        if (path.startsWith("application.claimedGroups")) {
            return "groups";
        }
        return switch (path) {
            case "application.business.name" -> "businessName";
            case "application.business", "application" -> "form";
            default -> last;
        };
    }

    private String refusal(String ruleId, String code, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale() == null ? PageLocale.CHINESE
                : exchange.getLocaleContext().getLocale();
        String own = messages.getMessage("ent.refusal." + code, null, null, locale);
        return own != null ? own : forms.refusal(ruleId, code, exchange);
    }
}
