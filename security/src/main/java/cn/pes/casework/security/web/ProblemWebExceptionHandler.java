package cn.pes.casework.security.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Whatever no controller advice answered — an unknown route, a wrong method, a failure outside any
 * controller — becomes problem+json without stack trace, exception message or internals. Runs
 * before Spring Boot's own error handler (order -1).
 */
@Component
@Order(-2)
class ProblemWebExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    private final SecurityProblems problems;

    ProblemWebExceptionHandler(SecurityProblems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (failure instanceof ResponseStatusException refused) {
            HttpStatus status = HttpStatus.resolve(refused.getStatusCode().value());
            HttpStatus answer = status == null ? HttpStatus.BAD_REQUEST : status;
            String code = switch (answer) {
                case NOT_FOUND -> "NOT_FOUND";
                case METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
                case UNSUPPORTED_MEDIA_TYPE -> "UNSUPPORTED_MEDIA_TYPE";
                case NOT_ACCEPTABLE -> "NOT_ACCEPTABLE";
                case PAYLOAD_TOO_LARGE -> "REQUEST_TOO_LARGE";
                default -> "REQUEST_NOT_ACCEPTED";
            };
            if (answer.is5xxServerError()) {
                log.error("request failed: {}", failure.getClass().getName());
            }
            refused.getHeaders().forEach((name, values) -> exchange.getResponse().getHeaders().addAll(name, values));
            return problems.write(exchange, SecurityProblems.problem(answer, "INPUT", code, null,
                    answer.getReasonPhrase()));
        }
        // Messages and causes can carry personal data (a failing insert's SQL): the class is enough to start from.
        log.error("request failed: {} (cause {})", failure.getClass().getName(),
                failure.getCause() == null ? "none" : failure.getCause().getClass().getName());
        return problems.write(exchange, SecurityProblems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "INPUT",
                "INTERNAL_ERROR", null, "the request could not be completed"));
    }
}
