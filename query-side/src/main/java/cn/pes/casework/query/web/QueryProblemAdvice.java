package cn.pes.casework.query.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

/**
 * Problem details (RFC 9457) for this module's controllers only, with {@code ruleId} ("INPUT" for
 * malformed requests) and {@code field} where one field is at fault. Never echoes request values:
 * they may be ID numbers or names.
 */
@RestControllerAdvice(basePackages = "cn.pes.casework.query")
public class QueryProblemAdvice {

    public static final String RULE_INPUT = "INPUT";
    public static final String RULE_NOT_FOUND = "NOT_FOUND";

    private static final Logger log = LoggerFactory.getLogger(QueryProblemAdvice.class);

    @ExceptionHandler(InvalidQueryInputException.class)
    public ResponseEntity<ProblemDetail> invalidInput(InvalidQueryInputException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage(), RULE_INPUT, e.field());
    }

    @ExceptionHandler(ReadModelNotFoundException.class)
    public ResponseEntity<ProblemDetail> notFound(ReadModelNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), RULE_NOT_FOUND, null);
    }

    /** Unreadable body, missing or mistyped parameters, as detected by Spring before our code runs. */
    @ExceptionHandler(ServerWebInputException.class)
    public ResponseEntity<ProblemDetail> unreadableInput(ServerWebInputException e) {
        MethodParameter parameter = e.getMethodParameter();
        String field = parameter == null ? null : parameter.getParameterName();
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "The request could not be read"
                               + (field == null ? "" : ": " + field), RULE_INPUT, field);
    }

    @ExceptionHandler(DataBufferLimitException.class)
    public ResponseEntity<ProblemDetail> tooLarge(DataBufferLimitException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large", "The request body is too large", RULE_INPUT, null);
    }

    @ExceptionHandler(ResponseStatusException.class)
    public ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
        HttpStatusCode status = e.getStatusCode();
        return problem(status, e.getReason() == null ? "Request failed" : e.getReason(), null,
                       status.is4xxClientError() ? RULE_INPUT : "INTERNAL", null);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e) {
        // Only the type: messages of query failures may quote the query, i.e. an ID number or a name.
        log.error("Query failed with {}", e.getClass().getName());
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Query failed", "The query could not be answered",
                       "INTERNAL", null);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String title, String detail,
                                                         String ruleId, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("ruleId", ruleId);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
