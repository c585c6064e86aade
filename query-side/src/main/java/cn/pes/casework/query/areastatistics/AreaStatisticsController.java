package cn.pes.casework.query.areastatistics;

import cn.pes.casework.events.statistics.AreaStatistics;
import cn.pes.casework.events.statistics.FindAreaStatisticsQuery;
import cn.pes.casework.query.web.InvalidQueryInputException;
import cn.pes.casework.query.web.QueryParameters;
import cn.pes.casework.query.web.QueryScope;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Monthly area statistics (统计月报) for analysts (and the agencies' own caseworkers and auditors): never
 * a case, never a person. The agency asked about counts with every agency it covers: a street alone, a
 * county with its streets, the city with all.
 */
@RestController
public class AreaStatisticsController {

    private final QueryGateway queryGateway;
    private final QueryScope scope;
    private final AgencyDirectory agencies;
    private final Clock clock;

    public AreaStatisticsController(QueryGateway queryGateway, QueryScope scope, AgencyDirectory agencies, Clock clock) {
        this.queryGateway = queryGateway;
        this.scope = scope;
        this.agencies = agencies;
        this.clock = clock;
    }

    /**
     * Every month from {@code from} to {@code to} (default: the twelve months up to the current one; at
     * most {@value AreaStatisticsQueries#MAX_MONTHS}), as known at {@code knownAt} (default: now).
     */
    @GetMapping("/api/statistics/areas/{agencyId}")
    public Mono<AreaStatisticsReport> months(@PathVariable String agencyId,
                                       @RequestParam(name = "from", required = false) String from,
                                       @RequestParam(name = "to", required = false) String to,
                                       @RequestParam(name = "knownAt", required = false) String knownAt) {
        return scope.officer().flatMap(officer -> {
            scope.requireStatisticsOf(officer, agencyId);
            YearMonth last = QueryParameters.month("to", to, clock);
            YearMonth first = from == null || from.isBlank() ? last.minusMonths(11) : QueryParameters.month("from", from, clock);
            AreaStatisticsQueries.requireRange(first, last);
            Instant asOf = knownAt("knownAt", knownAt);
            return query(covered(agencyId), first, last, asOf).map(statistics -> new AreaStatisticsReport(
                    agencyId, statistics.agencyIds(), statistics.knownAt(),
                    statistics.months().stream().map(MonthReport::of).toList()));
        })
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }

    /** The month (default: the current one) of the area and of each agency below it. */
    @GetMapping("/api/statistics/areas/{agencyId}/breakdown")
    public Mono<AreaBreakdown> breakdown(@PathVariable String agencyId,
                                         @RequestParam(name = "month", required = false) String month,
                                         @RequestParam(name = "knownAt", required = false) String knownAt) {
        return scope.officer().flatMap(officer -> {
            scope.requireStatisticsOf(officer, agencyId);
            YearMonth yearMonth = QueryParameters.month("month", month, clock);
            Instant asOf = knownAt("knownAt", knownAt);
            List<String> all = covered(agencyId);
            Mono<AreaStatistics> total = query(all, yearMonth, yearMonth, asOf);
            Mono<List<AreaBreakdown.Row>> rows = Flux.fromIterable(parts(agencyId))
                    .concatMap(part -> {
                        List<String> counted = part.level() == Agency.Level.COUNTY && !part.id().equals(agencyId)
                                ? covered(part.id()) : List.of(part.id());
                        return query(counted, yearMonth, yearMonth, asOf).map(figures -> new AreaBreakdown.Row(
                                part.id(), part.name(), counted, MonthReport.of(figures.months().get(0))));
                    })
                    .collectList();
            return Mono.zip(total, rows).map(answer -> new AreaBreakdown(agencyId, yearMonth, answer.getT1().knownAt(),
                                                                          all, MonthReport.of(answer.getT1().months().get(0)),
                                                                          answer.getT2()));
        })
                   .subscribeOn(Schedulers.boundedElastic());
    }

    private List<String> covered(String agencyId) {
        return agencies.coveredBy(agencyId).stream().map(Agency::id).toList();
    }

    /** The area's own office first, then the counties below the city or the streets below a county. */
    private List<Agency> parts(String agencyId) {
        Agency area = agencies.find(agencyId).orElseThrow();
        List<Agency> parts = new ArrayList<>();
        parts.add(area);
        for (Agency agency : agencies.coveredBy(agencyId)) {
            boolean below = switch (area.level()) {
                case CITY -> agency.level() == Agency.Level.COUNTY;
                case COUNTY -> agency.level() == Agency.Level.STREET;
                case STREET -> false;
            };
            if (below) {
                parts.add(agency);
            }
        }
        return parts;
    }

    private Mono<AreaStatistics> query(List<String> agencyIds, YearMonth from, YearMonth to, Instant knownAt) {
        return Mono.fromFuture(queryGateway.query(new FindAreaStatisticsQuery(agencyIds, from, to, knownAt),
                                                  ResponseTypes.instanceOf(AreaStatistics.class)));
    }

    /**
     * An instant ({@code 2026-12-01T08:00:00Z}, or with an offset), or a date meaning the end of that day
     * in the agencies' time zone; none: everything recorded so far.
     */
    private Instant knownAt(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(text).plusDays(1).atStartOfDay(clock.getZone()).toInstant().minusMillis(1);
            } catch (DateTimeParseException notADate) {
                throw new InvalidQueryInputException(field, field
                        + " must be an instant as 2026-12-01T08:00:00Z or a date as yyyy-MM-dd");
            }
        }
    }
}
