package cn.pes.casework.query.employerguidance;

import cn.pes.casework.events.employer.EmployerGuidanceView;
import cn.pes.casework.events.employer.FindEmployerGuidanceQuery;
import cn.pes.casework.query.web.QueryScope;
import cn.pes.casework.query.web.ReadModelNotFoundException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** An employer's guidance sessions, beside the employer page and for the same readers. */
@RestController
public class EmployerGuidanceController {

    private final QueryGateway queryGateway;
    private final QueryScope scope;

    public EmployerGuidanceController(QueryGateway queryGateway, QueryScope scope) {
        this.queryGateway = queryGateway;
        this.scope = scope;
    }

    @GetMapping("/api/employers/{employerId}/guidance")
    public Mono<EmployerGuidanceView> guidance(@PathVariable String employerId) {
        return scope.officer().flatMap(officer -> {
            scope.requireCaseView(officer);
            return Mono.fromFuture(queryGateway.query(new FindEmployerGuidanceQuery(employerId),
                                                      ResponseTypes.instanceOf(EmployerGuidanceView.class)));
        })
                   .switchIfEmpty(Mono.error(() -> new ReadModelNotFoundException("No such employer")))
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }
}
