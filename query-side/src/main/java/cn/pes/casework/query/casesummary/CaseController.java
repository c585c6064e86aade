package cn.pes.casework.query.casesummary;

import cn.pes.casework.events.casefile.CaseView;
import cn.pes.casework.events.casefile.FindCaseQuery;
import cn.pes.casework.query.web.QueryScope;
import cn.pes.casework.query.web.ReadModelNotFoundException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
public class CaseController {

    private final QueryGateway queryGateway;
    private final QueryScope scope;

    public CaseController(QueryGateway queryGateway, QueryScope scope) {
        this.queryGateway = queryGateway;
        this.scope = scope;
    }

    /** Any case city-wide (REG-4); its personal data leaves masked, full values only by a logged disclosure. */
    @GetMapping("/api/cases/{caseId}")
    public Mono<CaseView> findCase(@PathVariable String caseId) {
        return scope.officer().flatMap(officer -> {
            scope.requireCaseView(officer);
            return Mono.fromFuture(queryGateway.query(new FindCaseQuery(caseId), ResponseTypes.instanceOf(CaseView.class)));
        })
                   .switchIfEmpty(Mono.error(() -> new ReadModelNotFoundException("No such case")))
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }
}
