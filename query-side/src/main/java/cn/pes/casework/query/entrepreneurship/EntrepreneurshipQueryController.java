package cn.pes.casework.query.entrepreneurship;

import cn.pes.casework.events.entrepreneurship.CaseEntrepreneurshipView;
import cn.pes.casework.events.entrepreneurship.EntrepreneurshipFigures;
import cn.pes.casework.events.entrepreneurship.FindCaseEntrepreneurshipQuery;
import cn.pes.casework.events.entrepreneurship.FindEntrepreneurshipFiguresQuery;
import cn.pes.casework.events.entrepreneurship.FindGuaranteeLoanQuery;
import cn.pes.casework.events.entrepreneurship.FindLoanPipelineQuery;
import cn.pes.casework.events.entrepreneurship.FindTrainingRollQuery;
import cn.pes.casework.events.entrepreneurship.GuaranteeLoanView;
import cn.pes.casework.events.entrepreneurship.LoanPipelineView;
import cn.pes.casework.events.entrepreneurship.LoanStage;
import cn.pes.casework.events.entrepreneurship.TrainingRollView;
import cn.pes.casework.query.web.InvalidQueryInputException;
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
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** Entrepreneurship training (ENT-1) and guarantee loans (ENT-2..ENT-5): the case's, the county's, the month's. */
@RestController
public class EntrepreneurshipQueryController {

    /** ENT-2..ENT-5's list's name in the access log, the same as its file download's. */
    public static final String LOANS_LIST = "guarantee-loans";
    /** ENT-1's trainees of an institution's month. */
    public static final String TRAINING_ROLL_LIST = "training-roll";

    private final QueryGateway queryGateway;
    private final QueryScope scope;
    private final AgencyDirectory agencies;
    private final ReadAudit readAudit;
    private final Clock clock;

    public EntrepreneurshipQueryController(QueryGateway queryGateway, QueryScope scope, AgencyDirectory agencies,
                                      ReadAudit readAudit, Clock clock) {
        this.queryGateway = queryGateway;
        this.scope = scope;
        this.agencies = agencies;
        this.readAudit = readAudit;
        this.clock = clock;
    }

    /** Whoever may see the case may see its trainings and loans (REG-4); the read is in the access log. */
    @GetMapping("/api/cases/{caseId}/entrepreneurship")
    public Mono<CaseEntrepreneurshipView> caseEntrepreneurship(@PathVariable String caseId, ServerWebExchange exchange) {
        return scope.officer().flatMap(officer -> {
            scope.requireCaseView(officer);
            return Mono.fromFuture(queryGateway.query(new FindCaseEntrepreneurshipQuery(caseId),
                                                      ResponseTypes.instanceOf(CaseEntrepreneurshipView.class)))
                       .flatMap(view -> readAudit.caseViewed(officer, caseId, "GET /api/cases/{id}/entrepreneurship", exchange)
                                                 .thenReturn(view));
        })
                   .switchIfEmpty(Mono.error(() -> new ReadModelNotFoundException("No such case")))
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }

    /** One loan of the case; 404 when the case has no such loan. */
    @GetMapping("/api/cases/{caseId}/guarantee-loans/{loanId}")
    public Mono<GuaranteeLoanView> loan(@PathVariable String caseId, @PathVariable String loanId, ServerWebExchange exchange) {
        return scope.officer().flatMap(officer -> {
            scope.requireCaseView(officer);
            return Mono.fromFuture(queryGateway.query(new FindGuaranteeLoanQuery(caseId, loanId),
                                                      ResponseTypes.instanceOf(GuaranteeLoanView.class)))
                       .flatMap(view -> readAudit.caseViewed(officer, caseId, "GET /api/cases/{id}/guarantee-loans/{loanId}", exchange)
                                                 .thenReturn(view));
        })
                   .switchIfEmpty(Mono.error(() -> new ReadModelNotFoundException("No such loan")))
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * The loans handled by the agency and every agency it covers (a county with its streets, the city
     * with all), by stage; overdue counted on {@code asOf} (default today). Its lines name the
     * borrowers, so the read is in the access log as the file download is.
     */
    @GetMapping("/api/agencies/{agencyId}/guarantee-loans")
    public Mono<LoanPipelineView> pipeline(@PathVariable String agencyId,
                                           @RequestParam(name = "stage", required = false) String stage,
                                           @RequestParam(name = "asOf", required = false) String asOf,
                                           ServerWebExchange exchange) {
        return scope.officer().flatMap(officer -> {
            scope.requirePeopleListOf(officer, agencyId);
            LoanStage stageFilter = QueryParameters.option("stage", stage, LoanStage.class);
            LocalDate day = QueryParameters.date("asOf", asOf, clock);
            return Mono.fromFuture(queryGateway.query(new FindLoanPipelineQuery(agencyId, stageFilter, day),
                                                      ResponseTypes.instanceOf(LoanPipelineView.class)))
                       .flatMap(view -> readAudit.listExported(officer, LOANS_LIST, "agency=" + agencyId
                               + (stageFilter == null ? "" : " stage=" + stageFilter) + " asOf=" + day
                               + " format=json rows=" + view.lines().size(), exchange).thenReturn(view));
        })
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * An institution's trainees starting in the month (default: this one) enrolled by agencies the
     * agency covers; a list of people, so in the access log.
     */
    @GetMapping("/api/agencies/{agencyId}/training-rolls")
    public Mono<TrainingRollView> trainingRoll(@PathVariable String agencyId,
                                               @RequestParam(name = "institution", required = false) String institution,
                                               @RequestParam(name = "month", required = false) String month,
                                               ServerWebExchange exchange) {
        return scope.officer().flatMap(officer -> {
            scope.requirePeopleListOf(officer, agencyId);
            if (institution == null || institution.isBlank()) {
                throw new InvalidQueryInputException("institution", "institution is required: the training institution's ID");
            }
            YearMonth yearMonth = QueryParameters.month("month", month, clock);
            String institutionId = institution.strip();
            return Mono.fromFuture(queryGateway.query(new FindTrainingRollQuery(institutionId, yearMonth, agencyId),
                                                      ResponseTypes.instanceOf(TrainingRollView.class)))
                       .flatMap(view -> readAudit.listExported(officer, TRAINING_ROLL_LIST, "agency=" + agencyId
                               + " institution=" + institutionId + " month=" + yearMonth + " format=json rows="
                               + view.entries().size(), exchange).thenReturn(view));
        })
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }

    /** The month's figures (default: the current one) of the agency and every agency it covers; no personal data. */
    @GetMapping("/api/statistics/agencies/{agencyId}/entrepreneurship")
    public Mono<EntrepreneurshipFigures> figures(@PathVariable String agencyId,
                                                 @RequestParam(name = "month", required = false) String month) {
        return scope.officer().flatMap(officer -> {
            scope.requireStatisticsOf(officer, agencyId);
            YearMonth yearMonth = QueryParameters.month("month", month, clock);
            List<String> counted = agencies.coveredBy(agencyId).stream().map(Agency::id).toList();
            return Mono.fromFuture(queryGateway.query(new FindEntrepreneurshipFiguresQuery(counted, yearMonth),
                                                      ResponseTypes.instanceOf(EntrepreneurshipFigures.class)));
        })
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }
}
