package cn.pes.casework.query.matching;

import cn.pes.casework.events.jobseeking.FindJobSeekingProfileQuery;
import cn.pes.casework.events.jobseeking.JobSeekingProfileView;
import cn.pes.casework.events.matching.CandidateMatchesView;
import cn.pes.casework.events.matching.FindCandidateMatchesQuery;
import cn.pes.casework.events.matching.FindVacancyMatchesQuery;
import cn.pes.casework.events.matching.VacancyMatchesView;
import cn.pes.casework.query.jobseekers.JobSeekersController;
import cn.pes.casework.query.web.QueryParameters;
import cn.pes.casework.query.web.QueryScope;
import cn.pes.casework.query.web.ReadModelNotFoundException;
import cn.pes.casework.security.AccessRules;
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

/**
 * Matching (人岗匹配, JOB-4). Vacancies for a person follow the profile's scope (the case's agency);
 * candidates for a vacancy are a city-wide search, as the vacancy search is, with masked personal data.
 */
@RestController
public class MatchingController {

    /** The candidates of a vacancy: a city-wide list of people, so its name in the access log. */
    public static final String CANDIDATES_LIST = "vacancy-candidates";

    private final QueryGateway queryGateway;
    private final QueryScope scope;
    private final AccessRules rules;
    private final AgencyDirectory agencies;
    private final MatchingWeights weights;
    private final ReadAudit readAudit;

    public MatchingController(QueryGateway queryGateway, QueryScope scope, AccessRules rules, AgencyDirectory agencies,
                              MatchingWeights weights, ReadAudit readAudit) {
        this.readAudit = readAudit;
        this.queryGateway = queryGateway;
        this.scope = scope;
        this.rules = rules;
        this.agencies = agencies;
        this.weights = weights;
    }

    /** 404 when the case has no job-seeking registration or lies outside the officer's scope. */
    @GetMapping("/api/cases/{caseId}/vacancy-matches")
    public Mono<VacancyMatchesView> vacancyMatches(@PathVariable String caseId,
                                                   @RequestParam(name = "limit", required = false) String limit) {
        return scope.officer().flatMap(officer -> {
            scope.requireCaseView(officer);
            int lines = limit(limit);
            return Mono.fromFuture(queryGateway.query(new FindJobSeekingProfileQuery(caseId),
                                                      ResponseTypes.instanceOf(JobSeekingProfileView.class)))
                       .filter(profile -> JobSeekersController.mayReadJobSeekingOf(officer, profile.agencyId(), rules, agencies))
                       .flatMap(profile -> Mono.fromFuture(queryGateway.query(new FindVacancyMatchesQuery(caseId, lines),
                                                                               ResponseTypes.instanceOf(VacancyMatchesView.class))));
        })
                   .switchIfEmpty(Mono.error(() -> new ReadModelNotFoundException("No such job seeker")))
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * An empty list when the vacancy is not open. A search across the city's job seekers, so every
     * answer is in the access log (LIST_EXPORTED) before it leaves, as the agencies' lists are.
     */
    @GetMapping("/api/employers/{employerId}/vacancies/{vacancyId}/candidates")
    public Mono<CandidateMatchesView> candidates(@PathVariable String employerId, @PathVariable String vacancyId,
                                                 @RequestParam(name = "limit", required = false) String limit,
                                                 ServerWebExchange exchange) {
        return scope.officer().flatMap(officer -> {
            scope.requireCaseView(officer);
            int most = limit(limit);
            return Mono.fromFuture(queryGateway.query(new FindCandidateMatchesQuery(employerId, vacancyId, most),
                                                      ResponseTypes.instanceOf(CandidateMatchesView.class)))
                       .flatMap(view -> readAudit.listExported(officer, CANDIDATES_LIST, "employer=" + employerId
                               + " vacancy=" + vacancyId + " limit=" + most + " format=json rows=" + view.matches().size(),
                               exchange).thenReturn(view));
        })
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }

    private int limit(String value) {
        return QueryParameters.wholeNumber("limit", value, weights.defaultLimit(), 1, weights.maxLimit());
    }
}
