package cn.pes.casework.command.web;

import cn.pes.casework.command.web.request.CancellationRequest;
import cn.pes.casework.command.web.request.EmploymentRequest;
import cn.pes.casework.command.web.request.PersonalDetailsRequest;
import cn.pes.casework.events.registration.UpdatePersonalDetailsCommand;
import cn.pes.casework.command.web.request.TrackingContactRequest;
import cn.pes.casework.events.cancellation.CancelRegistrationCommand;
import cn.pes.casework.events.employment.RecordEmploymentCommand;
import cn.pes.casework.events.tracking.RecordTrackingContactCommand;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Map;

/** Personal details, tracking contacts (TRK-1..TRK-3), employment and cancellation (CAN-1, CAN-2) on an existing case. */
@RestController
@RequestMapping("/api/cases/{caseId}")
class CaseCommandController {

    private final OfficerCommands commands;
    private final TimeOrderedIds ids;
    private final AgencyToday today;

    CaseCommandController(OfficerCommands commands, TimeOrderedIds ids,
                          AgencyToday today) {
        this.commands = commands;
        this.ids = ids;
        this.today = today;
    }

    @PostMapping("/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Map<String, String>> recordContact(@PathVariable String caseId,
                                            @Valid @RequestBody TrackingContactRequest request,
                                            ServerWebExchange exchange) {
        String contactId = request.contactId() == null ? ids.next() : request.contactId();
        RecordTrackingContactCommand command = new RecordTrackingContactCommand(caseId, contactId,
                request.contactDate(), request.method(), request.dataMatchSource(), request.reached(),
                request.statusFound(), request.servicesGiven(), request.nextStep(), request.employment(),
                request.proposedGround(), request.proposalEvidence(), today.date());
        return commands.send(command, exchange).thenReturn(Map.of("caseId", caseId, "contactId", contactId));
    }

    @PutMapping("/personal-details")
    Mono<Map<String, String>> updatePersonalDetails(@PathVariable String caseId,
                                                    @Valid @RequestBody PersonalDetailsRequest request,
                                                    ServerWebExchange exchange) {
        return commands.send(new UpdatePersonalDetailsCommand(caseId, request.name(), request.phone()), exchange)
                .thenReturn(Map.of("caseId", caseId));
    }

    @PostMapping("/employment")
    Mono<Map<String, String>> recordEmployment(@PathVariable String caseId,
                                               @Valid @RequestBody EmploymentRequest request,
                                               ServerWebExchange exchange) {
        return commands.send(new RecordEmploymentCommand(caseId, request.employment(), request.evidence(),
                today.date()), exchange)
                .thenReturn(Map.of("caseId", caseId));
    }

    @PostMapping("/cancellation")
    Mono<Map<String, String>> cancel(@PathVariable String caseId, @Valid @RequestBody CancellationRequest request,
                                     ServerWebExchange exchange) {
        CancelRegistrationCommand command = new CancelRegistrationCommand(caseId, request.ground(),
                request.evidence(), request.effectiveDate(), request.notification(), today.date());
        return commands.send(command, exchange).thenReturn(Map.of("caseId", caseId));
    }

}
