package cn.pes.casework.query.agencycaseload;

import cn.pes.casework.events.registration.FindPendingApplicationsQuery;
import cn.pes.casework.events.registration.PendingApplicationsView;
import cn.pes.casework.events.tracking.FindUncontactedCasesQuery;
import cn.pes.casework.events.tracking.UncontactedCasesView;
import cn.pes.casework.query.web.QueryParameters;
import cn.pes.casework.query.web.QueryScope;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;

@RestController
public class AgencyCaseloadController {

    private final QueryGateway queryGateway;
    private final Clock clock;
    private final QueryScope scope;

    public AgencyCaseloadController(QueryGateway queryGateway, Clock clock, QueryScope scope) {
        this.queryGateway = queryGateway;
        this.clock = clock;
        this.scope = scope;
    }

    /** TRK-1: active cases of the agency not yet contacted in the month (default: the current month). */
    @GetMapping("/api/agencies/{agencyId}/uncontacted-cases")
    public Mono<UncontactedCasesView> uncontacted(@PathVariable String agencyId,
                                                  @RequestParam(name = "month", required = false) String month) {
        return scope.officer().flatMap(officer -> {
            scope.requirePeopleListOf(officer, agencyId);
            return Mono.fromFuture(queryGateway.query(
                    new FindUncontactedCasesQuery(agencyId, QueryParameters.month("month", month, clock)),
                    ResponseTypes.instanceOf(UncontactedCasesView.class)));
        })
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }

    /** REG-5: online applications awaiting a decision; overdue when due before {@code asOf} (default today). */
    @GetMapping("/api/agencies/{agencyId}/pending-applications")
    public Mono<PendingApplicationsView> pending(@PathVariable String agencyId,
                                                 @RequestParam(name = "overdueOnly", required = false) String overdueOnly,
                                                 @RequestParam(name = "asOf", required = false) String asOf) {
        return scope.officer().flatMap(officer -> {
            scope.requirePeopleListOf(officer, agencyId);
            return Mono.fromFuture(queryGateway.query(
                    new FindPendingApplicationsQuery(agencyId, QueryParameters.date("asOf", asOf, clock),
                                                     QueryParameters.flag("overdueOnly", overdueOnly)),
                    ResponseTypes.instanceOf(PendingApplicationsView.class)));
        })
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }
}
