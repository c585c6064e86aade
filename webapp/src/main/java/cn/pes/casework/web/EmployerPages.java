package cn.pes.casework.web;

import cn.pes.casework.events.employer.CloseVacancyCommand;
import cn.pes.casework.events.employer.EmployerGuidanceSession;
import cn.pes.casework.events.employer.EmployerGuidanceView;
import cn.pes.casework.events.employer.EmployerView;
import cn.pes.casework.events.employer.FindEmployerGuidanceQuery;
import cn.pes.casework.events.employer.EmploymentForm;
import cn.pes.casework.events.employer.FindEmployerQuery;
import cn.pes.casework.events.employer.FindOpenVacanciesQuery;
import cn.pes.casework.events.employer.OpenVacanciesView;
import cn.pes.casework.events.employer.PostVacancyCommand;
import cn.pes.casework.events.employer.PublishVacancyCommand;
import cn.pes.casework.events.employer.RecordRecruitmentGuidanceCommand;
import cn.pes.casework.events.employer.RecruitmentGuidanceTopic;
import cn.pes.casework.events.employer.RegisterEmployerCommand;
import cn.pes.casework.events.employer.RejectVacancyCommand;
import cn.pes.casework.events.employer.VacancyCloseReason;
import cn.pes.casework.events.employer.VacancyLine;
import cn.pes.casework.events.employer.VacancyStatus;
import cn.pes.casework.events.employer.VacancyView;
import cn.pes.casework.events.employer.WageRange;
import cn.pes.casework.events.jobseeking.BasicInformation;
import cn.pes.casework.events.jobseeking.JobIntentions;
import cn.pes.casework.events.jobseeking.ReferJobSeekerCommand;
import cn.pes.casework.events.matching.CandidateMatch;
import cn.pes.casework.events.matching.CandidateMatchesView;
import cn.pes.casework.events.matching.FindCandidateMatchesQuery;
import cn.pes.casework.events.matching.MatchReason;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.events.shared.TimeOrderedId;
import cn.pes.casework.security.AccessRules;
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

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Employers and their vacancies in the browser (用人单位与空缺岗位, JOB-3, JOB-4, JOB-1): a caseworker
 * registers an employer, posts its vacancies, reviews them (publish or reject with a reason) and closes
 * them; searches the open vacancies city-wide; ranks job seekers for a vacancy and refers one; records
 * recruitment guidance (招聘指导) for the employer. The same commands and queries as the API; a rule's
 * refusal is shown at its field, nothing stored.
 * <p>
 * Reading is open to the roles the routes name; changing an employer is for caseworkers whose agency
 * covers the employer's area (the employer answers 404 elsewhere, and its page offers no forms there).
 */
@Controller
class EmployerPages {

    private static final int VACANCY_LINES = 50;
    /** Asked for more than shown: the list keeps only the officer's own people. */
    private static final int MATCHES_ASKED = 200;
    private static final int MATCHES_SHOWN = 30;
    private static final int MAX_WAGE = 1_000_000;
    private static final int MAX_HEADCOUNT = 10_000;
    private static final String ISSUED_ID = "[0-9a-f-]{36}";

