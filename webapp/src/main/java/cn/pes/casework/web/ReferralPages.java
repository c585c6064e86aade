package cn.pes.casework.web;

import cn.pes.casework.events.cancellation.ConfirmCancellationProposalCommand;
import cn.pes.casework.events.cancellation.DismissCancellationProposalCommand;
import cn.pes.casework.events.cancellation.Notification;
import cn.pes.casework.events.casefile.CaseView;
import cn.pes.casework.events.jobseeking.JobSeekingProfileView;
import cn.pes.casework.events.jobseeking.RecordReferralOutcomeCommand;
import cn.pes.casework.events.jobseeking.ReferJobSeekerCommand;
import cn.pes.casework.events.jobseeking.ReferralOutcome;
import cn.pes.casework.events.jobseeking.ReferralView;
import cn.pes.casework.events.matching.FindVacancyMatchesQuery;
import cn.pes.casework.events.matching.VacancyMatch;
import cn.pes.casework.events.matching.VacancyMatchesView;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.security.Officer;
import cn.pes.casework.security.agency.AgencyDirectory;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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
 * Job recommendation and its follow-up in the browser (推荐就业与回访, JOB-4, JOB-6): open vacancies
 * ranked for the person with the reason for every point, a referral with one click, the outcome of
 * each referral (a hire ends the registration), and the cancellation an officer confirms or
 * dismisses after the third refusal without good reason (CAN-1, CAN-3).
 */
@Controller
class ReferralPages {

    /** As many as a caseworker reads through with the person at the counter. */
    private static final int MATCHES_SHOWN = 20;
    private static final Set<String> OUTCOME_FIELDS = Set.of("outcome", "note", "outcomeOn", "startDate");
    private static final Set<String> CONFIRM_FIELDS = Set.of("effectiveDate", "notificationMethod", "notifiedOn");
    private static final Set<String> DISMISS_FIELDS = Set.of("reason");

    private final PageCommands commands;
    private final PageModel page;
    private final AgencyDirectory agencies;
    private final JobSeekingForms forms;

    ReferralPages(PageCommands commands, PageModel page, AgencyDirectory agencies,
                  JobSeekingForms forms) {
        this.commands = commands;
        this.page = page;
        this.agencies = agencies;
        this.forms = forms;
    }

    // ------------------------------------------------------------------ matches and referral (推荐岗位)

    @GetMapping("/cases/{caseId}/vacancy-matches")
    Mono<String> matches(@PathVariable String caseId,
                         @RequestParam(name = "refused", required = false) String refused,
                         @RequestParam(name = "rule", required = false) String rule,
                         @RequestParam(name = "vacancy", required = false) String refusedVacancy,
                         ServerWebExchange exchange, Model model) {
        return page.signedIn(model).flatMap(officer -> forms.caseToRead(caseId, officer).flatMap(view -> {
            model.addAttribute("caseId", caseId);
            model.addAttribute("person", MaskedPerson.of(view.person()));
            model.addAttribute("mayRefer", forms.mayChange(officer, view));
            model.addAttribute("today", forms.today());
            model.addAttribute("agencyNames", agencyNames());
            model.addAttribute("refused", refused == null ? null : forms.refusal(rule, refused, exchange));
            model.addAttribute("refusedVacancy", refusedVacancy);
            return forms.profile(caseId).map(profile -> { model.addAttribute("profile", profile); return profile; })
                    .then(forms.query(new FindVacancyMatchesQuery(caseId, MATCHES_SHOWN), VacancyMatchesView.class)
                            .onErrorResume(NoHandlerForQueryException.class, e -> Mono.empty())
                            .map(VacancyMatchesView::matches)
                            .defaultIfEmpty(List.of()))
                    .map(found -> {
                        // Each offer carries its own referral id, so that a second click records it once.
                        model.addAttribute("matches", found.stream()
                                .map(match -> new MatchRow(match, forms.newId())).toList());
                        return "jobseeking/matches";
                    });
        }));
    }

