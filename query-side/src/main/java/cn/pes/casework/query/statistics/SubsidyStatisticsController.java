package cn.pes.casework.query.statistics;

import cn.pes.casework.events.subsidy.FindSubsidyTotalsQuery;
import cn.pes.casework.events.subsidy.SubsidyTotals;
import cn.pes.casework.query.web.QueryParameters;
import cn.pes.casework.query.web.QueryScope;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

/** Skills subsidy figures, under the same statistics rule as the caseload: never a case, never a person. */
@RestController
public class SubsidyStatisticsController {

    private final QueryGateway queryGateway;
    private final QueryScope scope;
    private final AgencyDirectory agencies;
    private final Clock clock;

    public SubsidyStatisticsController(QueryGateway queryGateway, QueryScope scope, AgencyDirectory agencies,
                                       Clock clock) {
        this.queryGateway = queryGateway;
        this.scope = scope;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** Payments made in the month (default: the current one) by the agency and every agency it covers. */
    @GetMapping("/api/statistics/agencies/{agencyId}/subsidies")
    public Mono<SubsidyStatistics> subsidies(@PathVariable String agencyId,
                                             @RequestParam(name = "month", required = false) String month) {
        return scope.officer().flatMap(officer -> {
            scope.requireStatisticsOf(officer, agencyId);
            YearMonth yearMonth = QueryParameters.month("month", month, clock);
            List<String> counted = agencies.coveredBy(agencyId).stream().map(Agency::id).toList();
            return Mono.fromFuture(queryGateway.query(new FindSubsidyTotalsQuery(counted, yearMonth),
                                                      ResponseTypes.instanceOf(SubsidyTotals.class)))
                       .map(totals -> new SubsidyStatistics(agencyId, yearMonth, counted, totals.subsidiesPaid(),
                                                            totals.subsidyAmount(), totals.allowancesPaid(),
                                                            totals.allowanceAmount()));
        })
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }
}
