package cn.pes.casework.query.statistics;

import cn.pes.casework.events.statistics.CaseloadFigures;
import cn.pes.casework.events.statistics.CaseloadStatisticsView;
import cn.pes.casework.events.statistics.ContactFigures;
import cn.pes.casework.events.statistics.FindCaseloadFiguresQuery;
import cn.pes.casework.events.statistics.FindContactFiguresQuery;
import cn.pes.casework.events.statistics.FindFlowFiguresQuery;
import cn.pes.casework.events.statistics.FlowFigures;
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
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** Figures for analysts (and the agencies' own caseworkers and auditors): never a case, never a person. */
@RestController
public class StatisticsController {

    private final QueryGateway queryGateway;
    private final QueryScope scope;
    private final AgencyDirectory agencies;
    private final Clock clock;

    public StatisticsController(QueryGateway queryGateway, QueryScope scope, AgencyDirectory agencies, Clock clock) {
        this.queryGateway = queryGateway;
        this.scope = scope;
        this.agencies = agencies;
        this.clock = clock;
    }

    /**
     * An agency's caseload in a month (default: the current one in the agencies' time zone), summed over
     * every agency it covers: a county with its streets, the city with all. Pending and overdue
     * applications are today's, whatever the month; registrations and endings are those that took
     * effect in the month, whenever they were recorded.
     */
    @GetMapping("/api/statistics/agencies/{agencyId}/caseload")
    public Mono<CaseloadStatisticsView> caseload(@PathVariable String agencyId,
                                                 @RequestParam(name = "month", required = false) String month) {
        return scope.officer().flatMap(officer -> {
            scope.requireStatisticsOf(officer, agencyId);
            YearMonth yearMonth = QueryParameters.month("month", month, clock);
            List<String> counted = agencies.coveredBy(agencyId).stream().map(Agency::id).toList();
            Mono<CaseloadFigures> caseload = Mono.fromFuture(queryGateway.query(
                    new FindCaseloadFiguresQuery(counted, yearMonth, LocalDate.now(clock)),
                    ResponseTypes.instanceOf(CaseloadFigures.class)));
            Mono<ContactFigures> contacts = Mono.fromFuture(queryGateway.query(
                    new FindContactFiguresQuery(counted, yearMonth), ResponseTypes.instanceOf(ContactFigures.class)));
            Mono<FlowFigures> flows = Mono.fromFuture(queryGateway.query(
                    new FindFlowFiguresQuery(counted, yearMonth), ResponseTypes.instanceOf(FlowFigures.class)));
            return Mono.zip(caseload, contacts, flows).map(figures -> {
                CaseloadFigures load = figures.getT1();
                ContactFigures contact = figures.getT2();
                FlowFigures flow = figures.getT3();
                return new CaseloadStatisticsView(agencyId, yearMonth, counted, load.activeCases(),
                                                  contact.contactedCases(), load.uncontactedCases(),
                                                  load.pendingApplications(), load.overdueApplications(),
                                                  flow.newRegistrations(), flow.employed(), flow.cancelled());
            });
        })
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }
}
