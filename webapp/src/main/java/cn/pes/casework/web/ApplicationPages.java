package cn.pes.casework.web;

import cn.pes.casework.events.registration.ApproveRegistrationCommand;
import cn.pes.casework.events.registration.FindPendingApplicationsQuery;
import cn.pes.casework.events.registration.PendingApplication;
import cn.pes.casework.events.registration.PendingApplicationsView;
import cn.pes.casework.events.registration.RejectRegistrationCommand;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.security.AccessRules;
import cn.pes.casework.security.Officer;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Online applications (网上申请, REG-5) waiting for the officer's agency to decide, the overdue ones
 * marked: approve, or reject with a reason. A late decision is still taken, and recorded as late.
 */
@Controller
class ApplicationPages {

    private static final ZoneId AGENCY_ZONE = ZoneId.of("Asia/Shanghai");

    private final QueryGateway queries;
    private final PageCommands commands;
    private final AccessRules rules;
    private final PageModel page;
    private final Clock clock;

    ApplicationPages(QueryGateway queries, PageCommands commands, AccessRules rules, PageModel page, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.rules = rules;
        this.page = page;
        this.clock = clock;
    }

    @GetMapping("/applications")
    Mono<String> pending(Model model) {
        return page.signedIn(model).flatMap(officer -> list(officer, model));
    }

    @PostMapping(value = "/applications/{caseId}/approval", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> approve(@PathVariable String caseId, Model model) {
        return page.signedIn(model).flatMap(officer ->
                decide(new ApproveRegistrationCommand(caseId, today()), officer, model, "applications.approved"));
    }

    @PostMapping(value = "/applications/{caseId}/rejection", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> reject(@PathVariable String caseId, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> page.signedIn(model).flatMap(officer -> {
            String reason = form.getFirst("reason") == null ? "" : form.getFirst("reason").strip();
            if (reason.isEmpty() || reason.length() > 500) {
                model.addAttribute("error", "applications.reasonMissing");
                model.addAttribute("errorCase", caseId);
                return list(officer, model);
            }
            return decide(new RejectRegistrationCommand(caseId, today(), reason), officer, model,
                    "applications.rejected");
        }));
    }

    private Mono<String> decide(Object command, Officer officer, Model model, String done) {
        return commands.<Object>send(command, officer, Channel.BACK_OFFICE)
                .then(Mono.fromRunnable(() -> model.addAttribute("done", done)))
                .onErrorResume(PageCommands.Refused.class, refused -> {
                    model.addAttribute("error", "applications.notPending");
                    return Mono.empty();
                })
                .then(list(officer, model));
    }

    private Mono<String> list(Officer officer, Model model) {
        if (!rules.mayListPeopleOf(officer, officer.agencyId())) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        LocalDate today = today();
        return Mono.fromFuture(() -> queries.query(new FindPendingApplicationsQuery(officer.agencyId(), today, false),
                        ResponseTypes.instanceOf(PendingApplicationsView.class)))
                .subscribeOn(Schedulers.boundedElastic())
                .map(view -> {
                    model.addAttribute("applications", view.applications().stream().map(Line::of).toList());
                    model.addAttribute("today", today.format(DateTimeFormatter.ISO_LOCAL_DATE));
                    return "applications/pending";
                });
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(AGENCY_ZONE));
    }

    record Line(String caseId, MaskedPerson person, Channel channel, LocalDate appliedOn, LocalDate decisionDueOn,
                boolean provisional, boolean overdue) {

        static Line of(PendingApplication application) {
            return new Line(application.caseId(), MaskedPerson.of(application.person()), application.channel(),
                    application.appliedOn(), application.decisionDueOn(), application.dueDateProvisional(),
                    application.overdue());
        }
    }
}
