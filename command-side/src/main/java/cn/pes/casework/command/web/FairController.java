package cn.pes.casework.command.web;

import cn.pes.casework.command.clientcase.CaseRuleViolation;
import cn.pes.casework.command.fair.RecruitmentFair;
import cn.pes.casework.command.web.request.FairAttendanceRequest;
import cn.pes.casework.command.web.request.FairClosureRequest;
import cn.pes.casework.command.web.request.FairEnrolmentRequest;
import cn.pes.casework.command.web.request.FairInvitationRequest;
import cn.pes.casework.command.web.request.FairRequest;
import cn.pes.casework.events.fair.CloseRecruitmentFairCommand;
import cn.pes.casework.events.fair.EnrolFairEmployerCommand;
import cn.pes.casework.events.fair.InviteToFairCommand;
import cn.pes.casework.events.fair.PlanRecruitmentFairCommand;
import cn.pes.casework.events.fair.RecordFairAttendanceCommand;
import jakarta.validation.Valid;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.Map;

/**
 * Recruitment fairs (招聘会, JOB-5): a caseworker plans one for an agency its own covers, enrols
 * employers with published vacancies, invites registered persons, records who came and closes it once
 * held. Which agency may act on which fair is the organiser's scope.
 */
@RestController
class FairController {

    private final OfficerCommands commands;
    private final TimeOrderedIds ids;
    private final AgencyToday today;

    FairController(OfficerCommands commands, TimeOrderedIds ids, AgencyToday today) {
        this.commands = commands;
        this.ids = ids;
        this.today = today;
    }

    @PostMapping("/api/fairs")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Map<String, String>> plan(@Valid @RequestBody FairRequest request, ServerWebExchange exchange) {
        String fairId = request.fairId() == null ? ids.next() : request.fairId();
        return commands.send(new PlanRecruitmentFairCommand(fairId, request.title(), request.format(),
                        request.heldOn(), request.place(), request.organiserAgencyId(), today.date()), exchange)
                .thenReturn(Map.of("fairId", fairId));
    }

    @PostMapping("/api/fairs/{fairId}/employers")
    Mono<Map<String, String>> enrol(@PathVariable String fairId, @Valid @RequestBody FairEnrolmentRequest request,
                                    ServerWebExchange exchange) {
        return commands.send(new EnrolFairEmployerCommand(fairId, request.employerId(), request.vacancyIds(),
                        today.date()), exchange)
                .thenReturn(Map.of("fairId", fairId, "employerId", request.employerId()));
    }

    @PostMapping("/api/fairs/{fairId}/invitations")
    Mono<Map<String, String>> invite(@PathVariable String fairId, @Valid @RequestBody FairInvitationRequest request,
                                     ServerWebExchange exchange) {
        LocalDate date = today.date();
        if (request.invitedOn() != null && request.invitedOn().isAfter(date)) {
            return Mono.error(CaseRuleViolation.invalid("JOB-5", "DATE_IN_FUTURE", "invitedOn"));
        }
        return commands.send(new InviteToFairCommand(fairId, request.caseId(),
                        request.invitedOn() == null ? date : request.invitedOn()), exchange)
                .thenReturn(Map.of("fairId", fairId, "caseId", request.caseId()));
    }

    @PostMapping("/api/fairs/{fairId}/attendance")
    Mono<Map<String, String>> attend(@PathVariable String fairId, @Valid @RequestBody FairAttendanceRequest request,
                                     ServerWebExchange exchange) {
        LocalDate date = today.date();
        if (request.attendedOn() != null && request.attendedOn().isAfter(date)) {
            return Mono.error(CaseRuleViolation.invalid("JOB-5", "DATE_IN_FUTURE", "attendedOn"));
        }
        return commands.send(new RecordFairAttendanceCommand(fairId, request.caseId(),
                        request.attendedOn() == null ? date : request.attendedOn()), exchange)
                .thenReturn(Map.of("fairId", fairId, "caseId", request.caseId()));
    }

    /** Closing is handled by the fair itself, so an unknown fair surfaces as Axon's not-found: named here. */
    @PostMapping("/api/fairs/{fairId}/closure")
    Mono<Map<String, String>> close(@PathVariable String fairId,
                                    @RequestBody(required = false) FairClosureRequest request,
                                    ServerWebExchange exchange) {
        LocalDate date = today.date();
        LocalDate closedOn = request == null || request.closedOn() == null ? date : request.closedOn();
        if (closedOn.isAfter(date)) {
            return Mono.error(CaseRuleViolation.invalid("JOB-5", "DATE_IN_FUTURE", "closedOn"));
        }
        return commands.send(new CloseRecruitmentFairCommand(fairId, closedOn), exchange)
                .onErrorMap(AggregateNotFoundException.class, e -> RecruitmentFair.notFound())
                .thenReturn(Map.of("fairId", fairId));
    }
}
