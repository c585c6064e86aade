package cn.pes.casework.web;

import cn.pes.casework.events.employer.EmployerView;
import cn.pes.casework.events.employer.FindEmployerQuery;
import cn.pes.casework.events.employer.VacancyStatus;
import cn.pes.casework.events.employer.VacancyView;
import cn.pes.casework.events.fair.CloseRecruitmentFairCommand;
import cn.pes.casework.events.fair.EnrolFairEmployerCommand;
import cn.pes.casework.events.fair.FairFormat;
import cn.pes.casework.events.fair.FairParticipant;
import cn.pes.casework.events.fair.FindRecruitmentFairQuery;
import cn.pes.casework.events.fair.FindRecruitmentFairsQuery;
import cn.pes.casework.events.fair.InviteToFairCommand;
import cn.pes.casework.events.fair.PlanRecruitmentFairCommand;
import cn.pes.casework.events.fair.RecordFairAttendanceCommand;
import cn.pes.casework.events.fair.RecruitmentFairLine;
import cn.pes.casework.events.fair.RecruitmentFairView;
import cn.pes.casework.events.fair.RecruitmentFairsView;
import cn.pes.casework.events.jobseeking.ReferJobSeekerCommand;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.TimeOrderedId;
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
import reactor.core.publisher.Mono;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Recruitment fairs for unemployed persons (招聘会, JOB-5) in the browser: the agency's fairs by month
 * and a form to plan one; a fair's page with its employers and vacancies, the people invited and
 * attending (masked), its results, and the actions of a fair — enrol an employer with published
 * vacancies, invite a person by case, record attendance, refer a person there to a vacancy offered at
 * the fair (推荐就业 at the fair, JOB-4), close it once held.
 * <p>
 * A fair is seen by the organising agency and those above it (and auditors); elsewhere it answers 404.
 */
@Controller
class FairPages {

    private final PageCommands commands;
    private final PageQueries queries;
    private final PageModel page;
    private final AgencyDirectory agencies;
    private final JobPageAnswers answers;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private static final String OFFER_SEPARATOR = "/";
    private static final String ISSUED_ID = "[0-9a-f-]{36}";

