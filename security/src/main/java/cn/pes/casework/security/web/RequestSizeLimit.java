package cn.pes.casework.security.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a body announced larger than {@code pes.web.max-request-bytes} before anything reads it,
 * sign-in included. Bodies without a length are capped by the codecs' {@code spring.codec.max-in-memory-size}.
 * File uploads (multipart/form-data: batches of external records, reconciliation lists) may be as large as
 * {@code pes.web.max-upload-bytes}; their parts are streamed to temporary files, never held in memory, and
 * the multipart reader's own limit ({@code spring.webflux.multipart.max-disk-usage-per-part}) caps a part
 * whose length was not announced.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit implements WebFilter {

    private final long maxBytes;
    private final long maxUploadBytes;
    private final SecurityProblems problems;

    RequestSizeLimit(@Value("${pes.web.max-request-bytes:65536}") long maxBytes,
                     @Value("${pes.web.max-upload-bytes:41943040}") long maxUploadBytes, SecurityProblems problems) {
        this.maxBytes = maxBytes;
        this.maxUploadBytes = maxUploadBytes;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        boolean upload = type != null && MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type);
        if (length > (upload ? maxUploadBytes : maxBytes)) {
            return problems.write(exchange, SecurityProblems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "INPUT",
                    "REQUEST_TOO_LARGE", null, "the request body is too large"));
        }
        return chain.filter(exchange);
    }
}
