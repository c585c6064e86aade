package cn.pes.casework.command.web;

import cn.pes.casework.security.Officer;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.regex.Pattern;

/** Reads the acting officer of a request from the signed-in principal; see {@link ActingOfficer}. */
@Component
class ActingOfficerResolver {

    static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    /** Never empty behind the security filter chain; an anonymous request never reaches a controller. */
    Mono<ActingOfficer> resolve() {
        return Officer.current()
                .map(officer -> new ActingOfficer(officer.officerId(), officer.agencyId()))
                .switchIfEmpty(Mono.error(() -> new AuthenticationCredentialsNotFoundException("not signed in")));
    }

    /** The caller's correlation ID if it sent a usable one; otherwise Axon uses the command's own ID. */
    String correlationId(ServerWebExchange exchange) {
        String value = exchange.getRequest().getHeaders().getFirst(CORRELATION_HEADER);
        return value != null && CORRELATION_ID.matcher(value).matches() ? value : null;
    }
}
