package cn.pes.casework.query.asof;

import cn.pes.casework.events.asof.CaseAsOfView;
import cn.pes.casework.events.asof.FindCaseAsOfQuery;
import cn.pes.casework.events.asof.TimeBasis;
import cn.pes.casework.query.web.InvalidQueryInputException;
import cn.pes.casework.query.web.QueryParameters;
import cn.pes.casework.query.web.QueryScope;
import cn.pes.casework.query.web.ReadModelNotFoundException;
import cn.pes.casework.security.audit.AccessAction;
import cn.pes.casework.security.audit.AccessLog;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

@RestController
public class CaseAsOfController {

    private final QueryGateway queryGateway;
    private final QueryScope scope;
    private final AccessLog accessLog;
    private final Clock clock;
    private final ZoneId zone;

    public CaseAsOfController(QueryGateway queryGateway, QueryScope scope, AccessLog accessLog, Clock clock,
                              @Value("${pes.zone:Asia/Shanghai}") String zone) {
        this.queryGateway = queryGateway;
        this.scope = scope;
        this.accessLog = accessLog;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /**
     * A case as it was at {@code at} (an ISO instant, or a local date-time in the agencies' zone), by
     * {@code basis} RECORDED (default) or EFFECTIVE; masked like the case. A past state is a reading of
     * the whole history, so it is for those who may reveal the case: auditors, and caseworkers whose
     * agency covers the case's agency today; to others the case does not exist. Every answer is in the
     * access log.
     */
    @GetMapping("/api/cases/{caseId}/as-of")
    public Mono<CaseAsOfView> asOf(@PathVariable String caseId, @RequestParam(required = false) String at,
                                   @RequestParam(required = false) String basis) {
        Instant moment = moment(at);
        TimeBasis timeBasis = QueryParameters.option("basis", basis, TimeBasis.class);
        TimeBasis chosen = timeBasis == null ? TimeBasis.RECORDED : timeBasis;
        return scope.officer().flatMap(officer -> {
            scope.requireCaseView(officer);
            return Mono.fromFuture(queryGateway.query(new FindCaseAsOfQuery(caseId, moment, chosen),
                                                      ResponseTypes.instanceOf(CaseAsOfView.class)))
                       .switchIfEmpty(Mono.error(() -> new ReadModelNotFoundException("No such case")))
                       .map(view -> {
                           scope.requireReveal(officer, view.currentAgencyId());
                           accessLog.record(officer.officerId(), officer.agencyId(), AccessAction.CASE_VIEWED, caseId,
                                            "as of " + moment + " " + chosen, null);
                           return view;
                       });
        })
                   // Event store and access log block: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }

    private Instant moment(String at) {
        if (at == null || at.isBlank()) {
            throw new InvalidQueryInputException("at", "at is required: an ISO instant (2026-05-10T04:00:00Z) "
                    + "or a local date-time (2026-05-10T12:00)");
        }
        Instant moment;
        String value = at.strip();
        try {
            moment = Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            try {
                moment = LocalDateTime.parse(value).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidQueryInputException("at", "at must be an ISO instant (2026-05-10T04:00:00Z) "
                        + "or a local date-time (2026-05-10T12:00)");
            }
        }
        if (moment.isAfter(clock.instant())) {
            throw new InvalidQueryInputException("at", "at must not be in the future");
        }
        return moment;
    }
}
