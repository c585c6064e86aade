package cn.pes.casework.query.casesummary;

import cn.pes.casework.events.casefile.CaseView;
import cn.pes.casework.events.casefile.FindCaseQuery;
import cn.pes.casework.query.web.QueryScope;
import cn.pes.casework.query.web.ReadModelNotFoundException;
import cn.pes.casework.security.audit.ReadAudit;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
public class CaseController {

    private final QueryGateway queryGateway;
    private final QueryScope scope;
    private final ReadAudit readAudit;

    public CaseController(QueryGateway queryGateway, QueryScope scope, ReadAudit readAudit) {
        this.queryGateway = queryGateway;
        this.scope = scope;
        this.readAudit = readAudit;
    }

    /**
     * Any case city-wide (REG-4); its personal data leaves masked, full values only by a logged disclosure.
     * The read itself is in the access log (CASE_VIEWED) before the answer leaves.
     */
    @GetMapping("/api/cases/{caseId}")
    public Mono<CaseView> findCase(@PathVariable String caseId, ServerWebExchange exchange) {
        return scope.officer().flatMap(officer -> {
            scope.requireCaseView(officer);
            return Mono.fromFuture(queryGateway.query(new FindCaseQuery(caseId), ResponseTypes.instanceOf(CaseView.class)))
                       .flatMap(view -> readAudit.caseViewed(officer, caseId, "GET /api/cases/{id}", exchange)
                                                 .thenReturn(view));
        })
                   .switchIfEmpty(Mono.error(() -> new ReadModelNotFoundException("No such case")))
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }
}
