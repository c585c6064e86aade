package cn.pes.casework.command.web;

import cn.pes.casework.command.web.request.RegistrationRequest;
import cn.pes.casework.command.web.request.RejectionRequest;
import cn.pes.casework.events.registration.ApproveRegistrationCommand;
import cn.pes.casework.events.registration.EligibilityDeclaration;
import cn.pes.casework.events.registration.RegisterUnemploymentCommand;
import cn.pes.casework.events.registration.RegistrationOutcome;
import cn.pes.casework.events.registration.RejectRegistrationCommand;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.PersonalData;
import jakarta.validation.Valid;
import cn.pes.casework.events.shared.RuleViolation;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Map;

/** Unemployment registration (失业登记): REG-1..REG-7. */
@RestController
@RequestMapping("/api")
class RegistrationController {

    private final OfficerCommands commands;
    private final ActingOfficerResolver officers;
    private final TimeOrderedIds ids;
    private final AgencyToday today;

    RegistrationController(OfficerCommands commands, ActingOfficerResolver officers, TimeOrderedIds ids, AgencyToday today) {
        this.commands = commands;
        this.officers = officers;
        this.ids = ids;
        this.today = today;
    }

    /**
     * 201 with the case when the registration took effect (window) or is pending (online); 422 with
     * every failed condition when refused (the refusal is recorded in the case).
     */
    @PostMapping("/registrations")
    Mono<ResponseEntity<Object>> register(@Valid @RequestBody RegistrationRequest request,
                                          ServerWebExchange exchange) {
        return officers.resolve().flatMap(officer -> register(request, officer, exchange));
    }

    private Mono<ResponseEntity<Object>> register(RegistrationRequest request, ActingOfficer officer,
                                                  ServerWebExchange exchange) {
        RegistrationRequest.Declaration declared = request.declaration();
        RegisterUnemploymentCommand command = new RegisterUnemploymentCommand(
                ids.next(),
                new PersonalData(request.person().idNumber(), request.person().name(), request.person().phone()),
                today.date(),
                request.channel(),
                request.presentedDocument(),
                new EligibilityDeclaration(declared.receivingPension(), declared.employed(), declared.ableToWork(),
                        declared.wantsWork()),
                request.reason(),
                request.categories(),
                officer.agencyId());
        return commands.<RegistrationOutcome>send(command, officer, request.channel(), exchange)
                .map(outcome -> outcome.status() == RegistrationOutcome.Status.REFUSED
                        ? refused(outcome)
                        : ResponseEntity.created(URI.create("/api/cases/" + outcome.caseId())).body((Object) outcome));
    }

    @PostMapping("/cases/{caseId}/registration/approval")
    Mono<Map<String, String>> approve(@PathVariable String caseId, ServerWebExchange exchange) {
        return officers.resolve().flatMap(officer -> commands.send(new ApproveRegistrationCommand(caseId, today.date()),
                        officer, Channel.BACK_OFFICE, exchange))
                .thenReturn(Map.of("caseId", caseId));
    }

    @PostMapping("/cases/{caseId}/registration/rejection")
    Mono<Map<String, String>> reject(@PathVariable String caseId, @Valid @RequestBody RejectionRequest request,
                                     ServerWebExchange exchange) {
        return officers.resolve().flatMap(officer -> commands.send(new RejectRegistrationCommand(caseId, today.date(),
                        request.reason()), officer, Channel.BACK_OFFICE, exchange))
                .thenReturn(Map.of("caseId", caseId));
    }

    private static ResponseEntity<Object> refused(RegistrationOutcome outcome) {
        RuleViolation violation = new RuleViolation(outcome.reasons().get(0).ruleId(), "REGISTRATION_REFUSED",
                outcome.reasons().get(0).field(), RuleViolation.Kind.REFUSED, outcome.reasons());
        ProblemDetail problem = Problems.of(violation);
        problem.setProperty("caseId", outcome.caseId());
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

}
