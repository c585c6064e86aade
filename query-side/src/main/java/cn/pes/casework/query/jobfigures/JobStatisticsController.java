package cn.pes.casework.query.jobfigures;

import cn.pes.casework.events.statistics.FindJobFiguresQuery;
import cn.pes.casework.events.statistics.JobFigures;
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

/** Job introduction figures, under the same statistics rule as the caseload: never a case, never a person. */
@RestController
public class JobStatisticsController {

    private final QueryGateway queryGateway;
    private final QueryScope scope;
    private final AgencyDirectory agencies;
    private final Clock clock;

    public JobStatisticsController(QueryGateway queryGateway, QueryScope scope, AgencyDirectory agencies, Clock clock) {
        this.queryGateway = queryGateway;
        this.scope = scope;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** The month's figures (default: the current one) of the agency and every agency it covers. */
    @GetMapping("/api/statistics/agencies/{agencyId}/jobs")
    public Mono<JobStatistics> jobs(@PathVariable String agencyId,
                                    @RequestParam(name = "month", required = false) String month) {
        return scope.officer().flatMap(officer -> {
            scope.requireStatisticsOf(officer, agencyId);
            YearMonth yearMonth = QueryParameters.month("month", month, clock);
            List<String> counted = agencies.coveredBy(agencyId).stream().map(Agency::id).toList();
            return Mono.fromFuture(queryGateway.query(new FindJobFiguresQuery(counted, yearMonth),
                                                      ResponseTypes.instanceOf(JobFigures.class)))
                       .map(figures -> new JobStatistics(agencyId, yearMonth, counted, figures.registrationsReviewed(),
                                                         figures.reviewedOnTime(), figures.referralsMade(),
                                                         figures.hiresThroughReferral(), figures.fairsHeld(),
                                                         figures.fairAttendees(), figures.fairReferrals(),
                                                         figures.guidanceSessions()));
        })
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }
}
