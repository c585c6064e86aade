package cn.pes.casework.web;

import cn.pes.casework.events.employer.EmploymentForm;
import cn.pes.casework.events.jobseeking.BasicInformation;
import cn.pes.casework.events.jobseeking.EducationLevel;
import cn.pes.casework.events.jobseeking.FindPendingJobSeekingReviewsQuery;
import cn.pes.casework.events.jobseeking.GuidanceTopic;
import cn.pes.casework.events.jobseeking.JobIntentions;
import cn.pes.casework.events.jobseeking.JobSeekingProfileView;
import cn.pes.casework.events.jobseeking.JobSeekingStatus;
import cn.pes.casework.events.jobseeking.PendingJobSeekingReview;
import cn.pes.casework.events.jobseeking.PendingJobSeekingReviewsView;
import cn.pes.casework.events.jobseeking.PublishJobSeekingCommand;
import cn.pes.casework.events.jobseeking.RecordCareerGuidanceCommand;
import cn.pes.casework.events.jobseeking.RegisterJobSeekingCommand;
import cn.pes.casework.events.jobseeking.RejectJobSeekingCommand;
import cn.pes.casework.events.jobseeking.UpdateJobIntentionsCommand;
import cn.pes.casework.events.registration.PresentedDocument;
import cn.pes.casework.events.shared.Channel;
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

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Job-seeking registration in the browser (求职登记, JOB-2) and career guidance (职业指导, JOB-1): from
 * the case page a caseworker registers the person as a job seeker with the identity document verified,
 * basic information and job intentions, changes the intentions, and records guidance sessions; the
 * agency reviews and publishes registrations within a working day from its list of pending reviews.
 * The same commands as the API; the case's refusals answer at their fields.
 */
@Controller
class JobSeekingPages {

    private static final Set<String> REGISTRATION_FIELDS = Set.of("identityDocument", "education",
            "yearsOfExperience", "skills", "occupations", "expectedMonthlyWageYuan", "areaAgencyId", "forms",
            "receivedOn");
    private static final Set<String> INTENTION_FIELDS = Set.of("occupations", "expectedMonthlyWageYuan",
            "areaAgencyId", "forms");
    private static final Set<String> GUIDANCE_FIELDS = Set.of("topic", "notes", "followUp", "heldOn");

    private final PageCommands commands;
    private final PageModel page;
    private final AgencyDirectory agencies;
    private final AccessRules rules;
    private final JobSeekingForms forms;

    JobSeekingPages(PageCommands commands, PageModel page, AgencyDirectory agencies,
                    AccessRules rules, JobSeekingForms forms) {
        this.commands = commands;
        this.page = page;
        this.agencies = agencies;
        this.rules = rules;
        this.forms = forms;
    }

    // ------------------------------------------------------------------ registration, from the case

    @GetMapping("/cases/{caseId}/job-seeking/new")
    Mono<String> registrationForm(@PathVariable String caseId, Model model) {
        return page.signedIn(model).flatMap(officer -> forms.caseToChange(caseId, officer)).map(view -> {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("jobSeekingId", forms.newId());
            form.put("receivedOn", forms.today().toString());
            form.put("areaAgencyId", view.agencyId());
            model.addAttribute("form", form);
            model.addAttribute("selectedForms", List.of(EmploymentForm.FULL_TIME.name()));
            model.addAttribute("errors", Map.of());
            registrationOptions(model, caseId);
            return "jobseeking/register";
        });
    }

    @PostMapping(value = "/cases/{caseId}/job-seeking/new", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> register(@PathVariable String caseId, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> page.signedIn(model).flatMap(officer -> {
            registrationOptions(model, caseId);
            Map<String, String> values = new LinkedHashMap<>(form.toSingleValueMap());
            values.put("jobSeekingId", forms.issuedId(form.getFirst("jobSeekingId")));
            model.addAttribute("form", values);
            model.addAttribute("selectedForms", form.getOrDefault("forms", List.of()));
            Map<String, String> errors = new LinkedHashMap<>();
            // No document chosen is the case's to refuse (JOB-2: identity verified), in its own words.
            PresentedDocument document = FormFields.text(form.getFirst("identityDocument")) == null ? null
                    : FormFields.choice(form.getFirst("identityDocument"), PresentedDocument.class, "identityDocument",
                    errors);
            EducationLevel education = FormFields.choice(form.getFirst("education"), EducationLevel.class,
                    "education", errors);
            Integer years = JobSeekingForms.wholeNumber(form.getFirst("yearsOfExperience"), "yearsOfExperience",
                    errors);
            String skills = FormFields.text(form.getFirst("skills"));
            JobIntentions intentions = forms.intentions(form, errors);
            LocalDate receivedOn = FormFields.date(form.getFirst("receivedOn"), "receivedOn", errors, true);
            if (!errors.isEmpty()) {
                model.addAttribute("errors", forms.texts(errors, exchange));
                return Mono.just("jobseeking/register");
            }
            RegisterJobSeekingCommand command = new RegisterJobSeekingCommand(caseId, values.get("jobSeekingId"),
                    document, new BasicInformation(education, years, skills), intentions, receivedOn, forms.today());
            return commands.send(command, officer, Channel.BACK_OFFICE)
                    .thenReturn("redirect:/cases/" + caseId)
                    .onErrorResume(PageCommands.Refused.class, refused -> {
                        model.addAttribute("errors", forms.refusals(refused.violation(), REGISTRATION_FIELDS, exchange));
                        return Mono.just("jobseeking/register");
                    });
        }));
    }

