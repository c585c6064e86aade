package cn.pes.casework.query.agencycaseload;

import cn.pes.casework.events.registration.FindPendingApplicationsQuery;
import cn.pes.casework.events.registration.PendingApplicationsView;
import cn.pes.casework.events.tracking.FindUncontactedCasesPageQuery;
import cn.pes.casework.events.tracking.FindUncontactedCasesQuery;
import cn.pes.casework.events.tracking.UncontactedCasesPage;
import cn.pes.casework.events.tracking.UncontactedCasesView;
import cn.pes.casework.query.web.QueryParameters;
import cn.pes.casework.query.web.QueryScope;
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
import java.time.YearMonth;

@RestController
public class AgencyCaseloadController {

    /** The TRK-1 list's name in the access log. */
    public static final String UNCONTACTED_LIST = "uncontacted-cases";
    /** REG-5's list's name in the access log, the same as its file download's. */
    public static final String PENDING_LIST = "pending-applications";

    private final QueryGateway queryGateway;
    private final Clock clock;
    private final QueryScope scope;
    private final ReadAudit readAudit;

    public AgencyCaseloadController(QueryGateway queryGateway, Clock clock, QueryScope scope, ReadAudit readAudit) {
        this.queryGateway = queryGateway;
        this.clock = clock;
        this.scope = scope;
        this.readAudit = readAudit;
    }

    /**
     * TRK-1: active cases of the agency not yet contacted in the month (default: the current month).
     * Like the ledger, a whole list of people leaving as data is an export: it is in the access log
     * (LIST_EXPORTED) before the answer leaves.
     */
    @GetMapping("/api/agencies/{agencyId}/uncontacted-cases")
    public Mono<UncontactedCasesView> uncontacted(@PathVariable String agencyId,
                                                  @RequestParam(name = "month", required = false) String month,
                                                  ServerWebExchange exchange) {
        return scope.officer().flatMap(officer -> {
            scope.requirePeopleListOf(officer, agencyId);
            YearMonth yearMonth = QueryParameters.month("month", month, clock);
            return Mono.fromFuture(queryGateway.query(new FindUncontactedCasesQuery(agencyId, yearMonth),
                                                      ResponseTypes.instanceOf(UncontactedCasesView.class)))
                       .flatMap(view -> readAudit.listExported(officer, UNCONTACTED_LIST, "agency=" + agencyId
                               + " month=" + view.month() + " format=json rows=" + view.cases().size(), exchange)
                                                 .thenReturn(view));
        })
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * A page of the same list ({@code page} from 1, {@code size} cases, default 50, at most 500), with
     * the list's total and the active caseload: how a caseworker works through a street's thousands of
     * cases early in a month. Each page read is in the access log as an export of its cases.
     */
    @GetMapping("/api/agencies/{agencyId}/uncontacted-cases/page")
    public Mono<UncontactedCasesPage> uncontactedPage(@PathVariable String agencyId,
                                                      @RequestParam(name = "month", required = false) String month,
                                                      @RequestParam(name = "page", required = false) String page,
                                                      @RequestParam(name = "size", required = false) String size,
                                                      ServerWebExchange exchange) {
        return scope.officer().flatMap(officer -> {
            scope.requirePeopleListOf(officer, agencyId);
            YearMonth yearMonth = QueryParameters.month("month", month, clock);
            int pageNumber = QueryParameters.wholeNumber("page", page, 1, 1, 1_000_000);
            int pageSize = QueryParameters.wholeNumber("size", size, QueryParameters.DEFAULT_PAGE_SIZE, 1,
                                                       QueryParameters.MAX_PAGE_SIZE);
            return Mono.fromFuture(queryGateway.query(
                               new FindUncontactedCasesPageQuery(agencyId, yearMonth, pageNumber, pageSize),
                               ResponseTypes.instanceOf(UncontactedCasesPage.class)))
                       .flatMap(view -> readAudit.listExported(officer, UNCONTACTED_LIST, "agency=" + agencyId
                               + " month=" + view.month() + " format=json page=" + pageNumber + " size=" + pageSize
                               + " rows=" + view.cases().size(), exchange)
                                                 .thenReturn(view));
        })
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * REG-5: online applications awaiting a decision; overdue when due before {@code asOf} (default
     * today). A list of people too: in the access log as the file download of it is.
     */
    @GetMapping("/api/agencies/{agencyId}/pending-applications")
    public Mono<PendingApplicationsView> pending(@PathVariable String agencyId,
                                                 @RequestParam(name = "overdueOnly", required = false) String overdueOnly,
                                                 @RequestParam(name = "asOf", required = false) String asOf,
                                                 ServerWebExchange exchange) {
        return scope.officer().flatMap(officer -> {
            scope.requirePeopleListOf(officer, agencyId);
            boolean overdue = QueryParameters.flag("overdueOnly", overdueOnly);
            return Mono.fromFuture(queryGateway.query(
                               new FindPendingApplicationsQuery(agencyId, QueryParameters.date("asOf", asOf, clock), overdue),
                               ResponseTypes.instanceOf(PendingApplicationsView.class)))
                       .flatMap(view -> readAudit.listExported(officer, PENDING_LIST, "agency=" + agencyId
                               + " asOf=" + view.asOf() + " overdueOnly=" + overdue + " format=json rows="
                               + view.applications().size(), exchange)
                                                 .thenReturn(view));
        })
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }
}
