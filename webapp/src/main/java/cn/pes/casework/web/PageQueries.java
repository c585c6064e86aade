package cn.pes.casework.web;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** What the pages read: queries through Axon's gateway, and the month a page is asked for. */
@Component
class PageQueries {

    /** Months and days on pages are the agencies' own. */
    static final ZoneId AGENCY_ZONE = ZoneId.of("Asia/Shanghai");

    private final QueryGateway queries;
    private final Clock clock;

    PageQueries(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** The query bus runs handlers on the calling thread and the MongoDB driver blocks: off the event loop. */
    <R> Mono<R> query(Object query, Class<R> type) {
        return Mono.fromFuture(() -> queries.query(query, ResponseTypes.instanceOf(type)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** {@code yyyy-MM}, or the current month when none is given; anything else is a bad request. */
    YearMonth month(String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.now(clock.withZone(AGENCY_ZONE));
        }
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
    }
}
