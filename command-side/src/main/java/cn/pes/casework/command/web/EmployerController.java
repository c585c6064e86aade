package cn.pes.casework.command.web;

import cn.pes.casework.command.clientcase.CaseRuleViolation;
import cn.pes.casework.command.employer.Employer;
import cn.pes.casework.command.web.request.EmployerRequest;
import cn.pes.casework.command.web.request.GuidanceRequest;
import cn.pes.casework.command.web.request.RejectionRequest;
import cn.pes.casework.command.web.request.VacancyClosureRequest;
import cn.pes.casework.command.web.request.VacancyRequest;
import cn.pes.casework.events.employer.CloseVacancyCommand;
import cn.pes.casework.events.employer.PostVacancyCommand;
import cn.pes.casework.events.employer.PublishVacancyCommand;
import cn.pes.casework.events.employer.RecordRecruitmentGuidanceCommand;
import cn.pes.casework.events.employer.RegisterEmployerCommand;
import cn.pes.casework.events.employer.RejectVacancyCommand;
import cn.pes.casework.events.employer.WageRange;
import cn.pes.casework.events.shared.PersonalData;
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
 * Employers and their vacancies (JOB-3): a caseworker registers the employer and posts on its behalf;
 * the agency reviews each vacancy before it is published.
 */
@RestController
class EmployerController {

    private final OfficerCommands commands;
    private final TimeOrderedIds ids;
    private final AgencyToday today;

    EmployerController(OfficerCommands commands, TimeOrderedIds ids, AgencyToday today) {
        this.commands = commands;
        this.ids = ids;
        this.today = today;
    }

    @PostMapping("/api/employers")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Map<String, String>> register(@Valid @RequestBody EmployerRequest request, ServerWebExchange exchange) {
        String employerId = request.employerId() == null ? ids.next() : request.employerId();
        return commands.send(new RegisterEmployerCommand(employerId, request.creditCode(), request.name(),
                        request.registeredAddress(), request.areaAgencyId(),
                        new PersonalData(null, request.contact().name(), request.contact().phone()), today.date()),
                exchange)
                .thenReturn(Map.of("employerId", employerId));
    }

    @PostMapping("/api/employers/{employerId}/vacancies")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Map<String, String>> post(@PathVariable String employerId, @Valid @RequestBody VacancyRequest request,
                                   ServerWebExchange exchange) {
        LocalDate date = today.date();
        if (request.postedOn() != null && request.postedOn().isAfter(date)) {
            return Mono.error(CaseRuleViolation.invalid("JOB-3", "DATE_IN_FUTURE", "postedOn"));
        }
        String vacancyId = request.vacancyId() == null ? ids.next() : request.vacancyId();
        return commands.send(new PostVacancyCommand(employerId, vacancyId, request.occupation(), request.headcount(),
                        new WageRange(request.wageMin(), request.wageMax()), request.areaAgencyId(), request.form(),
                        request.requirements(), request.postedOn() == null ? date : request.postedOn()), exchange)
                .onErrorMap(AggregateNotFoundException.class, e -> Employer.notFound())
                .thenReturn(Map.of("employerId", employerId, "vacancyId", vacancyId));
    }

    @PostMapping("/api/employers/{employerId}/vacancies/{vacancyId}/publication")
    Mono<Map<String, String>> publish(@PathVariable String employerId, @PathVariable String vacancyId,
                                      ServerWebExchange exchange) {
        return commands.send(new PublishVacancyCommand(employerId, vacancyId, today.date()), exchange)
                .onErrorMap(AggregateNotFoundException.class, e -> Employer.notFound())
                .thenReturn(Map.of("employerId", employerId, "vacancyId", vacancyId));
    }

    @PostMapping("/api/employers/{employerId}/vacancies/{vacancyId}/rejection")
    Mono<Map<String, String>> reject(@PathVariable String employerId, @PathVariable String vacancyId,
                                     @Valid @RequestBody RejectionRequest request, ServerWebExchange exchange) {
        return commands.send(new RejectVacancyCommand(employerId, vacancyId, request.reason(), today.date()), exchange)
                .onErrorMap(AggregateNotFoundException.class, e -> Employer.notFound())
                .thenReturn(Map.of("employerId", employerId, "vacancyId", vacancyId));
    }

    @PostMapping("/api/employers/{employerId}/vacancies/{vacancyId}/closure")
    Mono<Map<String, String>> close(@PathVariable String employerId, @PathVariable String vacancyId,
                                    @Valid @RequestBody VacancyClosureRequest request, ServerWebExchange exchange) {
        LocalDate date = today.date();
        if (request.closedOn() != null && request.closedOn().isAfter(date)) {
            return Mono.error(CaseRuleViolation.invalid("JOB-3", "DATE_IN_FUTURE", "closedOn"));
        }
        return commands.send(new CloseVacancyCommand(employerId, vacancyId, request.reason(),
                        request.closedOn() == null ? date : request.closedOn()), exchange)
                .onErrorMap(AggregateNotFoundException.class, e -> Employer.notFound())
                .thenReturn(Map.of("employerId", employerId, "vacancyId", vacancyId));
    }

    /**
     * A guidance session for the employer (JOB-1). An unknown employer surfaces as Axon's not-found,
     * which would otherwise be answered as an unknown case (so every route on an employer maps it).
     */
    @PostMapping("/api/employers/{employerId}/guidance")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Map<String, String>> guidance(@PathVariable String employerId, @Valid @RequestBody GuidanceRequest request,
                                       ServerWebExchange exchange) {
        LocalDate date = today.date();
        String sessionId = request.sessionId() == null ? ids.next() : request.sessionId();
        return commands.send(new RecordRecruitmentGuidanceCommand(employerId, sessionId, request.topic(),
                        request.notes(), request.followUp(), request.heldOn() == null ? date : request.heldOn(), date),
                        exchange)
                .onErrorMap(AggregateNotFoundException.class, e -> Employer.notFound())
                .thenReturn(Map.of("employerId", employerId, "sessionId", sessionId));
    }
}
