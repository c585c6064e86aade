package cn.pes.casework.query.subsidypipeline;

import cn.pes.casework.events.subsidy.CaseSubsidiesView;
import cn.pes.casework.events.subsidy.FindCaseSubsidiesQuery;
import cn.pes.casework.events.subsidy.FindMissedSubsidyDeadlinesQuery;
import cn.pes.casework.events.subsidy.FindSubsidyPipelineQuery;
import cn.pes.casework.events.subsidy.MissedSubsidyDeadlinesView;
import cn.pes.casework.events.subsidy.SubsidyPipelineView;
import cn.pes.casework.events.subsidy.SubsidyStage;
import cn.pes.casework.query.web.QueryParameters;
import cn.pes.casework.query.web.QueryScope;
import cn.pes.casework.query.web.ReadModelNotFoundException;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import cn.pes.casework.security.audit.ReadAudit;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.util.List;

@RestController
public class SubsidyPipelineController {

    /** A department's applications (SUB-3..SUB-5) name the applicants: the list's name in the access log. */
    public static final String PIPELINE_LIST = "subsidy-pipeline";

    private final QueryGateway queryGateway;
    private final QueryScope scope;
    private final AgencyDirectory agencies;
    private final ReadAudit readAudit;
    private final Clock clock;

    public SubsidyPipelineController(QueryGateway queryGateway, QueryScope scope, AgencyDirectory agencies,
                                     ReadAudit readAudit, Clock clock) {
        this.readAudit = readAudit;
        this.queryGateway = queryGateway;
        this.scope = scope;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** SUB-3..SUB-5: a department's applications by stage, days left counted from {@code asOf} (default today). */
    @GetMapping("/api/departments/{departmentId}/subsidy-pipeline")
    public Mono<SubsidyPipelineView> pipeline(@PathVariable String departmentId,
                                              @RequestParam(name = "stage", required = false) String stage,
                                              @RequestParam(name = "asOf", required = false) String asOf,
                                              ServerWebExchange exchange) {
        return scope.officer().flatMap(officer -> {
            scope.requireSubsidyApplicationsOf(officer, departmentId);
            SubsidyStage stageFilter = QueryParameters.option("stage", stage, SubsidyStage.class);
            return Mono.fromFuture(queryGateway.query(
                    new FindSubsidyPipelineQuery(departmentId, stageFilter, QueryParameters.date("asOf", asOf, clock)),
                    ResponseTypes.instanceOf(SubsidyPipelineView.class)))
                       .flatMap(view -> readAudit.listExported(officer, PIPELINE_LIST, "department=" + departmentId
                               + (stageFilter == null ? "" : " stage=" + stageFilter) + " asOf=" + view.asOf()
                               + " format=json rows=" + view.applications().size(), exchange).thenReturn(view));
        })
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Missed review and payment deadlines of the department and of every agency it covers (a county
     * with its streets): a county answers for what its streets let slip.
     */
    @GetMapping("/api/departments/{departmentId}/missed-subsidy-deadlines")
    public Mono<MissedSubsidyDeadlinesView> missedDeadlines(@PathVariable String departmentId) {
        return scope.officer().flatMap(officer -> {
            scope.requireSubsidyApplicationsOf(officer, departmentId);
            List<String> departments = agencies.coveredBy(departmentId).stream().map(Agency::id).toList();
            return Mono.fromFuture(queryGateway.query(new FindMissedSubsidyDeadlinesQuery(departments),
                                                      ResponseTypes.instanceOf(MissedSubsidyDeadlinesView.class)));
        })
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }

    /** Whoever may see the case may see its subsidy applications, with the same masking (REG-4). */
    @GetMapping("/api/cases/{caseId}/subsidies")
    public Mono<CaseSubsidiesView> caseSubsidies(@PathVariable String caseId,
                                                 @RequestParam(name = "asOf", required = false) String asOf) {
        return scope.officer().flatMap(officer -> {
            scope.requireCaseView(officer);
            return Mono.fromFuture(queryGateway.query(new FindCaseSubsidiesQuery(caseId, QueryParameters.date("asOf", asOf, clock)),
                                                      ResponseTypes.instanceOf(CaseSubsidiesView.class)));
        })
                   .switchIfEmpty(Mono.error(() -> new ReadModelNotFoundException("No such case")))
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }
}
