package cn.pes.casework.command.web;

import cn.pes.casework.command.web.request.CareerGuidanceRequest;
import cn.pes.casework.command.web.request.JobSeekingRequest;
import cn.pes.casework.command.web.request.ProposalConfirmationRequest;
import cn.pes.casework.command.web.request.ReferralOutcomeRequest;
import cn.pes.casework.command.web.request.ReferralRequest;
import cn.pes.casework.command.web.request.RejectionRequest;
import cn.pes.casework.events.cancellation.ConfirmCancellationProposalCommand;
import cn.pes.casework.events.cancellation.DismissCancellationProposalCommand;
import cn.pes.casework.events.jobseeking.JobIntentions;
import cn.pes.casework.events.jobseeking.PublishJobSeekingCommand;
import cn.pes.casework.events.jobseeking.RecordCareerGuidanceCommand;
import cn.pes.casework.events.jobseeking.RecordReferralOutcomeCommand;
import cn.pes.casework.events.jobseeking.ReferJobSeekerCommand;
import cn.pes.casework.events.jobseeking.RegisterJobSeekingCommand;
import cn.pes.casework.events.jobseeking.RejectJobSeekingCommand;
import cn.pes.casework.events.jobseeking.UpdateJobIntentionsCommand;
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

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Job seeking on a person's case (求职登记、推荐就业、职业指导; JOB-1, JOB-2, JOB-4, JOB-6) and the
 * cancellation proposals that refusals raise (CAN-1, CAN-3). Missed review deadlines are recorded by
 * the platform's clock, not through this API.
 */
@RestController
@RequestMapping("/api/cases/{caseId}")
class JobSeekingController {

    private final OfficerCommands commands;
    private final TimeOrderedIds ids;
    private final AgencyToday today;

    JobSeekingController(OfficerCommands commands, TimeOrderedIds ids, AgencyToday today) {
        this.commands = commands;
        this.ids = ids;
        this.today = today;
    }

    @PostMapping("/job-seeking")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Map<String, String>> register(@PathVariable String caseId, @Valid @RequestBody JobSeekingRequest request,
                                       ServerWebExchange exchange) {
        LocalDate date = today.date();
        String jobSeekingId = request.jobSeekingId() == null ? ids.next() : request.jobSeekingId();
        return commands.send(new RegisterJobSeekingCommand(caseId, jobSeekingId, request.identityDocument(),
                        request.basics(), request.intentions(),
                        request.receivedOn() == null ? date : request.receivedOn(), date), exchange)
                .thenReturn(Map.of("caseId", caseId, "jobSeekingId", jobSeekingId));
    }

    @PutMapping("/job-seeking/{jobSeekingId}/intentions")
    Mono<Map<String, String>> updateIntentions(@PathVariable String caseId, @PathVariable String jobSeekingId,
                                               @RequestBody JobIntentions intentions, ServerWebExchange exchange) {
        return commands.send(new UpdateJobIntentionsCommand(caseId, jobSeekingId, intentions, today.date()), exchange)
                .thenReturn(Map.of("caseId", caseId, "jobSeekingId", jobSeekingId));
    }

    @PostMapping("/job-seeking/{jobSeekingId}/publication")
    Mono<Map<String, String>> publish(@PathVariable String caseId, @PathVariable String jobSeekingId,
                                      ServerWebExchange exchange) {
        return commands.send(new PublishJobSeekingCommand(caseId, jobSeekingId, today.date()), exchange)
                .thenReturn(Map.of("caseId", caseId, "jobSeekingId", jobSeekingId));
    }

    @PostMapping("/job-seeking/{jobSeekingId}/rejection")
    Mono<Map<String, String>> reject(@PathVariable String caseId, @PathVariable String jobSeekingId,
                                     @Valid @RequestBody RejectionRequest request, ServerWebExchange exchange) {
        return commands.send(new RejectJobSeekingCommand(caseId, jobSeekingId, request.reason(), today.date()),
                        exchange)
                .thenReturn(Map.of("caseId", caseId, "jobSeekingId", jobSeekingId));
    }

    @PostMapping("/referrals")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Map<String, String>> refer(@PathVariable String caseId, @Valid @RequestBody ReferralRequest request,
                                    ServerWebExchange exchange) {
        LocalDate date = today.date();
        String referralId = request.referralId() == null ? ids.next() : request.referralId();
        return commands.send(new ReferJobSeekerCommand(caseId, referralId, request.employerId(), request.vacancyId(),
                        request.fairId(), request.referredOn() == null ? date : request.referredOn(), date), exchange)
                .thenReturn(Map.of("caseId", caseId, "referralId", referralId));
    }

    /** 201; when the outcome proposed a cancellation (CAN-1), its ID as {@code cancellationProposalId}. */
    @PostMapping("/referrals/{referralId}/outcomes")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Map<String, String>> recordOutcome(@PathVariable String caseId, @PathVariable String referralId,
                                            @Valid @RequestBody ReferralOutcomeRequest request,
                                            ServerWebExchange exchange) {
        LocalDate date = today.date();
        return commands.<String>send(new RecordReferralOutcomeCommand(caseId, referralId, request.outcome(),
                        request.note(), request.outcomeOn() == null ? date : request.outcomeOn(), request.startDate(),
                        date), exchange)
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .map(proposalId -> {
                    Map<String, String> body = new LinkedHashMap<>();
                    body.put("caseId", caseId);
                    body.put("referralId", referralId);
                    proposalId.ifPresent(id -> body.put("cancellationProposalId", id));
                    return body;
                });
    }

    @PostMapping("/cancellation-proposals/{proposalId}/confirmation")
    Mono<Map<String, String>> confirmProposal(@PathVariable String caseId, @PathVariable String proposalId,
                                              @Valid @RequestBody ProposalConfirmationRequest request,
                                              ServerWebExchange exchange) {
        return commands.send(new ConfirmCancellationProposalCommand(caseId, proposalId, request.effectiveDate(),
                        request.notification(), today.date()), exchange)
                .thenReturn(Map.of("caseId", caseId, "proposalId", proposalId));
    }

    @PostMapping("/cancellation-proposals/{proposalId}/dismissal")
    Mono<Map<String, String>> dismissProposal(@PathVariable String caseId, @PathVariable String proposalId,
                                              @Valid @RequestBody RejectionRequest request,
                                              ServerWebExchange exchange) {
        return commands.send(new DismissCancellationProposalCommand(caseId, proposalId, request.reason(),
                        today.date()), exchange)
                .thenReturn(Map.of("caseId", caseId, "proposalId", proposalId));
    }

    @PostMapping("/career-guidance")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Map<String, String>> recordGuidance(@PathVariable String caseId,
                                             @Valid @RequestBody CareerGuidanceRequest request,
                                             ServerWebExchange exchange) {
        LocalDate date = today.date();
        String sessionId = request.sessionId() == null ? ids.next() : request.sessionId();
        return commands.send(new RecordCareerGuidanceCommand(caseId, sessionId, request.topic(), request.notes(),
                        request.followUp(), request.heldOn() == null ? date : request.heldOn(), date), exchange)
                .thenReturn(Map.of("caseId", caseId, "sessionId", sessionId));
    }
}
