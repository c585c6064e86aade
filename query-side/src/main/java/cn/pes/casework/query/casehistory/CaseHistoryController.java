package cn.pes.casework.query.casehistory;

import cn.pes.casework.events.casefile.CaseHistoryView;
import cn.pes.casework.events.casefile.FindCaseHistoryQuery;
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
public class CaseHistoryController {

    private final QueryGateway queryGateway;
    private final QueryScope scope;
    private final ReadAudit readAudit;

    public CaseHistoryController(QueryGateway queryGateway, QueryScope scope, ReadAudit readAudit) {
        this.queryGateway = queryGateway;
        this.scope = scope;
        this.readAudit = readAudit;
    }

    /** Whoever may see the case may see its history, with the same masking; the read is in the access log. */
    @GetMapping("/api/cases/{caseId}/history")
    public Mono<CaseHistoryView> history(@PathVariable String caseId, ServerWebExchange exchange) {
        return scope.officer().flatMap(officer -> {
            scope.requireCaseView(officer);
            return Mono.fromFuture(queryGateway.query(new FindCaseHistoryQuery(caseId),
                                                      ResponseTypes.instanceOf(CaseHistoryView.class)))
                       .flatMap(view -> readAudit.caseViewed(officer, caseId, "GET /api/cases/{id}/history", exchange)
                                                 .thenReturn(view));
        })
                   .switchIfEmpty(Mono.error(() -> new ReadModelNotFoundException("No such case")))
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }
}
