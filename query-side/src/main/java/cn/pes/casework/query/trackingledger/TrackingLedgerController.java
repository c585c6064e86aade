package cn.pes.casework.query.trackingledger;

import cn.pes.casework.events.tracking.FindTrackingLedgerPageQuery;
import cn.pes.casework.events.tracking.FindTrackingLedgerQuery;
import cn.pes.casework.events.tracking.TrackingLedgerPage;
import cn.pes.casework.events.tracking.TrackingLedgerView;
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
public class TrackingLedgerController {

    private final QueryGateway queryGateway;
    private final Clock clock;
    private final QueryScope scope;
    private final ReadAudit readAudit;

    public TrackingLedgerController(QueryGateway queryGateway, Clock clock, QueryScope scope, ReadAudit readAudit) {
        this.queryGateway = queryGateway;
        this.clock = clock;
        this.scope = scope;
        this.readAudit = readAudit;
    }

    /**
     * The ledger of a month, by default the current one in the agencies' time zone: for the agency's own
     * caseworkers, those of the county or city above it, and auditors. A whole list of people leaving as
     * data is an export: it is in the access log (LIST_EXPORTED) before the answer leaves.
     */
    @GetMapping("/api/agencies/{agencyId}/tracking-ledger")
    public Mono<TrackingLedgerView> ledger(@PathVariable String agencyId,
                                           @RequestParam(name = "month", required = false) String month,
                                           ServerWebExchange exchange) {
        return scope.officer().flatMap(officer -> {
            scope.requirePeopleListOf(officer, agencyId);
            YearMonth yearMonth = QueryParameters.month("month", month, clock);
            return Mono.fromFuture(queryGateway.query(new FindTrackingLedgerQuery(agencyId, yearMonth),
                                                      ResponseTypes.instanceOf(TrackingLedgerView.class)))
                       .flatMap(view -> readAudit.listExported(officer, "tracking-ledger", "agency=" + agencyId
                               + " month=" + yearMonth + " format=json rows=" + view.rows().size(), exchange)
                                                 .thenReturn(view));
        })
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * A page of the same ledger ({@code page} from 1, {@code size} rows, default 50, at most 500), with
     * the ledger's total: how a caseworker reads a street's ledger of thousands of contacts. Each page
     * read is in the access log as an export of its rows.
     */
    @GetMapping("/api/agencies/{agencyId}/tracking-ledger/page")
    public Mono<TrackingLedgerPage> ledgerPage(@PathVariable String agencyId,
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
            return Mono.fromFuture(queryGateway.query(new FindTrackingLedgerPageQuery(agencyId, yearMonth, pageNumber, pageSize),
                                                      ResponseTypes.instanceOf(TrackingLedgerPage.class)))
                       .flatMap(view -> readAudit.listExported(officer, "tracking-ledger", "agency=" + agencyId
                               + " month=" + yearMonth + " format=json page=" + pageNumber + " size=" + pageSize
                               + " rows=" + view.rows().size(), exchange)
                                                 .thenReturn(view));
        })
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }
}