    FairPages(PageCommands commands, PageQueries queries, PageModel page, AgencyDirectory agencies,
              JobPageAnswers answers, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.page = page;
        this.agencies = agencies;
        this.answers = answers;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ the list and planning a fair

    /** The fairs of the officer's agency and those it covers; {@code ?month=} narrows to a month. */
    @GetMapping("/fairs")
    Mono<String> fairs(@RequestParam(name = "month", required = false) String month, Model model) {
        YearMonth filter = FormFields.text(month) == null ? null : queries.month(month);
        return page.signedIn(model).flatMap(officer -> {
            model.addAttribute("month", filter);
            model.addAttribute("mayPlan", officer.has(Role.CASEWORKER));
            model.addAttribute("formats", FairFormat.values());
            if (!model.containsAttribute("form")) {
                model.addAttribute("form", Map.of("heldOn", today().toString()));
                model.addAttribute("errors", Map.of());
            }
            return queries.query(new FindRecruitmentFairsQuery(officer.agencyId(), filter), RecruitmentFairsView.class)
                    .map(RecruitmentFairsView::fairs)
                    .defaultIfEmpty(List.of())
                    .map(found -> {
                        model.addAttribute("fairs", found.stream()
                                .map(line -> new FairRow(line, agencyName(line.organiserAgencyId()))).toList());
                        return "fairs/fairs";
                    });
        });
    }

    /** A fair of the list, with its organiser's name. */
    record FairRow(RecruitmentFairLine fair, String organiserName) {
    }

    @PostMapping(value = "/fairs", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> plan(ServerWebExchange exchange, Model model, Locale locale) {
        return exchange.getFormData().flatMap(form -> page.signedIn(model).flatMap(officer -> {
            model.addAttribute("form", form.toSingleValueMap());
            model.addAttribute("errors", Map.of());
            Map<String, String> errors = new LinkedHashMap<>();
            PlanRecruitmentFairCommand command = planCommand(form, officer, errors);
            if (!errors.isEmpty()) {
                model.addAttribute("errors", answers.texts(errors, locale));
                return fairs(null, model);
            }
            return commands.send(command, officer, Channel.BACK_OFFICE)
                    .then(answers.settled(() -> fair(command.fairId()), view -> true))
                    .thenReturn("redirect:" + EmployerPages.with("/fairs/" + command.fairId(), "fair.done.planned",
                            null, null))
                    .onErrorResume(PageCommands.Refused.class, refused -> {
                        model.addAttribute("errors", answers.refusals("fair.", refused.violation(),
                                path -> path == null || path.equals("fairId") || path.equals("organiserAgencyId")
                                        ? "form-level" : JobPageAnswers.lastPart(path), locale));
                        return fairs(null, model);
                    });
        }));
    }

    private PlanRecruitmentFairCommand planCommand(MultiValueMap<String, String> form, Officer officer,
                                                   Map<String, String> errors) {
        String title = FormFields.text(form.getFirst("title"));
        if (title == null) {
            errors.put("title", FormFields.MISSING);
        }
        FairFormat format = FormFields.choice(form.getFirst("format"), FairFormat.class, "format", errors);
        LocalDate heldOn = FormFields.date(form.getFirst("heldOn"), "heldOn", errors, true);
        String place = FormFields.text(form.getFirst("place"));
        if (place == null) {
            errors.put("place", FormFields.MISSING);
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new PlanRecruitmentFairCommand(newId(), title, format, heldOn, place,
                officer.agencyId(), today());
    }

    // ------------------------------------------------------------------ one fair

    /** {@code ?employer=} opens the enrolment of that employer with its published vacancies to choose from. */
    @GetMapping("/fairs/{fairId}")
    Mono<String> fairPage(@PathVariable String fairId,
                          @RequestParam(name = "employer", required = false) String employer,
                          @RequestParam(name = "done", required = false) String done,
                          @RequestParam(name = "refused", required = false) String refused,
                          @RequestParam(name = "rule", required = false) String rule,
                          Model model, Locale locale) {
        return page.signedIn(model).flatMap(officer -> {
            if (done != null && done.startsWith("fair.done.")) {
                model.addAttribute("done", answers.text(done, locale));
            }
            if (refused != null && refused.matches("[A-Z_]{1,60}")) {
                model.addAttribute("refused", answers.refusal("fair.",
                        rule != null && rule.matches("[A-Z0-9-]{1,12}") ? rule : null, refused, locale));
            }
            return fair(fairId)
                    .filter(view -> maySee(officer, view.fair().organiserAgencyId()))
                    .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)))
                    .flatMap(view -> {
                        RecruitmentFairLine line = view.fair();
                        model.addAttribute("fair", line);
                        model.addAttribute("organiserName", agencyName(line.organiserAgencyId()));
                        model.addAttribute("employers", view.employers());
                        model.addAttribute("participants", view.participants().stream()
                                .map(participant -> Participant.of(participant, newId())).toList());
                        model.addAttribute("offers", view.employers().stream()
                                .flatMap(enrolled -> enrolled.vacancies().stream().map(vacancy -> new Offer(
                                        enrolled.employerId() + OFFER_SEPARATOR + vacancy.vacancyId(),
                                        enrolled.employerName(), vacancy.occupation())))
                                .toList());
                        model.addAttribute("mayAct", mayAct(officer, line));
                        model.addAttribute("enrolId", FormFields.text(employer));
                        return enrolment(FormFields.text(employer), line, model, locale).thenReturn("fairs/fair");
                    });
        });
    }

    /** The employer being enrolled and its published vacancies, when one was asked for. */
    private Mono<Void> enrolment(String employerId, RecruitmentFairLine fair, Model model, Locale locale) {
        if (employerId == null || fair.closed()) {
            return Mono.empty();
        }
        return queries.query(new FindEmployerQuery(employerId), EmployerView.class)
                .doOnNext(view -> {
                    model.addAttribute("enrolEmployer", view);
                    List<VacancyView> published = view.vacancies().stream()
                            .filter(vacancy -> vacancy.status() == VacancyStatus.PUBLISHED).toList();
                    model.addAttribute("enrolVacancies", published);
                    if (published.isEmpty()) {
                        model.addAttribute("enrolError", answers.text("fair.noPublishedVacancies", locale));
                    }
                })
                .switchIfEmpty(Mono.fromRunnable(() ->
                        model.addAttribute("enrolError", answers.text("employer.notFound", locale))))
                .then();
    }

    /**
     * A person at the fair as the page shows them: masked, with the ID a referral from this row will
     * carry (made when the page is shown, so that a form sent twice refers once).
     */
    record Participant(String caseId, MaskedPerson person, LocalDate invitedOn, LocalDate attendedOn,
                       String referralId) {

        static Participant of(FairParticipant participant, String referralId) {
            return new Participant(participant.caseId(), MaskedPerson.of(participant.person()),
                    participant.invitedOn(), participant.attendedOn(), referralId);
        }
    }

    /** A vacancy offered at the fair, as a choice for a referral made there. */
    record Offer(String value, String employerName, String occupation) {
    }

