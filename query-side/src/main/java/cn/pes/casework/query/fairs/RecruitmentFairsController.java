package cn.pes.casework.query.fairs;

import cn.pes.casework.events.fair.FindRecruitmentFairQuery;
import cn.pes.casework.events.fair.FindRecruitmentFairsQuery;
import cn.pes.casework.events.fair.RecruitmentFairView;
import cn.pes.casework.events.fair.RecruitmentFairsView;
import cn.pes.casework.query.web.QueryParameters;
import cn.pes.casework.query.web.QueryScope;
import cn.pes.casework.query.web.ReadModelNotFoundException;
import cn.pes.casework.security.Officer;
import cn.pes.casework.security.Role;
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
import java.time.YearMonth;

/**
 * Recruitment fairs (JOB-5) for caseworkers, reviewers and auditors. A fair lists the people invited
 * and attending (masked), so it is shown to the agencies covering its organiser, and to auditors;
 * elsewhere it answers as if it did not exist (404).
 */
@RestController
public class RecruitmentFairsController {

    static final String NO_SUCH_FAIR = "No such fair";
    static final String NO_SUCH_AGENCY = "No such agency";
    /** A fair's invited and attending people: the list's name in the access log. */
    public static final String PARTICIPANTS_LIST = "fair-participants";

    private final QueryGateway queryGateway;
    private final QueryScope scope;
    private final AgencyDirectory agencies;
    private final ReadAudit readAudit;
    private final Clock clock;

    public RecruitmentFairsController(QueryGateway queryGateway, QueryScope scope, AgencyDirectory agencies,
                                      ReadAudit readAudit, Clock clock) {
        this.readAudit = readAudit;
        this.queryGateway = queryGateway;
        this.scope = scope;
        this.agencies = agencies;
        this.clock = clock;
    }

    /**
     * @param agency the organising agency, with those it covers (default: the officer's own)
     * @param month  the month held in, yyyy-MM; absent for every month
     */
    @GetMapping("/api/fairs")
    public Mono<RecruitmentFairsView> fairs(@RequestParam(name = "agency", required = false) String agency,
                                            @RequestParam(name = "month", required = false) String month) {
        return scope.officer().flatMap(officer -> {
            String agencyId = agency == null || agency.isBlank() ? officer.agencyId() : agency.strip();
            if (!mayRead(officer, agencyId)) {
                throw new ReadModelNotFoundException(NO_SUCH_AGENCY);
            }
            YearMonth yearMonth = month == null || month.isBlank() ? null : QueryParameters.month("month", month, clock);
            return Mono.fromFuture(queryGateway.query(new FindRecruitmentFairsQuery(agencyId, yearMonth),
                                                      ResponseTypes.instanceOf(RecruitmentFairsView.class)));
        })
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }

    /** The fair with its employers and people; the people leave as data, so the read is in the access log. */
    @GetMapping("/api/fairs/{fairId}")
    public Mono<RecruitmentFairView> fair(@PathVariable String fairId, ServerWebExchange exchange) {
        return scope.officer().flatMap(officer -> {
            if (!mayRead(officer, null)) {
                throw new ReadModelNotFoundException(NO_SUCH_FAIR);
            }
            return Mono.fromFuture(queryGateway.query(new FindRecruitmentFairQuery(fairId),
                                                      ResponseTypes.instanceOf(RecruitmentFairView.class)))
                       .filter(view -> mayRead(officer, view.fair().organiserAgencyId()))
                       .flatMap(view -> readAudit.listExported(officer, PARTICIPANTS_LIST, "fair=" + fairId
                               + " format=json rows=" + view.participants().size(), exchange).thenReturn(view));
        })
                   .switchIfEmpty(Mono.error(() -> new ReadModelNotFoundException(NO_SUCH_FAIR)))
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Auditors read every agency's fairs; caseworkers and reviewers those of their agency and below.
     * Without an agency only the role is checked.
     */
    private boolean mayRead(Officer officer, String agencyId) {
        if (officer == null) {
            return false;
        }
        boolean role = officer.has(Role.CASEWORKER) || officer.has(Role.REVIEWER);
        if (agencyId == null) {
            return role || officer.has(Role.AUDITOR);
        }
        return agencies.exists(agencyId)
                && (officer.has(Role.AUDITOR) || (role && agencies.covers(officer.agencyId(), agencyId)));
    }
}
