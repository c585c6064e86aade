package cn.pes.casework.security.signin;

import cn.pes.casework.security.OfficerAuthentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import cn.pes.casework.security.web.SecurityProblems;
import cn.pes.casework.security.web.SignInMode;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * An account still on the initial password an administrator handed out may do nothing but change
 * it: the initial password has been on paper or in a message, so until it is changed anyone who
 * saw it could be the one signed in. A browser is sent to the change-password page; an API client
 * is answered 403 {@code PASSWORD_CHANGE_REQUIRED}. Runs after the security chain, so the sign-in is
 * known; only sign-ins with one of the platform's own accounts are checked (OpenID Connect officers
 * change their password at the provider).
 */
@Component
@Order(0)
class InitialPasswordGate implements WebFilter {

    static final String CHANGE_PAGE = "/account/password";
    private static final Set<String> OPEN_PATHS = Set.of(CHANGE_PAGE, "/login", "/logout", "/api/auth/token",
            "/api/account", "/api/account/password", "/favicon.ico");
    private static final List<String> OPEN_PREFIXES = List.of("/css/", "/js/", "/webjars/", "/actuator/health");

    private final SignInMode signIn;
    private final OfficerAccounts accounts;
    private final SecurityProblems problems;

    InitialPasswordGate(SignInMode signIn, OfficerAccounts accounts, SecurityProblems problems) {
        this.signIn = signIn;
        this.accounts = accounts;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!signIn.local() || OPEN_PATHS.contains(path) || OPEN_PREFIXES.stream().anyMatch(path::startsWith)) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication() instanceof OfficerAuthentication signedIn
                        ? signedIn.localAccount().orElse(null) : null)
                .flatMap(username -> Mono.fromCallable(() -> accounts.find(username)
                                .filter(OfficerAccount::initialPassword).isPresent())
                        .subscribeOn(Schedulers.boundedElastic()))
                .defaultIfEmpty(false)
                .flatMap(mustChange -> mustChange ? refuse(exchange) : chain.filter(exchange));
    }

    private Mono<Void> refuse(ServerWebExchange exchange) {
        boolean page = exchange.getRequest().getMethod() == HttpMethod.GET
                && exchange.getRequest().getHeaders().getAccept().stream()
                        .anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
        if (page) {
            exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
            exchange.getResponse().getHeaders().setLocation(URI.create(CHANGE_PAGE + "?initial=true"));
            return exchange.getResponse().setComplete();
        }
        return problems.write(exchange, HttpStatus.FORBIDDEN, "PASSWORD_CHANGE_REQUIRED",
                "change the initial password first: POST /api/account/password");
    }
}
