package cn.pes.casework.web;

import cn.pes.casework.events.statistics.AreaStatistics;
import cn.pes.casework.events.statistics.FindAreaStatisticsQuery;
import cn.pes.casework.events.statistics.StatisticsChanged;
import cn.pes.casework.security.AccessRules;
import cn.pes.casework.security.Officer;
import cn.pes.casework.security.agency.Agency;
import cn.pes.casework.security.agency.AgencyDirectory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dashboard's figures as they change (server-sent events): a subscription to the area's statistics
 * ({@link FindAreaStatisticsQuery} with {@link StatisticsChanged} updates) whose first answer is sent at
 * once; after that, each burst of changes (a caseworker registering, recording a contact, a payment)
 * is asked again at most once per {@link #COALESCE} and the new figures sent. No figures travel in the
 * change notices themselves, so a burst of a hundred changes costs one question. A comment every
 * {@link #HEARTBEAT} keeps proxies from closing an idle stream and lets the server notice a client
 * that has gone, which ends the subscription.
 */
@Controller
class DashboardStream {

    static final Duration COALESCE = Duration.ofSeconds(1);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final QueryGateway queries;
    private final PageQueries pageQueries;
    private final AccessRules rules;
    private final AgencyDirectory agencies;
    private final LiveFigures liveFigures;
    private final ObjectMapper json;

    DashboardStream(QueryGateway queries, PageQueries pageQueries, AccessRules rules, AgencyDirectory agencies,
                    LiveFigures liveFigures, ObjectMapper json) {
        this.queries = queries;
        this.pageQueries = pageQueries;
        this.rules = rules;
        this.agencies = agencies;
        this.liveFigures = liveFigures;
        this.json = json;
    }

    @GetMapping(path = "/dashboard/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    Flux<ServerSentEvent<String>> live(@RequestParam(name = "month", required = false) String month,
                                       @RequestParam(name = "area", required = false) String area, Locale locale) {
        YearMonth yearMonth = pageQueries.month(month);
        return Officer.current()
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED)))
                .flatMapMany(officer -> {
                    // The same agencies as the dashboard page: its figures and the stream's are one.
                    List<Agency> covered = DashboardPages.area(officer, area, rules, agencies);
                    if (covered.isEmpty()) {
                        return Flux.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
                    }
                    FindAreaStatisticsQuery query = DashboardPages.areaQuery(
                            covered.stream().map(Agency::id).toList(), yearMonth);
                    AtomicLong sequence = new AtomicLong();
                    Flux<ServerSentEvent<String>> figures = subscribe(query)
                            .map(statistics -> ServerSentEvent.builder(body(statistics, locale))
                                    .event("figures").id(Long.toString(sequence.incrementAndGet())).build());
                    Flux<ServerSentEvent<String>> heartbeat = Flux.interval(HEARTBEAT)
                            .map(beat -> ServerSentEvent.<String>builder().comment("heartbeat").build());
                    return Flux.merge(figures, heartbeat);
                });
    }

    /**
     * The first answer, then a fresh answer after each burst of changes. The subscription lives as
     * long as the stream: closed when the client goes away (cancel) or the stream ends.
     */
    private Flux<AreaStatistics> subscribe(FindAreaStatisticsQuery query) {
        return Flux.using(
                        () -> queries.subscriptionQuery(query, ResponseTypes.instanceOf(AreaStatistics.class),
                                ResponseTypes.instanceOf(StatisticsChanged.class)),
                        result -> Flux.concat(
                                result.initialResult().flux(),
                                result.updates()
                                        .sample(COALESCE)
                                        .onBackpressureLatest()
                                        .concatMap(change -> pageQueries.query(query, AreaStatistics.class), 1)),
                        SubscriptionQueryResult::close)
                // The query bus answers the first question on the subscribing thread, and MongoDB blocks.
                .subscribeOn(Schedulers.boundedElastic());
    }

    private String body(AreaStatistics statistics, Locale locale) {
        LiveFigures.Snapshot snapshot = liveFigures.of(statistics, locale);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("values", snapshot.values());
        body.put("rows", snapshot.rows());
        body.put("chart", snapshot.chart());
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dashboard figures could not be written", e);
        }
    }
}
