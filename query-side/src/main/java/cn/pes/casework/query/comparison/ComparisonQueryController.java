package cn.pes.casework.query.comparison;

import cn.pes.casework.events.comparison.ComparisonBatchView;
import cn.pes.casework.events.comparison.ComparisonBatchesView;
import cn.pes.casework.events.comparison.FindCaseStatusChangeProposalsQuery;
import cn.pes.casework.events.comparison.FindComparisonBatchQuery;
import cn.pes.casework.events.comparison.FindComparisonBatchesQuery;
import cn.pes.casework.events.comparison.FindReconciliationQuery;
import cn.pes.casework.events.comparison.FindStatusChangeProposalsQuery;
import cn.pes.casework.events.comparison.ProposalState;
import cn.pes.casework.events.comparison.ReconciliationLine;
import cn.pes.casework.events.comparison.ReconciliationView;
import cn.pes.casework.events.comparison.StatusChangeProposalsView;
import cn.pes.casework.query.web.InvalidQueryInputException;
import cn.pes.casework.query.web.QueryParameters;
import cn.pes.casework.query.web.QueryScope;
import cn.pes.casework.query.web.ReadModelNotFoundException;
import cn.pes.casework.security.audit.ReadAudit;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;

/** Information comparison (信息比对, TRK-2) and bulk work: batches, the proposal queue (CAN-3), reconciliation. */
@RestController
public class ComparisonQueryController {

    /** The CAN-3 queue's name in the access log. */
    public static final String PROPOSALS_LIST = "status-change-proposals";

    private final QueryGateway queryGateway;
    private final QueryScope scope;
    private final ReadAudit readAudit;
    private final int maxReconciliationNumbers;

    public ComparisonQueryController(QueryGateway queryGateway, QueryScope scope, ReadAudit readAudit,
                                     @Value("${pes.reconciliation.max-numbers:20000}") int maxReconciliationNumbers) {
        this.queryGateway = queryGateway;
        this.scope = scope;
        this.readAudit = readAudit;
        this.maxReconciliationNumbers = maxReconciliationNumbers;
    }

    /** A batch for the officers whose scope covers the agency it was uploaded at; to others it does not exist. */
    @GetMapping("/api/comparison-batches/{batchId}")
    public Mono<ComparisonBatchView> batch(@PathVariable String batchId) {
        return scope.officer().flatMap(officer -> Mono.fromFuture(queryGateway.query(
                                    new FindComparisonBatchQuery(batchId), ResponseTypes.instanceOf(ComparisonBatchView.class)))
                                                      .doOnNext(view -> scope.requirePeopleListOf(officer, view.agencyId())))
                    .switchIfEmpty(Mono.error(() -> new ReadModelNotFoundException("No such batch")))
                    // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                    .subscribeOn(Schedulers.boundedElastic());
    }

    /** The batches uploaded at the agency and every agency it covers, the latest first. */
    @GetMapping("/api/agencies/{agencyId}/comparison-batches")
    public Mono<ComparisonBatchesView> batches(@PathVariable String agencyId) {
        return scope.officer().flatMap(officer -> {
            scope.requirePeopleListOf(officer, agencyId);
            return Mono.fromFuture(queryGateway.query(new FindComparisonBatchesQuery(agencyId),
                                                      ResponseTypes.instanceOf(ComparisonBatchesView.class)));
        })
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * The queue (待核实变更) of the agency and every agency it covers, oldest first; {@code state} defaults
     * to OPEN. It names people and what an outside register says of them: in the access log.
     */
    @GetMapping("/api/agencies/{agencyId}/status-change-proposals")
    public Mono<StatusChangeProposalsView> queue(@PathVariable String agencyId,
                                                 @RequestParam(name = "state", required = false) String state,
                                                 ServerWebExchange exchange) {
        return scope.officer().flatMap(officer -> {
            scope.requirePeopleListOf(officer, agencyId);
            return Mono.fromFuture(queryGateway.query(
                    new FindStatusChangeProposalsQuery(agencyId, QueryParameters.option("state", state, ProposalState.class)),
                    ResponseTypes.instanceOf(StatusChangeProposalsView.class)))
                       .flatMap(view -> readAudit.listExported(officer, PROPOSALS_LIST, "agency=" + agencyId + " state="
                               + view.state() + " format=json rows=" + view.lines().size(), exchange).thenReturn(view));
        })
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * The case's proposals, whatever their state: for whoever may see cases (REG-4) and whose scope covers
     * the agency responsible for them, since their evidence (a death, an imprisonment) is the agency's
     * business; the read is in the access log.
     */
    @GetMapping("/api/cases/{caseId}/status-change-proposals")
    public Mono<StatusChangeProposalsView> caseProposals(@PathVariable String caseId, ServerWebExchange exchange) {
        return scope.officer().flatMap(officer -> {
            scope.requireCaseView(officer);
            return Mono.fromFuture(queryGateway.query(new FindCaseStatusChangeProposalsQuery(caseId),
                                                      ResponseTypes.instanceOf(StatusChangeProposalsView.class)))
                       .doOnNext(view -> {
                           if (view.agencyId() != null) {
                               scope.requirePeopleListOf(officer, view.agencyId());
                           }
                       })
                       .flatMap(view -> readAudit.caseViewed(officer, caseId, "GET /api/cases/{id}/status-change-proposals",
                                                             exchange).thenReturn(view));
        })
                   .switchIfEmpty(Mono.error(() -> new ReadModelNotFoundException("No such case")))
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Bulk reconciliation (批量核对), city-wide like a search by ID number (REG-4). A POST only to keep the
     * numbers out of the URL; a list of people leaving as data is an export, so it is in the access log
     * (LIST_EXPORTED, counts only) before the answer leaves.
     */
    @PostMapping("/api/reconciliations")
    public Mono<ReconciliationView> reconcile(@RequestBody(required = false) ReconciliationRequest request,
                                              ServerWebExchange exchange) {
        if (request == null || request.idNumbers() == null || request.idNumbers().isEmpty()) {
            return Mono.error(new InvalidQueryInputException("idNumbers", "Give the list's ID numbers"));
        }
        if (request.idNumbers().size() > maxReconciliationNumbers) {
            return Mono.error(new ReconciliationTooLargeException(request.idNumbers().size(), maxReconciliationNumbers));
        }
        // A gap in the list (JSON null) is a missing number of its line, not a malformed request.
        List<String> numbers = request.idNumbers().stream().map(number -> number == null ? "" : number).toList();
        return scope.officer().flatMap(officer -> {
            scope.requireCaseView(officer);
            return Mono.fromFuture(queryGateway.query(new FindReconciliationQuery(numbers),
                                                      ResponseTypes.instanceOf(ReconciliationView.class)))
                       .flatMap(view -> readAudit.listExported(officer, "reconciliation", "numbers=" + view.lines().size()
                               + " found=" + view.lines().stream().filter(line -> line.caseId() != null).count()
                               + " invalid=" + view.lines().stream().map(ReconciliationLine::problem)
                                                   .filter(problem -> problem != null).count()
                               + " format=json", exchange).thenReturn(view));
        })
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }
}