    @PostMapping(value = "/cases/{caseId}/referrals", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> refer(@PathVariable String caseId, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> page.signedIn(model).flatMap(officer -> {
            String employerId = FormFields.text(form.getFirst("employerId"));
            String vacancyId = FormFields.text(form.getFirst("vacancyId"));
            if (employerId == null || vacancyId == null) {
                return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST));
            }
            Map<String, String> errors = new LinkedHashMap<>();
            LocalDate referredOn = FormFields.date(form.getFirst("referredOn"), "referredOn", errors, false);
            if (!errors.isEmpty()) {
                return Mono.just("redirect:" + matchesPage(caseId, "INVALID_DATE", "INPUT", vacancyId));
            }
            LocalDate today = forms.today();
            ReferJobSeekerCommand command = new ReferJobSeekerCommand(caseId,
                    forms.issuedId(form.getFirst("referralId")), employerId, vacancyId,
                    FormFields.text(form.getFirst("fairId")), referredOn == null ? today : referredOn, today);
            return commands.send(command, officer, Channel.BACK_OFFICE)
                    .thenReturn("redirect:/cases/" + caseId + "#job-seeking")
                    .onErrorResume(PageCommands.Refused.class, refused -> Mono.just("redirect:" + matchesPage(caseId,
                            refused.violation().code(), refused.violation().ruleId(), vacancyId)));
        }));
    }

    private static String matchesPage(String caseId, String refused, String rule, String vacancyId) {
        return UriComponentsBuilder.fromPath("/cases/{caseId}/vacancy-matches").queryParam("refused", refused)
                .queryParam("rule", rule).queryParam("vacancy", vacancyId).buildAndExpand(caseId).toUriString();
    }

    // ------------------------------------------------------------------ follow-up (推荐回访)

    @GetMapping("/cases/{caseId}/referrals/{referralId}/outcome")
    Mono<String> outcomeForm(@PathVariable String caseId, @PathVariable String referralId, Model model) {
        return page.signedIn(model).flatMap(officer -> referral(caseId, referralId, officer)).map(referral -> {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("outcomeOn", forms.today().toString());
            outcomeOptions(model, caseId, referral);
            model.addAttribute("form", form);
            model.addAttribute("errors", Map.of());
            return "jobseeking/outcome";
        });
    }

    @PostMapping(value = "/cases/{caseId}/referrals/{referralId}/outcome",
                 consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> recordOutcome(@PathVariable String caseId, @PathVariable String referralId,
                               ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> page.signedIn(model)
                .flatMap(officer -> referral(caseId, referralId, officer).flatMap(referral -> {
                    outcomeOptions(model, caseId, referral);
                    model.addAttribute("form", form.toSingleValueMap());
                    Map<String, String> errors = new LinkedHashMap<>();
                    ReferralOutcome outcome = FormFields.choice(form.getFirst("outcome"), ReferralOutcome.class,
                            "outcome", errors);
                    LocalDate outcomeOn = FormFields.date(form.getFirst("outcomeOn"), "outcomeOn", errors, true);
                    LocalDate startDate = FormFields.date(form.getFirst("startDate"), "startDate", errors,
                            outcome == ReferralOutcome.HIRED);
                    String note = FormFields.text(form.getFirst("note"));
                    if (!errors.isEmpty()) {
                        model.addAttribute("errors", forms.texts(errors, exchange));
                        return Mono.just("jobseeking/outcome");
                    }
                    RecordReferralOutcomeCommand command = new RecordReferralOutcomeCommand(caseId, referralId, outcome,
                            note, outcomeOn, outcome == ReferralOutcome.HIRED ? startDate : null, forms.today());
                    return commands.send(command, officer, Channel.BACK_OFFICE)
                            .thenReturn("redirect:/cases/" + caseId + "#job-seeking")
                            .onErrorResume(PageCommands.Refused.class, refused -> {
                                model.addAttribute("errors",
                                        forms.refusals(refused.violation(), OUTCOME_FIELDS, exchange));
                                return Mono.just("jobseeking/outcome");
                            });
                })));
    }

    /** The referral in the person's profile, for an officer who may change the case. */
    private Mono<ReferralView> referral(String caseId, String referralId, Officer officer) {
        return forms.caseToChange(caseId, officer)
                .flatMap(view -> forms.profile(caseId))
                .flatMap(profile -> Mono.justOrEmpty(profile.referrals().stream()
                        .filter(referral -> referral.referralId().equals(referralId)).findFirst()))
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    private void outcomeOptions(Model model, String caseId, ReferralView referral) {
        model.addAttribute("caseId", caseId);
        model.addAttribute("referral", referral);
        model.addAttribute("outcomes", ReferralOutcome.values());
        model.addAttribute("agencyNames", agencyNames());
    }

    // ------------------------------------------------------------------ cancellation proposal (CAN-3)

    @GetMapping("/cases/{caseId}/cancellation-proposals/{proposalId}")
    Mono<String> proposal(@PathVariable String caseId, @PathVariable String proposalId, Model model) {
        return page.signedIn(model).flatMap(officer -> openProposal(caseId, proposalId, officer)).map(found -> {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("effectiveDate", forms.today().toString());
            form.put("notifiedOn", forms.today().toString());
            proposalOptions(model, caseId, proposalId, found);
            model.addAttribute("form", form);
            model.addAttribute("errors", Map.of());
            return "jobseeking/proposal";
        });
    }

    @PostMapping(value = "/cases/{caseId}/cancellation-proposals/{proposalId}/{decision:confirmation|dismissal}",
                 consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> decideProposal(@PathVariable String caseId, @PathVariable String proposalId,
                                @PathVariable String decision, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> page.signedIn(model)
                .flatMap(officer -> openProposal(caseId, proposalId, officer).flatMap(found -> {
                    proposalOptions(model, caseId, proposalId, found);
                    model.addAttribute("form", form.toSingleValueMap());
                    Map<String, String> errors = new LinkedHashMap<>();
                    Object command;
                    Set<String> fields;
                    if ("confirmation".equals(decision)) {
                        LocalDate effectiveDate = FormFields.date(form.getFirst("effectiveDate"), "effectiveDate",
                                errors, true);
                        Notification.NotificationMethod method = FormFields.choice(form.getFirst("notificationMethod"),
                                Notification.NotificationMethod.class, "notificationMethod", errors);
                        LocalDate notifiedOn = FormFields.date(form.getFirst("notifiedOn"), "notifiedOn", errors, true);
                        command = new ConfirmCancellationProposalCommand(caseId, proposalId, effectiveDate,
                                new Notification(method, notifiedOn), forms.today());
                        fields = CONFIRM_FIELDS;
                    } else {
                        String reason = FormFields.text(form.getFirst("reason"));
                        if (reason == null) {
                            errors.put("reason", FormFields.MISSING);
                        }
                        command = new DismissCancellationProposalCommand(caseId, proposalId, reason, forms.today());
                        fields = DISMISS_FIELDS;
                    }
                    if (!errors.isEmpty()) {
                        model.addAttribute("errors", forms.texts(errors, exchange));
                        return Mono.just("jobseeking/proposal");
                    }
                    return commands.send(command, officer, Channel.BACK_OFFICE)
                            .thenReturn("redirect:/cases/" + caseId)
                            .onErrorResume(PageCommands.Refused.class, refused -> {
                                Map<String, String> shown = forms.refusals(refused.violation(), fields, exchange);
                                model.addAttribute("errors", shown);
                                return Mono.just("jobseeking/proposal");
                            });
                })));
    }

    /** The case and its profile while the proposal is still open, for an officer who may change the case. */
    private Mono<Proposal> openProposal(String caseId, String proposalId, Officer officer) {
        return forms.caseToChange(caseId, officer)
                .flatMap(view -> forms.profile(caseId).map(profile -> new Proposal(view, profile)))
                .filter(found -> proposalId.equals(found.profile().openProposalId()))
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    private void proposalOptions(Model model, String caseId, String proposalId, Proposal found) {
        model.addAttribute("caseId", caseId);
        model.addAttribute("proposalId", proposalId);
        model.addAttribute("person", MaskedPerson.of(found.view().person()));
        model.addAttribute("profile", found.profile());
        model.addAttribute("refusedReferrals", found.profile().referrals().stream()
                .filter(r -> r.outcome() == ReferralOutcome.REFUSED_WITHOUT_GOOD_REASON).toList());
        model.addAttribute("notifications", Notification.NotificationMethod.values());
        model.addAttribute("agencyNames", agencyNames());
    }

    private Map<String, String> agencyNames() {
        Map<String, String> names = new LinkedHashMap<>();
        agencies.all().forEach(agency -> names.put(agency.id(), agency.name()));
        return names;
    }

    record Proposal(CaseView view, JobSeekingProfileView profile) {
    }

    /** A ranked vacancy and the id a referral to it will carry. */
    record MatchRow(VacancyMatch match, String referralId) {
    }
}