    private void registrationOptions(Model model, String caseId) {
        model.addAttribute("caseId", caseId);
        model.addAttribute("documents", PresentedDocument.values());
        model.addAttribute("educations", EducationLevel.values());
        model.addAttribute("employmentForms", EmploymentForm.values());
        model.addAttribute("areas", agencies.all());
    }

    // ------------------------------------------------------------------ intentions (求职意向变更)

    @GetMapping("/cases/{caseId}/job-seeking/intentions")
    Mono<String> intentionsForm(@PathVariable String caseId, Model model) {
        return page.signedIn(model).flatMap(officer -> forms.caseToChange(caseId, officer))
                .flatMap(view -> forms.profile(caseId))
                .filter(JobSeekingPages::open)
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .map(profile -> {
                    JobIntentions intentions = profile.intentions();
                    Map<String, String> form = new LinkedHashMap<>();
                    form.put("jobSeekingId", profile.jobSeekingId());
                    form.put("occupations", String.join("、", intentions.occupations()));
                    form.put("expectedMonthlyWageYuan", String.valueOf(intentions.expectedMonthlyWageYuan()));
                    form.put("areaAgencyId", intentions.areaAgencyId());
                    model.addAttribute("form", form);
                    model.addAttribute("selectedForms", intentions.forms().stream().map(Enum::name).toList());
                    model.addAttribute("errors", Map.of());
                    registrationOptions(model, caseId);
                    return "jobseeking/intentions";
                });
    }

    @PostMapping(value = "/cases/{caseId}/job-seeking/intentions",
                 consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> changeIntentions(@PathVariable String caseId, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> page.signedIn(model).flatMap(officer -> {
            registrationOptions(model, caseId);
            model.addAttribute("form", form.toSingleValueMap());
            model.addAttribute("selectedForms", form.getOrDefault("forms", List.of()));
            Map<String, String> errors = new LinkedHashMap<>();
            JobIntentions intentions = forms.intentions(form, errors);
            String jobSeekingId = FormFields.text(form.getFirst("jobSeekingId"));
            if (jobSeekingId == null) {
                errors.put("form", FormFields.MISSING);
            }
            if (!errors.isEmpty()) {
                model.addAttribute("errors", forms.texts(errors, exchange));
                return Mono.just("jobseeking/intentions");
            }
            return commands.send(new UpdateJobIntentionsCommand(caseId, jobSeekingId, intentions, forms.today()),
                            officer, Channel.BACK_OFFICE)
                    .thenReturn("redirect:/cases/" + caseId)
                    .onErrorResume(PageCommands.Refused.class, refused -> {
                        model.addAttribute("errors", forms.refusals(refused.violation(), INTENTION_FIELDS, exchange));
                        return Mono.just("jobseeking/intentions");
                    });
        }));
    }

    private static boolean open(JobSeekingProfileView profile) {
        return profile.status() == JobSeekingStatus.PENDING_REVIEW || profile.status() == JobSeekingStatus.PUBLISHED;
    }

    // ------------------------------------------------------------------ career guidance (职业指导, JOB-1)

    @GetMapping("/cases/{caseId}/guidance/new")
    Mono<String> guidanceForm(@PathVariable String caseId, Model model) {
        return page.signedIn(model).flatMap(officer -> forms.caseToChange(caseId, officer)).map(view -> {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("sessionId", forms.newId());
            form.put("heldOn", forms.today().toString());
            model.addAttribute("form", form);
            model.addAttribute("errors", Map.of());
            guidanceOptions(model, caseId);
            return "jobseeking/guidance";
        });
    }

    @PostMapping(value = "/cases/{caseId}/guidance/new", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> recordGuidance(@PathVariable String caseId, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> page.signedIn(model).flatMap(officer -> {
            guidanceOptions(model, caseId);
            Map<String, String> values = new LinkedHashMap<>(form.toSingleValueMap());
            values.put("sessionId", forms.issuedId(form.getFirst("sessionId")));
            model.addAttribute("form", values);
            Map<String, String> errors = new LinkedHashMap<>();
            GuidanceTopic topic = FormFields.choice(form.getFirst("topic"), GuidanceTopic.class, "topic", errors);
            String notes = FormFields.text(form.getFirst("notes"));
            if (notes == null) {
                errors.put("notes", FormFields.MISSING);
            }
            LocalDate heldOn = FormFields.date(form.getFirst("heldOn"), "heldOn", errors, true);
            if (!errors.isEmpty()) {
                model.addAttribute("errors", forms.texts(errors, exchange));
                return Mono.just("jobseeking/guidance");
            }
            RecordCareerGuidanceCommand command = new RecordCareerGuidanceCommand(caseId, values.get("sessionId"),
                    topic, notes, FormFields.text(form.getFirst("followUp")), heldOn, forms.today());
            return commands.send(command, officer, Channel.BACK_OFFICE)
                    .thenReturn("redirect:/cases/" + caseId)
                    .onErrorResume(PageCommands.Refused.class, refused -> {
                        model.addAttribute("errors", forms.refusals(refused.violation(), GUIDANCE_FIELDS, exchange));
                        return Mono.just("jobseeking/guidance");
                    });
        }));
    }

