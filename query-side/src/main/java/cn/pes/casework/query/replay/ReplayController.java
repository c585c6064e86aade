package cn.pes.casework.query.replay;

import cn.pes.casework.events.replay.CancelReplayCommand;
import cn.pes.casework.events.replay.DeleteReplayCommand;
import cn.pes.casework.events.replay.FindReplayQuery;
import cn.pes.casework.events.replay.FindReplayedLedgerQuery;
import cn.pes.casework.events.replay.FindReplaysQuery;
import cn.pes.casework.events.replay.ReplayView;
import cn.pes.casework.events.replay.ReplayedLedgerView;
import cn.pes.casework.events.replay.ReplaysView;
import cn.pes.casework.events.replay.StartReplayCommand;
import cn.pes.casework.events.shared.CaseMetadata;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.RuleViolation;
import cn.pes.casework.security.Officer;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import cn.pes.casework.query.web.InvalidQueryInputException;
import cn.pes.casework.query.web.QueryParameters;
import cn.pes.casework.query.web.QueryScope;
import cn.pes.casework.query.web.ReadModelNotFoundException;
import cn.pes.casework.security.audit.ReadAudit;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.concurrent.CompletionException;

/**
 * The replays' API: start one (202 with its URL), follow its progress, cancel it, delete its database,
 * and read the tracking ledger a finished replay built as of its cut-off. Roles are the route table's
 * (analysts, administrators, auditors); the replayed ledger lists people, so it is under the same
 * agency scope as the live ledger.
 */
@RestController
public class ReplayController {

    /** A start request: the target's name and an optional cut-off, an instant or a local date-time of the agencies' zone. */
    public record StartReplayRequest(String target, String recordedUpTo) {
    }

    /** The replayed ledger lists people as the live one does: its name in the access log. */
    public static final String REPLAYED_LEDGER_LIST = "replayed-tracking-ledger";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final QueryScope scope;
    private final AgencyDirectory agencies;
    private final ReadAudit readAudit;
    private final Clock clock;
    private final ZoneId zone;

