package cn.pes.casework.query.vacancies;

import cn.pes.casework.events.employer.EmployerView;
import cn.pes.casework.events.employer.EmploymentForm;
import cn.pes.casework.events.employer.FindEmployerQuery;
import cn.pes.casework.events.employer.FindOpenVacanciesQuery;
import cn.pes.casework.events.employer.OpenVacanciesView;
import cn.pes.casework.query.web.QueryParameters;
import cn.pes.casework.query.web.QueryScope;
import cn.pes.casework.query.web.ReadModelNotFoundException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Open vacancies and employers (JOB-3). Vacancies are public information once published, so the
 * search is city-wide for whoever may read it (the route's roles); the employer page shows the
 * contact person masked, as every view shows personal data.
 */
@RestController
public class VacanciesController {

    private final QueryGateway queryGateway;
    private final QueryScope scope;

    public VacanciesController(QueryGateway queryGateway, QueryScope scope) {
        this.queryGateway = queryGateway;
        this.scope = scope;
    }

    /**
     * @param area     an agency: vacancies located there or in an agency it covers
     * @param minWage  the wage range reaches at least this many yuan a month
     * @param fullTime true for full-time only, false for part-time only, absent for both
     */
    @GetMapping("/api/vacancies")
    public Mono<OpenVacanciesView> search(@RequestParam(name = "occupation", required = false) String occupation,
                                          @RequestParam(name = "area", required = false) String area,
                                          @RequestParam(name = "minWage", required = false) String minWage,
                                          @RequestParam(name = "fullTime", required = false) String fullTime,
                                          @RequestParam(name = "limit", required = false) String limit) {
        return scope.officer().flatMap(officer -> {
            scope.requireCaseView(officer);
            EmploymentForm form = fullTime == null || fullTime.isBlank() ? null
                    : QueryParameters.flag("fullTime", fullTime) ? EmploymentForm.FULL_TIME : EmploymentForm.PART_TIME;
            FindOpenVacanciesQuery query = new FindOpenVacanciesQuery(
                    occupation == null || occupation.isBlank() ? null : occupation.strip(),
                    area == null || area.isBlank() ? null : area.strip(),
                    QueryParameters.wholeNumber("minWage", minWage, null, 0, 1_000_000), form,
                    QueryParameters.wholeNumber("limit", limit, VacanciesQueries.DEFAULT_LIMIT, 1, VacanciesQueries.MAX_LIMIT));
            return Mono.fromFuture(queryGateway.query(query, ResponseTypes.instanceOf(OpenVacanciesView.class)));
        })
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/api/employers/{employerId}")
    public Mono<EmployerView> employer(@PathVariable String employerId) {
        return scope.officer().flatMap(officer -> {
            scope.requireCaseView(officer);
            return Mono.fromFuture(queryGateway.query(new FindEmployerQuery(employerId),
                                                      ResponseTypes.instanceOf(EmployerView.class)));
        })
                   .switchIfEmpty(Mono.error(() -> new ReadModelNotFoundException("No such employer")))
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }
}