    private final PageCommands commands;
    private final PageQueries queries;
    private final PageModel page;
    private final AgencyDirectory agencies;
    private final AccessRules rules;
    private final JobPageAnswers answers;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    EmployerPages(PageCommands commands, PageQueries queries, PageModel page, AgencyDirectory agencies,
                  AccessRules rules, JobPageAnswers answers, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.page = page;
        this.agencies = agencies;
        this.rules = rules;
        this.answers = answers;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ registering and opening an employer

    /** Registration form, and opening an employer by its ID ({@code ?id=}). */
    @GetMapping("/employers")
    Mono<String> employers(@RequestParam(name = "id", required = false) String id, Model model, Locale locale) {
        return page.signedIn(model).flatMap(officer -> {
            registerOptions(model, officer);
            Map<String, String> form = new LinkedHashMap<>();
            form.put("areaAgencyId", officer.agencyId());
            model.addAttribute("form", form);
            model.addAttribute("errors", Map.of());
            String wanted = FormFields.text(id);
            model.addAttribute("openId", wanted);
            if (wanted == null) {
                return Mono.just("employers/employers");
            }
            return employer(wanted)
                    .map(found -> "redirect:/employers/" + found.employerId())
                    .switchIfEmpty(Mono.fromSupplier(() -> {
                        model.addAttribute("openError", answers.text("employer.notFound", locale));
                        return "employers/employers";
                    }));
        });
    }

    @PostMapping(value = "/employers", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> register(ServerWebExchange exchange, Model model, Locale locale) {
        return exchange.getFormData().flatMap(form -> page.signedIn(model).flatMap(officer -> {
            registerOptions(model, officer);
            model.addAttribute("form", form.toSingleValueMap());
            Map<String, String> errors = new LinkedHashMap<>();
            RegisterEmployerCommand command = registerCommand(form, errors);
            if (!errors.isEmpty()) {
                model.addAttribute("errors", answers.texts(errors, locale));
                return Mono.just("employers/employers");
            }
            return commands.send(command, officer, Channel.BACK_OFFICE)
                    .then(answers.settled(() -> employer(command.employerId()), view -> true))
                    .thenReturn("redirect:" + employerPath(command.employerId(), "employer.done.registered"))
                    .onErrorResume(PageCommands.Refused.class, refused -> {
                        model.addAttribute("errors", answers.refusals("employer.", refused.violation(),
                                EmployerPages::registerField, locale));
                        return Mono.just("employers/employers");
                    });
        }));
    }

    private RegisterEmployerCommand registerCommand(MultiValueMap<String, String> form, Map<String, String> errors) {
        String creditCode = required(form, "creditCode", errors);
        String name = required(form, "name", errors);
        String address = required(form, "registeredAddress", errors);
        String area = area(form, "areaAgencyId", errors);
        String contactName = required(form, "contactName", errors);
        String contactPhone = required(form, "contactPhone", errors);
        if (!errors.isEmpty()) {
            return null;
        }
        return new RegisterEmployerCommand(newId(), creditCode, name, address, area,
                new PersonalData(null, contactName, contactPhone), today());
    }

    private static String registerField(String path) {
        if (path == null || path.equals("contact.idNumber")) {
            return "form";
        }
        return switch (path) {
            case "contact", "contact.name" -> "contactName";
            case "contact.phone" -> "contactPhone";
            default -> JobPageAnswers.lastPart(path);
        };
    }

    private void registerOptions(Model model, Officer officer) {
        model.addAttribute("areas", agencies.coveredBy(officer.agencyId()));
        model.addAttribute("mayRegister", officer.has(Role.CASEWORKER));
    }

    // ------------------------------------------------------------------ the employer's page

    @GetMapping("/employers/{employerId}")
    Mono<String> employerPage(@PathVariable String employerId,
                              @RequestParam(name = "done", required = false) String done,
                              @RequestParam(name = "refused", required = false) String refused,
                              @RequestParam(name = "rule", required = false) String rule,
                              Model model, Locale locale) {
        return page.signedIn(model).flatMap(officer -> {
            outcome(model, done, refused, rule, "vacancy.", locale);
            return showEmployer(officer, employerId, model);
        });
    }

    /** The page with whatever forms the model does not hold yet (a form sent back keeps what was typed). */
    private Mono<String> showEmployer(Officer officer, String employerId, Model model) {
        return employer(employerId)
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .doOnNext(view -> {
                    boolean mayAct = mayAct(officer, view.areaAgencyId());
                    model.addAttribute("employer", view);
                    model.addAttribute("contact", MaskedPerson.of(view.contact()));
                    model.addAttribute("areaName", agencyName(view.areaAgencyId()));
                    model.addAttribute("vacancies", view.vacancies().stream()
                            .map(vacancy -> new VacancyRow(vacancy, agencyName(vacancy.areaAgencyId()))).toList());
                    model.addAttribute("mayAct", mayAct);
                    model.addAttribute("areas", agencies.coveredBy(officer.agencyId()));
                    model.addAttribute("forms", EmploymentForm.values());
                    model.addAttribute("topics", RecruitmentGuidanceTopic.values());
                    model.addAttribute("today", today());
                    if (!model.containsAttribute("vacancyForm")) {
                        Map<String, String> form = new LinkedHashMap<>();
                        form.put("areaAgencyId", view.areaAgencyId());
                        form.put("headcount", "1");
                        model.addAttribute("vacancyForm", form);
                        model.addAttribute("vacancyErrors", Map.of());
                    }
                    if (!model.containsAttribute("guidanceForm")) {
                        model.addAttribute("guidanceForm", Map.of("heldOn", today().toString()));
                        model.addAttribute("guidanceErrors", Map.of());
                    }
                })
                .flatMap(view -> queries.query(new FindEmployerGuidanceQuery(employerId), EmployerGuidanceView.class)
                        .map(EmployerGuidanceView::sessions)
                        .defaultIfEmpty(List.of())
                        .map(sessions -> {
                            model.addAttribute("guidanceSessions", sessions.stream()
                                    .map(session -> new GuidanceRow(session, agencyName(session.agencyId()))).toList());
                            return "employers/employer";
                        }));
    }

    /** A guidance session held for the employer, with the name of the agency that held it. */
    record GuidanceRow(EmployerGuidanceSession session, String agencyName) {
    }

    /** A vacancy of the employer's page, with the name of the area it is in. */
    record VacancyRow(VacancyView vacancy, String areaName) {
    }

    @PostMapping(value = "/employers/{employerId}/vacancies", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> postVacancy(@PathVariable String employerId, ServerWebExchange exchange, Model model, Locale locale) {
        return exchange.getFormData().flatMap(form -> page.signedIn(model).flatMap(officer -> {
            model.addAttribute("vacancyForm", form.toSingleValueMap());
            model.addAttribute("vacancyErrors", Map.of());
            Map<String, String> errors = new LinkedHashMap<>();
            PostVacancyCommand command = vacancyCommand(employerId, form, errors);
            if (!errors.isEmpty()) {
                model.addAttribute("vacancyErrors", answers.texts(errors, locale));
                return showEmployer(officer, employerId, model);
            }
            return commands.send(command, officer, Channel.BACK_OFFICE)
                    .then(answers.settled(() -> employer(employerId), view -> view.vacancies().stream()
                            .anyMatch(vacancy -> vacancy.vacancyId().equals(command.vacancyId()))))
                    .thenReturn("redirect:" + employerPath(employerId, "vacancy.done.posted"))
                    .onErrorResume(PageCommands.Refused.class, refused -> {
                        model.addAttribute("vacancyErrors", answers.refusals("vacancy.", refused.violation(),
                                EmployerPages::vacancyField, locale));
                        return showEmployer(officer, employerId, model);
                    });
        }));
    }

    private PostVacancyCommand vacancyCommand(String employerId, MultiValueMap<String, String> form,
                                              Map<String, String> errors) {
        String occupation = required(form, "occupation", errors);
        Integer headcount = whole(form.getFirst("headcount"), "headcount", 1, MAX_HEADCOUNT, errors);
        Integer wageMin = whole(form.getFirst("wageMin"), "wageMin", 0, MAX_WAGE, errors);
        Integer wageMax = whole(form.getFirst("wageMax"), "wageMax", 0, MAX_WAGE, errors);
        String area = area(form, "areaAgencyId", errors);
        EmploymentForm employmentForm = FormFields.choice(form.getFirst("form"), EmploymentForm.class, "form", errors);
        String requirements = FormFields.text(form.getFirst("requirements"));
        if (!errors.isEmpty()) {
            return null;
        }
        return new PostVacancyCommand(employerId, newId(), occupation, headcount, new WageRange(wageMin, wageMax),
                area, employmentForm, requirements, today());
    }

    private static String vacancyField(String path) {
        if (path == null) {
            return "form-level";
        }
        return switch (path) {
            case "wage", "wage.minYuan" -> "wageMin";
            case "wage.maxYuan" -> "wageMax";
            case "postedOn", "vacancyId", "employerId" -> "form-level";
            default -> JobPageAnswers.lastPart(path);
        };
    }

    /** Review and closing, from the vacancy's row: back to the employer's page with the outcome. */
    @PostMapping(value = "/employers/{employerId}/vacancies/{vacancyId}/{action}",
                 consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> actOnVacancy(@PathVariable String employerId, @PathVariable String vacancyId,
                              @PathVariable String action, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> page.signedIn(model).flatMap(officer -> {
            LocalDate today = today();
            String text = FormFields.text(form.getFirst("reason"));
            Object command;
            VacancyStatus after;
            switch (action) {
                case "publication" -> {
                    command = new PublishVacancyCommand(employerId, vacancyId, today);
                    after = VacancyStatus.PUBLISHED;
                }
                case "rejection" -> {
                    if (text == null) {
                        return Mono.just("redirect:" + refusedPath(employerId, "INPUT", "REASON_MISSING"));
                    }
                    command = new RejectVacancyCommand(employerId, vacancyId, text, today);
                    after = VacancyStatus.REJECTED;
                }
                case "closure" -> {
                    VacancyCloseReason reason = FormFields.choice(form.getFirst("closeReason"),
                            VacancyCloseReason.class, "closeReason", new LinkedHashMap<>());
                    if (reason == null) {
                        return Mono.just("redirect:" + refusedPath(employerId, "INPUT", "CLOSE_REASON_MISSING"));
                    }
                    command = new CloseVacancyCommand(employerId, vacancyId, reason, today);
                    after = VacancyStatus.CLOSED;
                }
                default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            return commands.send(command, officer, Channel.BACK_OFFICE)
                    .then(answers.settled(() -> employer(employerId), hasVacancy(vacancyId, after)))
                    .thenReturn("redirect:" + employerPath(employerId, "vacancy.done." + action))
                    .onErrorResume(PageCommands.Refused.class, refused -> Mono.just("redirect:" + refusedPath(
                            employerId, refused.violation().ruleId(), refused.violation().code())));
        }));
    }

    private static Predicate<EmployerView> hasVacancy(String vacancyId, VacancyStatus status) {
        return view -> view.vacancies().stream()
                .anyMatch(vacancy -> vacancy.vacancyId().equals(vacancyId) && vacancy.status() == status);
    }

    /** A recruitment guidance session (招聘指导, JOB-1) held with the employer. */
    @PostMapping(value = "/employers/{employerId}/guidance", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> recordGuidance(@PathVariable String employerId, ServerWebExchange exchange, Model model,
                                Locale locale) {
        return exchange.getFormData().flatMap(form -> page.signedIn(model).flatMap(officer -> {
            model.addAttribute("guidanceForm", form.toSingleValueMap());
            model.addAttribute("guidanceErrors", Map.of());
            Map<String, String> errors = new LinkedHashMap<>();
            RecruitmentGuidanceTopic topic = FormFields.choice(form.getFirst("topic"), RecruitmentGuidanceTopic.class,
                    "topic", errors);
            String notes = required(form, "notes", errors);
            String followUp = FormFields.text(form.getFirst("followUp"));
            LocalDate heldOn = FormFields.date(form.getFirst("heldOn"), "heldOn", errors, true);
            if (heldOn != null && heldOn.isAfter(today())) {
                errors.put("heldOn", "employer.DATE_IN_FUTURE");
            }
            if (!errors.isEmpty()) {
                model.addAttribute("guidanceErrors", answers.texts(errors, locale));
                return showEmployer(officer, employerId, model);
            }
            RecordRecruitmentGuidanceCommand command = new RecordRecruitmentGuidanceCommand(employerId, newId(), topic,
                    notes, followUp, heldOn, today());
            return commands.send(command, officer, Channel.BACK_OFFICE)
                    .then(answers.settled(() -> queries.query(new FindEmployerGuidanceQuery(employerId),
                            EmployerGuidanceView.class), view -> view.sessions().stream()
                            .anyMatch(session -> session.sessionId().equals(command.sessionId()))))
                    .thenReturn("redirect:" + employerPath(employerId, "employer.done.guidance"))
                    .onErrorResume(PageCommands.Refused.class, refused -> {
                        model.addAttribute("guidanceErrors", answers.refusals("employer.", refused.violation(),
                                path -> path == null || path.equals("sessionId") ? "form-level"
                                        : JobPageAnswers.lastPart(path), locale));
                        return showEmployer(officer, employerId, model);
                    });
        }));
    }

    // ------------------------------------------------------------------ the open-vacancy search

    @GetMapping("/vacancies")
    Mono<String> vacancies(@RequestParam(name = "occupation", required = false) String occupation,
                           @RequestParam(name = "area", required = false) String area,
                           @RequestParam(name = "minWage", required = false) String minWage,
                           @RequestParam(name = "form", required = false) String form,
                           Model model, Locale locale) {
        return page.signedIn(model).flatMap(officer -> {
            Map<String, String> errors = new LinkedHashMap<>();
            String occupationFilter = FormFields.text(occupation);
            String areaFilter = FormFields.text(area);
            if (areaFilter != null && !agencies.exists(areaFilter)) {
                errors.put("area", FormFields.INVALID);
            }
            Integer wageFilter = FormFields.text(minWage) == null ? null
                    : whole(minWage, "minWage", 0, MAX_WAGE, errors);
            EmploymentForm formFilter = FormFields.text(form) == null ? null
                    : FormFields.choice(form, EmploymentForm.class, "form", errors);
            Map<String, String> filter = new LinkedHashMap<>();
            filter.put("occupation", occupationFilter);
            filter.put("area", areaFilter);
            filter.put("minWage", FormFields.text(minWage));
            filter.put("form", FormFields.text(form));
            model.addAttribute("filter", filter);
            model.addAttribute("errors", answers.texts(errors, locale));
            model.addAttribute("areas", agencies.all());
            model.addAttribute("forms", EmploymentForm.values());
            model.addAttribute("mayMatch", officer.has(Role.CASEWORKER) || officer.has(Role.AUDITOR));
            if (!errors.isEmpty()) {
                model.addAttribute("lines", List.of());
                model.addAttribute("more", false);
                return Mono.just("employers/vacancies");
            }
            return queries.query(new FindOpenVacanciesQuery(occupationFilter, areaFilter, wageFilter, formFilter,
                            VACANCY_LINES), OpenVacanciesView.class)
                    .map(view -> {
                        model.addAttribute("lines", view.vacancies().stream()
                                .map(line -> new VacancyLineRow(line, agencyName(line.areaAgencyId()))).toList());
                        model.addAttribute("more", view.more());
                        return "employers/vacancies";
                    });
        });
    }

    /** An open vacancy of the search, with the name of the area it is in. */
    record VacancyLineRow(VacancyLine line, String areaName) {
    }

    // ------------------------------------------------------------------ job seekers for a vacancy, and referring one

    @GetMapping("/employers/{employerId}/vacancies/{vacancyId}/matches")
    Mono<String> matches(@PathVariable String employerId, @PathVariable String vacancyId,
                         @RequestParam(name = "done", required = false) String done,
                         @RequestParam(name = "refused", required = false) String refused,
                         @RequestParam(name = "rule", required = false) String rule,
                         Model model, Locale locale) {
        return page.signedIn(model).flatMap(officer -> {
            outcome(model, done, refused, rule, "vacancy.", locale);
            return employer(employerId)
                    .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)))
                    .flatMap(view -> {
                        VacancyView vacancy = view.vacancies().stream()
                                .filter(candidate -> candidate.vacancyId().equals(vacancyId)).findFirst()
                                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
                        model.addAttribute("employer", view);
                        model.addAttribute("vacancy", vacancy);
                        model.addAttribute("areaName", agencyName(vacancy.areaAgencyId()));
                        boolean open = vacancy.status() == VacancyStatus.PUBLISHED;
                        return queries.query(new FindCandidateMatchesQuery(employerId, vacancyId, MATCHES_ASKED),
                                        CandidateMatchesView.class)
                                .map(CandidateMatchesView::matches)
                                .defaultIfEmpty(List.of())
                                .map(found -> {
                                    model.addAttribute("candidates", found.stream()
                                            .filter(match -> officer.has(Role.AUDITOR)
                                                    || rules.mayListPeopleOf(officer, match.agencyId()))
                                            .limit(MATCHES_SHOWN)
                                            .map(match -> Candidate.of(match, agencyName(match.agencyId()),
                                                    open && rules.mayChangeCaseOf(officer, match.agencyId()), newId()))
                                            .toList());
                                    return "employers/matches";
                                });
                    });
        });
    }

    /**
     * A ranked job seeker as the page shows them: masked, with the agency's name, whether this officer
     * may refer them (a caseworker of the person's agency, or above it) and the ID a referral from this
     * row will carry (made when the page is shown, so that a form sent twice refers once).
     */
    record Candidate(String caseId, MaskedPerson person, String agencyName, BasicInformation basics,
                     JobIntentions intentions, int score, List<MatchReason> reasons, boolean mayRefer,
                     String referralId) {

        static Candidate of(CandidateMatch match, String agencyName, boolean mayRefer, String referralId) {
            return new Candidate(match.caseId(), MaskedPerson.of(match.person()), agencyName, match.basics(),
                    match.intentions(), match.score(), match.reasons(), mayRefer, referralId);
        }
    }

    /** Refers the person to the vacancy (推荐就业, JOB-4) under the referral ID the page made, at the edge. */
    @PostMapping(value = "/employers/{employerId}/vacancies/{vacancyId}/referrals",
                 consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> refer(@PathVariable String employerId, @PathVariable String vacancyId, ServerWebExchange exchange,
                       Model model) {
        return exchange.getFormData().flatMap(form -> page.signedIn(model).flatMap(officer -> {
            String caseId = FormFields.text(form.getFirst("caseId"));
            String back = "/employers/" + employerId + "/vacancies/" + vacancyId + "/matches";
            if (caseId == null) {
                return Mono.just("redirect:" + with(back, null, "INPUT", "CASE_MISSING"));
            }
            LocalDate today = today();
            String issued = FormFields.text(form.getFirst("referralId"));
            String referralId = issued != null && issued.matches(ISSUED_ID) ? issued : newId();
            return commands.send(new ReferJobSeekerCommand(caseId, referralId, employerId, vacancyId, null, today, today),
                            officer, Channel.BACK_OFFICE)
                    .thenReturn("redirect:" + with(back, "vacancy.done.referred", null, null))
                    .onErrorResume(PageCommands.Refused.class, refused -> Mono.just("redirect:" + with(back, null,
                            refused.violation().ruleId(), refused.violation().code())));
        }));
    }

    // ------------------------------------------------------------------ helpers

    private Mono<EmployerView> employer(String employerId) {
        return queries.query(new FindEmployerQuery(employerId), EmployerView.class);
    }

    /** Changes to an employer: a caseworker of its area's agency or one above it. */
    private boolean mayAct(Officer officer, String areaAgencyId) {
        return officer.has(Role.CASEWORKER) && agencies.covers(officer.agencyId(), areaAgencyId);
    }

    /**
     * The outcome of the action that sent the officer here: a sentence of ours for what was done, or
     * the rule that refused it. Only our own keys are shown, whatever the address says.
     */
    private void outcome(Model model, String done, String refused, String rule, String prefix, Locale locale) {
        if (done != null && (done.startsWith("employer.done.") || done.startsWith("vacancy.done."))) {
            model.addAttribute("done", answers.text(done, locale));
        }
        if (refused != null && refused.matches("[A-Z_]{1,60}")) {
            model.addAttribute("refused", answers.refusal(prefix, rule != null && rule.matches("[A-Z0-9-]{1,12}")
                    ? rule : null, refused, locale));
        }
    }

    private static String employerPath(String employerId, String done) {
        return with("/employers/" + employerId, done, null, null);
    }

    private static String refusedPath(String employerId, String rule, String code) {
        return with("/employers/" + employerId, null, rule, code);
    }

    static String with(String path, String done, String rule, String code) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        if (done != null) {
            uri.queryParam("done", done);
        }
        if (code != null) {
            uri.queryParam("refused", code);
            if (rule != null) {
                uri.queryParam("rule", rule);
            }
        }
        return uri.build().encode().toUriString();
    }

    private String agencyName(String agencyId) {
        return agencies.find(agencyId).map(Agency::name).orElse(agencyId);
    }

    /** An agency the officer covers, chosen from the form's list. */
    private String area(MultiValueMap<String, String> form, String field, Map<String, String> errors) {
        String value = FormFields.text(form.getFirst(field));
        if (value == null) {
            errors.put(field, FormFields.MISSING);
        } else if (!agencies.exists(value)) {
            errors.put(field, FormFields.INVALID);
        }
        return value;
    }

    private static String required(MultiValueMap<String, String> form, String field, Map<String, String> errors) {
        String value = FormFields.text(form.getFirst(field));
        if (value == null) {
            errors.put(field, FormFields.MISSING);
        }
        return value;
    }

    private static Integer whole(String given, String field, int min, int max, Map<String, String> errors) {
        String value = FormFields.text(given);
        if (value == null) {
            errors.put(field, FormFields.MISSING);
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // noted below, as a number out of range is
        }
        errors.put(field, FormFields.INVALID);
        return null;
    }

    private String newId() {
        return TimeOrderedId.next(clock.millis(), random);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PageQueries.AGENCY_ZONE));
    }
}
