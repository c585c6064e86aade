package cn.pes.casework.security.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a body announced larger than {@code pes.web.max-request-bytes} before anything reads it,
 * sign-in included. Bodies without a length are capped by the codecs' {@code spring.codec.max-in-memory-size}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit implements WebFilter {

    private final long maxBytes;
    private final SecurityProblems problems;

    RequestSizeLimit(@Value("${pes.web.max-request-bytes:65536}") long maxBytes, SecurityProblems problems) {
        this.maxBytes = maxBytes;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > maxBytes) {
            return problems.write(exchange, SecurityProblems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "INPUT",
                    "REQUEST_TOO_LARGE", null, "the request body is too large"));
        }
        return chain.filter(exchange);
    }
}