    public ReplayController(CommandGateway commands, QueryGateway queries, QueryScope scope, AgencyDirectory agencies,
                            ReadAudit readAudit, Clock clock, @Value("${pes.zone:Asia/Shanghai}") String zone) {
        this.readAudit = readAudit;
        this.commands = commands;
        this.queries = queries;
        this.scope = scope;
        this.agencies = agencies;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @PostMapping("/api/replays")
    public Mono<ResponseEntity<Object>> start(@RequestBody StartReplayRequest request) {
        return scope.officer().flatMap(officer -> {
            if (request == null || request.target() == null || request.target().isBlank()) {
                return Mono.error(new InvalidQueryInputException("target", "target is required"));
            }
            Instant cutOff = cutOff(request.recordedUpTo(), zone);
            String replayId = UUID.randomUUID().toString();
            return send(new StartReplayCommand(replayId, request.target().strip(), cutOff), officer)
                    .then(find(replayId))
                    .map(view -> ResponseEntity.accepted().location(URI.create("/api/replays/" + replayId))
                                               .body((Object) view));
        }).onErrorResume(CommandExecutionException.class, ReplayController::refused)
                   .subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/api/replays")
    public Mono<ReplaysView> list(@RequestParam(name = "limit", required = false) Integer limit) {
        return scope.officer().flatMap(officer -> Mono.fromFuture(() -> queries.query(
                        new FindReplaysQuery(limit == null ? 50 : limit), ResponseTypes.instanceOf(ReplaysView.class))))
                   .subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/api/replays/{replayId}")
    public Mono<ReplayView> replay(@PathVariable String replayId) {
        return scope.officer().flatMap(officer -> find(replayId))
                   .switchIfEmpty(Mono.error(() -> new ReadModelNotFoundException("No such replay")))
                   .subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping("/api/replays/{replayId}/cancel")
    public Mono<ResponseEntity<Object>> cancel(@PathVariable String replayId) {
        return scope.officer().flatMap(officer -> send(new CancelReplayCommand(replayId), officer)
                        .then(find(replayId))
                        .map(view -> ResponseEntity.accepted().body((Object) view)))
                   .onErrorResume(CommandExecutionException.class, ReplayController::refused)
                   .subscribeOn(Schedulers.boundedElastic());
    }

    @DeleteMapping("/api/replays/{replayId}")
    public Mono<ResponseEntity<Object>> delete(@PathVariable String replayId) {
        return scope.officer().flatMap(officer -> send(new DeleteReplayCommand(replayId), officer)
                        .then(Mono.just(ResponseEntity.noContent().build())))
                   .onErrorResume(CommandExecutionException.class, ReplayController::refused)
                   .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * The tracking ledger of an agency and those below it (a county and its streets) for a month, as
     * the finished replay built it: with a cut-off, what the platform knew then. In the access log as the
     * live ledger is.
     */
    @GetMapping("/api/replays/{replayId}/tracking-ledger")
    public Mono<ReplayedLedgerView> ledger(@PathVariable String replayId,
                                           @RequestParam(name = "agency") String agency,
                                           @RequestParam(name = "month", required = false) String month,
                                           ServerWebExchange exchange) {
        return scope.officer().flatMap(officer -> {
            scope.requirePeopleListOf(officer, agency);
            var agencyIds = agencies.coveredBy(agency).stream().map(Agency::id).toList();
            var query = new FindReplayedLedgerQuery(replayId, agencyIds, QueryParameters.month("month", month, clock));
            return Mono.fromFuture(() -> queries.query(query, ResponseTypes.instanceOf(ReplayedLedgerView.class)))
                       .flatMap(view -> readAudit.listExported(officer, REPLAYED_LEDGER_LIST, "replay=" + replayId
                               + " agency=" + agency + " month=" + view.month() + " format=json rows="
                               + view.rows().size(), exchange).thenReturn(view));
        }).switchIfEmpty(Mono.error(() -> new ReadModelNotFoundException("No finished tracking-ledger replay")))
                   .subscribeOn(Schedulers.boundedElastic());
    }

    /** An ISO instant ({@code 2026-03-01T00:00:00Z}) or a local date-time of the agencies' zone. */
    static Instant cutOff(String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidQueryInputException("recordedUpTo",
                        "recordedUpTo must be an instant (2026-03-01T00:00:00Z) or a local date-time (2026-03-01T08:00)");
            }
        }
    }

    private Mono<ReplayView> find(String replayId) {
        return Mono.fromFuture(() -> queries.query(new FindReplayQuery(replayId), ResponseTypes.instanceOf(ReplayView.class)));
    }

    private Mono<Object> send(Object command, Officer officer) {
        MetaData metaData = MetaData.with(CaseMetadata.OFFICER, officer.officerId())
                                    .and(CaseMetadata.AGENCY, officer.agencyId())
                                    .and(CaseMetadata.CHANNEL, Channel.BACK_OFFICE.name());
        return Mono.fromFuture(() -> commands.send(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData)))
                   .onErrorMap(CompletionException.class, e -> e.getCause() == null ? e : e.getCause());
    }

    /** A refusal as problem+json: 400 bad input, 404 unknown, 409 state conflict, 429 no replay thread free. */
    private static Mono<ResponseEntity<Object>> refused(CommandExecutionException e) {
        RuleViolation violation = e.getDetails().filter(RuleViolation.class::isInstance).map(RuleViolation.class::cast)
                                   .orElse(null);
        if (violation == null) {
            return Mono.error(e);
        }
        HttpStatus status = switch (violation.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case REFUSED -> HttpStatus.TOO_MANY_REQUESTS;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, violation.code());
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("ruleId", violation.ruleId());
        problem.setProperty("code", violation.code());
        if (violation.field() != null) {
            problem.setProperty("field", violation.field());
        }
        return Mono.just(ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem));
    }
}
