package cn.pes.casework.command.web;

import cn.pes.casework.command.clientcase.CaseRuleViolation;
import cn.pes.casework.command.web.request.CertificateRequest;
import cn.pes.casework.command.web.request.ObjectionRequest;
import cn.pes.casework.command.web.request.ObjectionResolutionRequest;
import cn.pes.casework.command.web.request.PaymentRequest;
import cn.pes.casework.command.web.request.RejectionRequest;
import cn.pes.casework.events.shared.RefusalReason;
import cn.pes.casework.events.shared.RuleViolation;
import cn.pes.casework.events.subsidy.ApproveSubsidyCommand;
import cn.pes.casework.events.subsidy.BeginSubsidyReviewCommand;
import cn.pes.casework.events.subsidy.Certificate;
import cn.pes.casework.events.subsidy.LivingAllowanceClaim;
import cn.pes.casework.events.subsidy.RaiseSubsidyObjectionCommand;
import cn.pes.casework.events.subsidy.RecordSubsidyPaymentCommand;
import cn.pes.casework.events.subsidy.RejectSubsidyCommand;
import cn.pes.casework.events.subsidy.ResolveSubsidyObjectionCommand;
import cn.pes.casework.events.subsidy.SubmitCertificateCommand;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Skills upgrading subsidy (职业技能提升补贴, SUB-1..SUB-7): a caseworker records the certificate; the
 * department applied to reviews, decides, hears objections and records the payment. Publicity ends
 * and missed deadlines are recorded by the platform's clocks, not through this API.
 */
@RestController
@RequestMapping("/api/cases/{caseId}/subsidies")
class SubsidyController {

    private final OfficerCommands commands;
    private final TimeOrderedIds ids;
    private final AgencyToday today;

    SubsidyController(OfficerCommands commands, TimeOrderedIds ids, AgencyToday today) {
        this.commands = commands;
        this.ids = ids;
        this.today = today;
    }

    /**
     * 201 with the application when received; 422 with every failed condition when refused (the
     * refusal is recorded in the case).
     */
    @PostMapping
    Mono<ResponseEntity<Object>> submit(@PathVariable String caseId, @Valid @RequestBody CertificateRequest request,
                                        ServerWebExchange exchange) {
        LocalDate date = today.date();
        String applicationId = request.applicationId() == null ? ids.next() : request.applicationId();
        CertificateRequest.Certificate c = request.certificate();
        CertificateRequest.AllowanceClaim claim = request.allowanceClaim();
        SubmitCertificateCommand command = new SubmitCertificateCommand(caseId, applicationId,
                new Certificate(c.occupation().strip(), c.level(), c.certificateNumber().strip(), c.issuingBody().strip(),
                        c.issuedOn()),
                request.place(), request.departmentId(),
                claim == null ? null : new LivingAllowanceClaim(claim.groups(), claim.graduatedOn(),
                        claim.ruralOrLowIncomeFamily()),
                request.receivedOn() == null ? date : request.receivedOn(), date);
        return commands.<List<RefusalReason>>send(command, exchange)
                .map(reasons -> reasons.isEmpty()
                        ? ResponseEntity.created(URI.create("/api/cases/" + caseId + "/subsidies/" + applicationId))
                                .body((Object) Map.of("caseId", caseId, "applicationId", applicationId))
                        : refused(caseId, applicationId, reasons));
    }

    @PostMapping("/{applicationId}/review")
    Mono<Map<String, String>> beginReview(@PathVariable String caseId, @PathVariable String applicationId,
                                          ServerWebExchange exchange) {
        return commands.send(new BeginSubsidyReviewCommand(caseId, applicationId, today.date()), exchange)
                .thenReturn(Map.of("caseId", caseId, "applicationId", applicationId));
    }

    @PostMapping("/{applicationId}/approval")
    Mono<Map<String, String>> approve(@PathVariable String caseId, @PathVariable String applicationId,
                                      ServerWebExchange exchange) {
        return commands.send(new ApproveSubsidyCommand(caseId, applicationId, today.date()), exchange)
                .thenReturn(Map.of("caseId", caseId, "applicationId", applicationId));
    }

    @PostMapping("/{applicationId}/rejection")
    Mono<Map<String, String>> reject(@PathVariable String caseId, @PathVariable String applicationId,
                                     @Valid @RequestBody RejectionRequest request, ServerWebExchange exchange) {
        return commands.send(new RejectSubsidyCommand(caseId, applicationId, request.reason(), today.date()), exchange)
                .thenReturn(Map.of("caseId", caseId, "applicationId", applicationId));
    }

    @PostMapping("/{applicationId}/objections")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Map<String, String>> raiseObjection(@PathVariable String caseId, @PathVariable String applicationId,
                                             @Valid @RequestBody ObjectionRequest request,
                                             ServerWebExchange exchange) {
        LocalDate date = today.date();
        if (request.raisedOn() != null && request.raisedOn().isAfter(date)) {
            return Mono.error(CaseRuleViolation.invalid("SUB-4", "DATE_IN_FUTURE", "raisedOn"));
        }
        String objectionId = request.objectionId() == null ? ids.next() : request.objectionId();
        return commands.send(new RaiseSubsidyObjectionCommand(caseId, applicationId, objectionId, request.summary(),
                        request.raisedOn() == null ? date : request.raisedOn()), exchange)
                .thenReturn(Map.of("caseId", caseId, "applicationId", applicationId, "objectionId", objectionId));
    }

    @PostMapping("/{applicationId}/objections/{objectionId}/resolution")
    Mono<Map<String, String>> resolveObjection(@PathVariable String caseId, @PathVariable String applicationId,
                                               @PathVariable String objectionId,
                                               @Valid @RequestBody ObjectionResolutionRequest request,
                                               ServerWebExchange exchange) {
        return commands.send(new ResolveSubsidyObjectionCommand(caseId, applicationId, objectionId, request.upheld(),
                        request.finding(), today.date()), exchange)
                .thenReturn(Map.of("caseId", caseId, "applicationId", applicationId, "objectionId", objectionId));
    }

    @PostMapping("/{applicationId}/payment")
    Mono<Map<String, String>> recordPayment(@PathVariable String caseId, @PathVariable String applicationId,
                                            @Valid @RequestBody PaymentRequest request, ServerWebExchange exchange) {
        return commands.send(new RecordSubsidyPaymentCommand(caseId, applicationId, request.amount(), request.paidOn(),
                        request.accountReference(), today.date()), exchange)
                .thenReturn(Map.of("caseId", caseId, "applicationId", applicationId));
    }

    private static ResponseEntity<Object> refused(String caseId, String applicationId, List<RefusalReason> reasons) {
        RuleViolation violation = new RuleViolation(reasons.get(0).ruleId(), "CERTIFICATE_REFUSED",
                reasons.get(0).field(), RuleViolation.Kind.REFUSED, reasons);
        ProblemDetail problem = Problems.of(violation);
        problem.setProperty("caseId", caseId);
        problem.setProperty("applicationId", applicationId);
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

}
