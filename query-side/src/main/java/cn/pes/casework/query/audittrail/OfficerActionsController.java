package cn.pes.casework.query.audittrail;

import cn.pes.casework.events.audit.FindAgencyActionsQuery;
import cn.pes.casework.events.audit.FindCorrelatedActionsQuery;
import cn.pes.casework.events.audit.FindOfficerActionsQuery;
import cn.pes.casework.events.audit.RecordedActionsView;
import cn.pes.casework.query.web.InvalidQueryInputException;
import cn.pes.casework.query.web.ReadModelNotFoundException;
import cn.pes.casework.query.web.QueryScope;
import cn.pes.casework.security.Role;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Who did what, for auditors and administrators: the actions of one officer or one agency over a
 * period of days (both inclusive, agencies' calendar), or of one request by its correlation ID.
 * Identifiers and event types only, so no masking is needed.
 */
@RestController
public class OfficerActionsController {

    private static final int MAX_TEXT = 100;

    private final QueryGateway queryGateway;
    private final QueryScope scope;

    public OfficerActionsController(QueryGateway queryGateway, QueryScope scope) {
        this.queryGateway = queryGateway;
        this.scope = scope;
    }

    /** Exactly one of {@code officer}, {@code agency}, {@code correlation}; the first two with {@code from} and {@code to}. */
    @GetMapping("/api/audit/actions")
    public Mono<RecordedActionsView> actions(@RequestParam(name = "officer", required = false) String officer,
                                             @RequestParam(name = "agency", required = false) String agency,
                                             @RequestParam(name = "correlation", required = false) String correlation,
                                             @RequestParam(name = "from", required = false) String from,
                                             @RequestParam(name = "to", required = false) String to) {
        return scope.officer().flatMap(signedIn -> {
            // The route table already asks for these roles; this holds should it ever be opened by mistake.
            if (!signedIn.has(Role.AUDITOR) && !signedIn.has(Role.ADMINISTRATOR)) {
                throw new ReadModelNotFoundException("Not found");
            }
            Object query = query(text("officer", officer), text("agency", agency), text("correlation", correlation),
                                 from, to);
            return Mono.fromFuture(queryGateway.query(query, ResponseTypes.instanceOf(RecordedActionsView.class)));
        })
                   // The query bus runs handlers on the calling thread and the MongoDB driver blocks: keep them off the event loop.
                   .subscribeOn(Schedulers.boundedElastic());
    }

    static Object query(String officer, String agency, String correlation, String from, String to) {
        int given = (officer == null ? 0 : 1) + (agency == null ? 0 : 1) + (correlation == null ? 0 : 1);
        if (given != 1) {
            throw new InvalidQueryInputException(given == 0 ? "officer" : null,
                                                 "give exactly one of officer, agency or correlation");
        }
        if (correlation != null) {
            return new FindCorrelatedActionsQuery(correlation);
        }
        LocalDate fromDay = day("from", from);
        LocalDate toDay = day("to", to);
        if (toDay.isBefore(fromDay)) {
            throw new InvalidQueryInputException("to", "to must not be before from");
        }
        if (ChronoUnit.DAYS.between(fromDay, toDay) >= FindOfficerActionsQuery.MAX_DAYS) {
            throw new InvalidQueryInputException("to", "the period may span at most "
                    + FindOfficerActionsQuery.MAX_DAYS + " days");
        }
        return officer != null ? new FindOfficerActionsQuery(officer, fromDay, toDay)
                : new FindAgencyActionsQuery(agency, fromDay, toDay);
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > MAX_TEXT) {
            throw new InvalidQueryInputException(field, field + " must be at most " + MAX_TEXT + " characters");
        }
        return stripped;
    }

    private static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidQueryInputException(field, field + " is required, a date as yyyy-MM-dd");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidQueryInputException(field, field + " must be a date as yyyy-MM-dd, e.g. 2026-11-27");
        }
    }
}
