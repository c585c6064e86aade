package cn.pes.casework.command.web;

import cn.pes.casework.command.clientcase.CaseRuleViolation;
import cn.pes.casework.command.clientcase.PersonAlreadyClaimedException;
import cn.pes.casework.events.shared.RuleViolation;
import com.fasterxml.jackson.databind.JsonMappingException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

import java.util.stream.Collectors;

/**
 * Every failure of a command becomes a problem+json answer naming the rule and the field; nothing
 * about the input (it may hold personal data) is echoed back or logged.
 */
@RestControllerAdvice(basePackages = "cn.pes.casework.command")
class CommandProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(CommandProblemHandler.class);

    @ExceptionHandler(CaseRuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolation(CaseRuleViolation e) {
        return respond(Problems.of(e.violation()));
    }

    /** A violation that came back from another process arrives as details of a generic failure. */
    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailure(CommandExecutionException e) {
        Object details = e.getDetails().orElse(null);
        if (details instanceof RuleViolation violation) {
            return respond(Problems.of(violation));
        }
        return unexpected(e);
    }

    /** Still conflicting after the retries: the case is being changed by someone else right now. */
    @ExceptionHandler({ConcurrencyException.class, PersonAlreadyClaimedException.class})
    ResponseEntity<ProblemDetail> conflict(Exception e) {
        return respond(Problems.of(RuleViolation.of("INPUT", "CONCURRENT_CHANGE", null, RuleViolation.Kind.CONFLICT)));
    }

    /**
     * Anything else is our fault. Logged by class only: messages and causes of storage errors can
     * carry the event payload, personal data included (PostgreSQL's duplicate-key message does).
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("command failed: {} (cause {})", e.getClass().getName(),
                e.getCause() == null ? "none" : e.getCause().getClass().getName());
        return respond(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "command failed"));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownCase(AggregateNotFoundException e) {
        return respond(Problems.of(RuleViolation.of("INPUT", "CASE_NOT_FOUND", "caseId", RuleViolation.Kind.NOT_FOUND)));
    }

    @ExceptionHandler(WebExchangeBindException.class)
    ResponseEntity<ProblemDetail> invalidFields(WebExchangeBindException e) {
        String fields = e.getFieldErrors().stream().map(FieldError::getField).sorted().distinct()
                .collect(Collectors.joining(","));
        ProblemDetail problem = Problems.input(HttpStatus.BAD_REQUEST, "INVALID_FIELDS",
                e.getFieldErrors().isEmpty() ? null : e.getFieldErrors().get(0).getField(),
                "invalid or missing fields: " + fields);
        problem.setProperty("fields", e.getFieldErrors().stream().map(FieldError::getField).sorted().distinct().toList());
        return respond(problem);
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> unreadableInput(ServerWebInputException e) {
        if (hasCause(e, DataBufferLimitException.class)) {
            return tooLarge();
        }
        String field = jsonPath(e);
        return respond(Problems.input(HttpStatus.BAD_REQUEST, field == null ? "MALFORMED_REQUEST" : "INVALID_VALUE",
                field, field == null ? "the request could not be read" : "invalid value for " + field));
    }

    /** The framework's own refusals (too large, wrong method, not acceptable) keep their status. */
    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> refusedByFramework(ResponseStatusException e) {
        if (e instanceof PayloadTooLargeException) {
            return tooLarge();
        }
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        return respond(Problems.input(status == null ? HttpStatus.BAD_REQUEST : status, "REQUEST_NOT_ACCEPTED", null,
                "the request was not accepted"));
    }

    @ExceptionHandler(DataBufferLimitException.class)
    ResponseEntity<ProblemDetail> oversized(DataBufferLimitException e) {
        return tooLarge();
    }

    @ExceptionHandler(DecodingException.class)
    ResponseEntity<ProblemDetail> undecodable(DecodingException e) {
        return respond(Problems.input(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", null, "the request could not be read"));
    }

    @ExceptionHandler(UnsupportedMediaTypeStatusException.class)
    ResponseEntity<ProblemDetail> mediaType(UnsupportedMediaTypeStatusException e) {
        return respond(Problems.input(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", null,
                "send application/json"));
    }

    private ResponseEntity<ProblemDetail> tooLarge() {
        return respond(Problems.input(HttpStatus.PAYLOAD_TOO_LARGE, "REQUEST_TOO_LARGE", null, "the request body is too large"));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The JSON path of the offending value (e.g. {@code channel}), without the value itself. */
    private static String jsonPath(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                return mapping.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[");
            }
        }
        return null;
    }
}