    /** One action of the fair; back to its page with the outcome once the page can show it. */
    @PostMapping(value = "/fairs/{fairId}/{action}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> act(@PathVariable String fairId, @PathVariable String action, ServerWebExchange exchange,
                     Model model) {
        return exchange.getFormData().flatMap(form -> page.signedIn(model).flatMap(officer -> {
            LocalDate today = today();
            String caseId = FormFields.text(form.getFirst("caseId"));
            String employerId = FormFields.text(form.getFirst("employerId"));
            String back = "/fairs/" + fairId;
            Object command;
            Predicate<RecruitmentFairView> shows;
            switch (action) {
                case "employers" -> {
                    List<String> vacancyIds = form.getOrDefault("vacancyIds", List.of()).stream()
                            .map(FormFields::text).filter(Objects::nonNull).distinct().toList();
                    if (employerId == null || vacancyIds.isEmpty()) {
                        return Mono.just("redirect:" + EmployerPages.with(back, null, "INPUT", "VACANCIES_MISSING"));
                    }
                    command = new EnrolFairEmployerCommand(fairId, employerId, vacancyIds, today);
                    shows = view -> view.employers().stream()
                            .anyMatch(enrolled -> enrolled.employerId().equals(employerId));
                }
                case "invitations" -> {
                    if (caseId == null) {
                        return Mono.just("redirect:" + EmployerPages.with(back, null, "INPUT", "CASE_MISSING"));
                    }
                    command = new InviteToFairCommand(fairId, caseId, today);
                    shows = view -> view.participants().stream()
                            .anyMatch(p -> p.caseId().equals(caseId) && p.invitedOn() != null);
                }
                case "attendance" -> {
                    if (caseId == null) {
                        return Mono.just("redirect:" + EmployerPages.with(back, null, "INPUT", "CASE_MISSING"));
                    }
                    command = new RecordFairAttendanceCommand(fairId, caseId, today);
                    shows = view -> view.participants().stream()
                            .anyMatch(p -> p.caseId().equals(caseId) && p.attendedOn() != null);
                }
                case "referrals" -> {
                    String[] offer = String.valueOf(form.getFirst("offer")).split(OFFER_SEPARATOR, 2);
                    if (caseId == null || offer.length != 2) {
                        return Mono.just("redirect:" + EmployerPages.with(back, null, "INPUT", "OFFER_MISSING"));
                    }
                    String referralId = FormFields.text(form.getFirst("referralId"));
                    command = new ReferJobSeekerCommand(caseId,
                            referralId != null && referralId.matches(ISSUED_ID) ? referralId : newId(),
                            offer[0], offer[1], fairId, today, today);
                    // The fair's count of referrals follows the case's events: wait for one more than now.
                    return fair(fairId).map(view -> view.fair().referrals()).defaultIfEmpty(0)
                            .flatMap(before -> commands.send(command, officer, Channel.BACK_OFFICE)
                                    .then(answers.settled(() -> fair(fairId),
                                            view -> view.fair().referrals() > before)))
                            .thenReturn("redirect:" + EmployerPages.with(back, "fair.done.referrals", null, null))
                            .onErrorResume(PageCommands.Refused.class, refused -> Mono.just("redirect:"
                                    + EmployerPages.with(back, null, refused.violation().ruleId(),
                                    refused.violation().code())));
                }
                case "closure" -> {
                    command = new CloseRecruitmentFairCommand(fairId, today);
                    shows = view -> view.fair().closed();
                }
                default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            return commands.send(command, officer, Channel.BACK_OFFICE)
                    .then(answers.settled(() -> fair(fairId), shows))
                    .thenReturn("redirect:" + EmployerPages.with(back, "fair.done." + action, null, null))
                    .onErrorResume(PageCommands.Refused.class, refused -> Mono.just("redirect:" + EmployerPages.with(
                            back, null, refused.violation().ruleId(), refused.violation().code())))
                    // A case or employer typed in that does not exist (or is outside the scope) is a mistake
                    // at the form; the fair itself is looked up again on its page, which answers 404 then.
                    .onErrorResume(e -> e instanceof ResponseStatusException status
                                    && status.getStatusCode() == HttpStatus.NOT_FOUND && !action.equals("closure"),
                            notFound -> Mono.just("redirect:" + EmployerPages.with(back, null, "INPUT", "NOT_FOUND")));
        }));
    }

    // ------------------------------------------------------------------ helpers

    private Mono<RecruitmentFairView> fair(String fairId) {
        return queries.query(new FindRecruitmentFairQuery(fairId), RecruitmentFairView.class);
    }

    private boolean maySee(Officer officer, String organiserAgencyId) {
        return officer.has(Role.AUDITOR) || agencies.covers(officer.agencyId(), organiserAgencyId);
    }

    /** Changes to a fair: a caseworker of the organiser or above it, until the fair is closed. */
    private boolean mayAct(Officer officer, RecruitmentFairLine fair) {
        return officer.has(Role.CASEWORKER) && agencies.covers(officer.agencyId(), fair.organiserAgencyId())
                && !fair.closed();
    }

    private String agencyName(String agencyId) {
        return agencies.find(agencyId).map(Agency::name).orElse(agencyId);
    }

    private String newId() {
        return TimeOrderedId.next(clock.millis(), random);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PageQueries.AGENCY_ZONE));
    }
}
