package cn.pes.casework.command.web;

import cn.pes.casework.command.web.request.StatusChangeConfirmationRequest;
import cn.pes.casework.command.web.request.StatusChangeDismissalRequest;
import cn.pes.casework.events.comparison.ConfirmStatusChangeProposalCommand;
import cn.pes.casework.events.comparison.DismissStatusChangeProposalCommand;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Officers decide the status-change proposals (待核实变更) of a case (CAN-3), whatever raised them:
 * information comparison, lost contact or job seeking's refusals. Proposals themselves are raised by
 * the platform, never through this API.
 */
@RestController
@RequestMapping("/api/cases/{caseId}/status-change-proposals/{proposalId}")
class ProposalController {

    private final OfficerCommands commands;
    private final AgencyToday today;

    ProposalController(OfficerCommands commands, AgencyToday today) {
        this.commands = commands;
        this.today = today;
    }

    @PostMapping("/confirmation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> confirm(@PathVariable String caseId, @PathVariable String proposalId,
                       @RequestBody(required = false) StatusChangeConfirmationRequest request,
                       ServerWebExchange exchange) {
        // An employment as proposed needs nothing more: the body may be left out.
        StatusChangeConfirmationRequest given = request == null ? new StatusChangeConfirmationRequest(null, null)
                : request;
        return commands.send(new ConfirmStatusChangeProposalCommand(caseId, proposalId, given.effectiveDate(),
                given.notification(), today.date()), exchange).then();
    }

    @PostMapping("/dismissal")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> dismiss(@PathVariable String caseId, @PathVariable String proposalId,
                       @RequestBody StatusChangeDismissalRequest request, ServerWebExchange exchange) {
        return commands.send(new DismissStatusChangeProposalCommand(caseId, proposalId, request.reason(),
                today.date()), exchange).then();
    }
}
