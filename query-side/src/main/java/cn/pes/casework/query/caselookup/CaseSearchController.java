package cn.pes.casework.query.caselookup;

import cn.pes.casework.events.casefile.CaseSearchResult;
import cn.pes.casework.events.casefile.FindCasesByIdNumberQuery;
import cn.pes.casework.events.casefile.FindCasesByNameQuery;
import cn.pes.casework.query.web.InvalidQueryInputException;
import cn.pes.casework.query.web.QueryScope;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
public class CaseSearchController {

    private final QueryGateway queryGateway;
    private final QueryScope scope;

    public CaseSearchController(QueryGateway queryGateway, QueryScope scope) {
        this.queryGateway = queryGateway;
        this.scope = scope;
    }

    /**
     * A search is a POST only to keep the criteria out of the URL; it changes nothing. A full ID number
     * finds the person's case city-wide (REG-4); a name only cases of the agencies the officer covers.
     */
    @PostMapping("/api/case-searches")
    public Mono<CaseSearchResult> search(@RequestBody(required = false) CaseSearchRequest request) {
        String idNumber = request == null ? null : request.idNumber();
        String name = request == null ? null : request.name();
        boolean byIdNumber = idNumber != null && !idNumber.isBlank();
        boolean byName = name != null && !name.isBlank();
        if (byIdNumber == byName) {
            return Mono.error(new InvalidQueryInputException(
                    byIdNumber ? null : "idNumber", "Give either idNumber or name, not both and not neither"));
        }
        Object query = byIdNumber ? new FindCasesByIdNumberQuery(idNumber) : new FindCasesByNameQuery(name);
        return scope.officer().flatMap(officer -> {
            scope.requireCaseView(officer);
            return Mono.fromFuture(queryGateway.query(query, ResponseTypes.instanceOf(CaseSearchResult.class)))
                       .map(result -> byIdNumber ? result : new CaseSearchResult(result.cases().stream()
                               .filter(found -> scope.mayFindByName(officer, found.agencyId()))
                               .toList()));
        })
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }
}
