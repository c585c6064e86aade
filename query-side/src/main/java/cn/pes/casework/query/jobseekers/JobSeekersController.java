package cn.pes.casework.query.jobseekers;

import cn.pes.casework.events.jobseeking.FindJobSeekingProfileQuery;
import cn.pes.casework.events.jobseeking.FindPendingJobSeekingReviewsQuery;
import cn.pes.casework.events.jobseeking.JobSeekingProfileView;
import cn.pes.casework.events.jobseeking.PendingJobSeekingReviewsView;
import cn.pes.casework.query.web.QueryParameters;
import cn.pes.casework.query.web.QueryScope;
import cn.pes.casework.query.web.ReadModelNotFoundException;
import cn.pes.casework.security.AccessRules;
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
import java.time.LocalDate;

/**
 * A person's job-seeking profile and an agency's registrations waiting for review (JOB-2). Unlike the
 * case file (REG-4, city-wide), a profile is read by the agencies covering the case's agency, by
 * reviewers and by auditors; outside that the answer is "no such case".
 */
@RestController
public class JobSeekersController {

    static final String NO_SUCH_CASE = "No such job seeker";
    static final String NO_SUCH_AGENCY = "No such agency";
    /** JOB-2's list's name in the access log, the same as its file download's. */
    public static final String REVIEWS_LIST = "pending-job-seeking-reviews";

    private final QueryGateway queryGateway;
    private final QueryScope scope;
    private final AccessRules rules;
    private final AgencyDirectory agencies;
    private final ReadAudit readAudit;
    private final Clock clock;

    public JobSeekersController(QueryGateway queryGateway, QueryScope scope, AccessRules rules, AgencyDirectory agencies,
                                ReadAudit readAudit, Clock clock) {
        this.readAudit = readAudit;
        this.queryGateway = queryGateway;
        this.scope = scope;
        this.rules = rules;
        this.agencies = agencies;
        this.clock = clock;
    }

    @GetMapping("/api/cases/{caseId}/job-seeking")
    public Mono<JobSeekingProfileView> profile(@PathVariable String caseId) {
        return scope.officer().flatMap(officer -> {
            scope.requireCaseView(officer);
            return Mono.fromFuture(queryGateway.query(new FindJobSeekingProfileQuery(caseId),
                                                      ResponseTypes.instanceOf(JobSeekingProfileView.class)))
                       .filter(profile -> mayReadJobSeekingOf(officer, profile.agencyId(), rules, agencies));
        })
                   .switchIfEmpty(Mono.error(() -> new ReadModelNotFoundException(NO_SUCH_CASE)))
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * JOB-2: the agency's and its covered agencies' registrations, overdue judged on {@code asOf} (default
     * today). A list of people leaving as data: in the access log as its file download is.
     */
    @GetMapping("/api/agencies/{agencyId}/job-seeking-reviews")
    public Mono<PendingJobSeekingReviewsView> reviews(@PathVariable String agencyId,
                                                      @RequestParam(name = "asOf", required = false) String asOf,
                                                      ServerWebExchange exchange) {
        return scope.officer().flatMap(officer -> {
            if (!mayListJobSeekersOf(officer, agencyId, rules, agencies)) {
                throw new ReadModelNotFoundException(NO_SUCH_AGENCY);
            }
            LocalDate day = QueryParameters.date("asOf", asOf, clock);
            return Mono.fromFuture(queryGateway.query(new FindPendingJobSeekingReviewsQuery(agencyId, day),
                                                      ResponseTypes.instanceOf(PendingJobSeekingReviewsView.class)))
                       .flatMap(view -> readAudit.listExported(officer, REVIEWS_LIST, "agency=" + agencyId + " asOf="
                               + day + " format=json rows=" + view.reviews().size(), exchange).thenReturn(view));
        })
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * A job seeker's profile and matches: caseworkers whose agency covers the case's, reviewers whose
     * agency covers it (they review registrations city-wide from the city), auditors everywhere.
     */
    public static boolean mayReadJobSeekingOf(Officer officer, String caseAgencyId, AccessRules rules,
                                              AgencyDirectory agencies) {
        return officer != null && rules.mayViewCase(officer)
                && (officer.has(Role.AUDITOR) || agencies.covers(officer.agencyId(), caseAgencyId));
    }

    /** Lists of job seekers of an agency: whoever may list its people, and reviewers covering it. */
    static boolean mayListJobSeekersOf(Officer officer, String agencyId, AccessRules rules, AgencyDirectory agencies) {
        return officer != null && (rules.mayListPeopleOf(officer, agencyId)
                || (officer.has(Role.REVIEWER) && agencies.exists(agencyId) && agencies.covers(officer.agencyId(), agencyId)));
    }
}