    private void guidanceOptions(Model model, String caseId) {
        model.addAttribute("caseId", caseId);
        model.addAttribute("topics", GuidanceTopic.values());
    }

    // ------------------------------------------------------------------ the agency's pending reviews

    @GetMapping("/job-seeking/reviews")
    Mono<String> pendingReviews(@RequestParam(name = "agency", required = false) String agency,
                                @RequestParam(name = "done", required = false) String done,
                                @RequestParam(name = "refused", required = false) String refused,
                                @RequestParam(name = "rule", required = false) String rule,
                                ServerWebExchange exchange, Model model) {
        return page.signedIn(model).flatMap(officer -> {
            String agencyId = agency == null || agency.isBlank() ? officer.agencyId() : agency;
            if (agencies.find(agencyId).isEmpty() || !(officer.has(Role.AUDITOR) || officer.has(Role.REVIEWER)
                    || agencies.covers(officer.agencyId(), agencyId))) {
                return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
            }
            LocalDate today = forms.today();
            model.addAttribute("agencyId", agencyId);
            model.addAttribute("agencyChoices", agencyChoices(officer));
            model.addAttribute("today", today);
            model.addAttribute("done", done == null ? null : forms.texts(Map.of("done", "jobseeking.done." + done),
                    exchange).get("done"));
            model.addAttribute("refused", refused == null ? null : forms.refusal(rule, refused, exchange));
            return forms.query(new FindPendingJobSeekingReviewsQuery(agencyId, today),
                            PendingJobSeekingReviewsView.class)
                    .map(PendingJobSeekingReviewsView::reviews)
                    .defaultIfEmpty(List.of())
                    .map(reviews -> {
                        model.addAttribute("reviews", reviews.stream()
                                .map(review -> ReviewRow.of(review, rules.mayChangeCaseOf(officer, review.agencyId())))
                                .toList());
                        model.addAttribute("agencyNames", agencyNames());
                        return "jobseeking/reviews";
                    });
        });
    }

    /** Publish or reject one registration from its row; back to the list with the outcome. */
    @PostMapping(value = "/job-seeking/reviews/{caseId}/{jobSeekingId}/{action:publication|rejection}",
                 consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> decide(@PathVariable String caseId, @PathVariable String jobSeekingId, @PathVariable String action,
                        ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> page.signedIn(model).flatMap(officer -> {
            String agencyId = FormFields.text(form.getFirst("agency"));
            String reason = FormFields.text(form.getFirst("reason"));
            Object command = "publication".equals(action)
                    ? new PublishJobSeekingCommand(caseId, jobSeekingId, forms.today())
                    : reason == null ? null : new RejectJobSeekingCommand(caseId, jobSeekingId, reason, forms.today());
            if (command == null) {
                return Mono.just("redirect:" + back(agencyId, null, "REASON_MISSING", "JOB-2"));
            }
            return commands.send(command, officer, Channel.BACK_OFFICE)
                    .thenReturn("redirect:" + back(agencyId, action, null, null))
                    .onErrorResume(PageCommands.Refused.class, refused -> Mono.just("redirect:" + back(agencyId,
                            null, refused.violation().code(), refused.violation().ruleId())));
        }));
    }

    private static String back(String agencyId, String done, String refused, String rule) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/job-seeking/reviews");
        if (agencyId != null) {
            uri.queryParam("agency", agencyId);
        }
        if (done != null) {
            uri.queryParam("done", done);
        }
        if (refused != null) {
            uri.queryParam("refused", refused).queryParam("rule", rule);
        }
        return uri.toUriString();
    }

    private List<Agency> agencyChoices(Officer officer) {
        return officer.has(Role.AUDITOR) || officer.has(Role.REVIEWER) ? agencies.all()
                : agencies.coveredBy(officer.agencyId());
    }

    private Map<String, String> agencyNames() {
        Map<String, String> names = new LinkedHashMap<>();
        agencies.all().forEach(agency -> names.put(agency.id(), agency.name()));
        return names;
    }

    /** A pending registration with its person masked for the page, and whether this officer decides it. */
    record ReviewRow(PendingJobSeekingReview review, MaskedPerson person, boolean mayDecide) {

        static ReviewRow of(PendingJobSeekingReview review, boolean mayDecide) {
            return new ReviewRow(review, MaskedPerson.of(review.person()), mayDecide);
        }
    }
}
