package cn.pes.casework.query.disclosure;

import cn.pes.casework.events.casefile.CaseView;
import cn.pes.casework.events.casefile.FindCaseQuery;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.query.web.InvalidQueryInputException;
import cn.pes.casework.query.web.QueryScope;
import cn.pes.casework.query.web.ReadModelNotFoundException;
import cn.pes.casework.security.audit.AccessAction;
import cn.pes.casework.security.audit.AccessLog;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.util.regex.Pattern;

@RestController
public class PersonalDataDisclosureController {

    static final String CORRELATION_HEADER = "X-Correlation-Id";
    static final int MIN_PURPOSE = 4;
    static final int MAX_PURPOSE = 200;
    /** The command side's rule: anything else is not a correlation ID and would only pollute the log. */
    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final QueryGateway queryGateway;
    private final QueryScope scope;
    private final AccessLog accessLog;
    private final Clock clock;

    public PersonalDataDisclosureController(QueryGateway queryGateway, QueryScope scope, AccessLog accessLog,
                                            Clock clock) {
        this.queryGateway = queryGateway;
        this.scope = scope;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /**
     * The full ID number, name and phone of a case, for a caseworker of an agency that covers the case's
     * current agency, or an auditor; to anyone else the case does not exist. Every disclosure is in the
     * access log, with its purpose, before the values leave.
     */
    @PostMapping("/api/cases/{caseId}/personal-data/disclosures")
    public Mono<PersonalDataDisclosure> disclose(@PathVariable String caseId,
                                                 @RequestBody(required = false) DisclosureRequest request,
                                                 ServerWebExchange exchange) {
        String purpose = purpose(request);
        String correlationId = correlationId(exchange);
        return scope.officer().flatMap(officer -> Mono.fromFuture(queryGateway.query(
                                   new FindCaseQuery(caseId), ResponseTypes.instanceOf(CaseView.class)))
                           .switchIfEmpty(Mono.error(() -> new ReadModelNotFoundException("No such case")))
                           // The access log is JDBC: blocking, so on a worker whichever thread completed the query.
                           .publishOn(Schedulers.boundedElastic())
                           .map(view -> {
                               scope.requireReveal(officer, view.agencyId());
                               PersonalData person = view.person();
                               if (person == null || person.erased()) {
                                   // Erased: there is nothing to disclose, so nothing to log.
                                   throw new ReadModelNotFoundException("No personal data to disclose");
                               }
                               // Logged before the values leave: no disclosure without its record.
                               accessLog.record(officer.officerId(), officer.agencyId(),
                                                AccessAction.PERSONAL_DATA_REVEALED, caseId, purpose, correlationId);
                               return new PersonalDataDisclosure(caseId, person.idNumber(), person.name(),
                                                                 person.phone(), clock.instant());
                           }))
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }

    private static String purpose(DisclosureRequest request) {
        String purpose = request == null || request.purpose() == null ? "" : request.purpose().strip();
        int length = purpose.codePointCount(0, purpose.length());
        if (length < MIN_PURPOSE || length > MAX_PURPOSE) {
            throw new InvalidQueryInputException("purpose", "purpose must say why the full personal data is needed, in "
                    + MIN_PURPOSE + " to " + MAX_PURPOSE + " characters");
        }
        return purpose;
    }

    private static String correlationId(ServerWebExchange exchange) {
        String value = exchange.getRequest().getHeaders().getFirst(CORRELATION_HEADER);
        return value != null && CORRELATION_ID.matcher(value).matches() ? value : null;
    }
}
