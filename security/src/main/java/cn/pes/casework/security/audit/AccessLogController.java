package cn.pes.casework.security.audit;

import cn.pes.casework.security.Officer;
import cn.pes.casework.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** The access log for auditors (MLPS level 3 安全审计): read-only, newest first. */
@RestController
public class AccessLogController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    /** The widest column searched; a longer value cannot match and is a mistake. */
    private static final int MAX_TEXT = 100;

    private final AccessLog accessLog;

    public AccessLogController(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    /** Every criterion is optional; {@code from} is inclusive and {@code to} exclusive, both ISO instants. */
    @GetMapping("/api/audit/access-log")
    public Mono<AccessLogAnswer> search(@RequestParam(name = "officerId", required = false) String officerId,
                                        @RequestParam(name = "action", required = false) String action,
                                        @RequestParam(name = "target", required = false) String target,
                                        @RequestParam(name = "from", required = false) String from,
                                        @RequestParam(name = "to", required = false) String to,
                                        @RequestParam(name = "limit", required = false) String limit) {
        // The route table already asks for AUDITOR; this holds should the route ever be opened by mistake.
        // (Officer.current(), not @AuthenticationPrincipal: WebFlux resolves Principal-typed parameters itself.)
        return Officer.current()
                .filter(officer -> officer.has(Role.AUDITOR))
                .switchIfEmpty(Mono.error(NotFound::new))
                .map(auditor -> {
                    Instant fromInstant = instant("from", from);
                    Instant toInstant = instant("to", to);
                    if (fromInstant != null && toInstant != null && !toInstant.isAfter(fromInstant)) {
                        throw new InvalidParameter("to", "to must be after from");
                    }
                    String officerCriterion = text("officerId", officerId);
                    AccessAction actionCriterion = action(action);
                    String targetCriterion = text("target", target);
                    // JDBC blocks; subscribeOn below keeps this off the event loop.
                    return new AccessLogAnswer(accessLog.search(officerCriterion, actionCriterion, targetCriterion,
                                                                fromInstant, toInstant, limit(limit)));
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** @param entries newest first */
    public record AccessLogAnswer(List<AccessLogEntry> entries) {
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > MAX_TEXT) {
            throw new InvalidParameter(field, field + " must be at most " + MAX_TEXT + " characters");
        }
        return stripped;
    }

    private static AccessAction action(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return AccessAction.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter("action", "action must be one of " + List.of(AccessAction.values()));
        }
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameter(field, field + " must be an ISO instant, e.g. 2026-11-27T02:00:00Z");
        }
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw new InvalidParameter("limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    @ExceptionHandler(InvalidParameter.class)
    ResponseEntity<ProblemDetail> invalid(InvalidParameter e) {
        return problem(HttpStatus.BAD_REQUEST, "INPUT", "INVALID_PARAMETER", e.field, e.getMessage());
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "NOT_FOUND", null, "Not found");
    }

    /** Same shape as the platform's other problems; never echoes the value, which may be anything. */
    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String ruleId, String code, String field,
                                                         String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:pes:rule:" + ruleId));
        problem.setTitle(code);
        problem.setProperty("ruleId", ruleId);
        problem.setProperty("code", code);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static final class InvalidParameter extends RuntimeException {

        private final String field;

        InvalidParameter(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    private static final class NotFound extends RuntimeException {

        NotFound() {
            super("not found", null, false, false);
        }
    }
}
