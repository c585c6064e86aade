package cn.pes.casework.security.signin;

import cn.pes.casework.security.Officer;
import cn.pes.casework.security.SecurityProperties;
import cn.pes.casework.security.audit.AccessAction;
import cn.pes.casework.security.audit.AccessLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeReactiveAuthenticationManager;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * Browsers' sign-in in OIDC mode: the OpenID Connect authorization code flow with PKCE (Spring
 * Security's {@code oauth2Login}) against the provider the bearer tokens come from. The ID token's
 * (and userinfo's) claims name the officer exactly as a bearer token's do ({@link OfficerClaims});
 * the session then keeps that officer, so pages and API see the same principal however one signed
 * in. Sign-ins and refusals go to the access log, as the local form's do. Signing out ends the
 * session here and, if the provider has an end-session endpoint, there too.
 */
public final class ProviderSignIn {

    /** The error of a sign-in whose claims name no officer, agency or role of this platform. */
    public static final String OFFICER_REFUSED = "officer_refused";

    private static final Logger log = LoggerFactory.getLogger(ProviderSignIn.class);
    private static final String SIGNED_OUT = "/login?logout";
    /** Error codes come from the callback's query, which anyone can write: only plausible ones are kept. */
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,40}");

    /** Back to the page that asked for the sign-in, or the start page. */
    private static final ServerAuthenticationSuccessHandler AFTER_SIGN_IN = new RedirectServerAuthenticationSuccessHandler();

    /** The platform calls nothing on the officer's behalf, so the provider's access and refresh tokens are not kept. */
    private static final ServerOAuth2AuthorizedClientRepository NOT_KEPT = new ServerOAuth2AuthorizedClientRepository() {
        @Override
        public <T extends OAuth2AuthorizedClient> Mono<T> loadAuthorizedClient(String registrationId,
                                                                               Authentication principal,
                                                                               ServerWebExchange exchange) {
            return Mono.empty();
        }

        @Override
        public Mono<Void> saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
                                               ServerWebExchange exchange) {
            return Mono.empty();
        }

        @Override
        public Mono<Void> removeAuthorizedClient(String registrationId, Authentication principal,
                                                 ServerWebExchange exchange) {
            return Mono.empty();
        }
    };

    private final ProviderRegistration registration;
    private final OfficerClaims claims;
    private final AccessLog accessLog;
    private final Clock clock;

    ProviderSignIn(SecurityProperties.Oidc oidc, OfficerClaims claims, AccessLog accessLog, Clock clock) {
        this.registration = new ProviderRegistration(oidc);
        this.claims = claims;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** Where a browser that has to sign in goes: on to the provider, with a new authorization request. */
    public String signInPath() {
        return registration.authorizationPath();
    }

    /**
     * @param refusalPage answers a failed sign-in, after it is in the access log; a refusal of the
     *                    claims comes as an {@link OAuth2AuthenticationException} with {@link #OFFICER_REFUSED}
     */
    public void configure(ServerHttpSecurity.OAuth2LoginSpec login, ServerAuthenticationFailureHandler refusalPage) {
        ServerAuthenticationSuccessHandler signedIn = this::signedIn;
        login.clientRegistrationRepository(registration)
                .authorizedClientRepository(NOT_KEPT)
                .authenticationManager(authenticationManager())
                .securityContextRepository(new OfficerSessions())
                .authenticationSuccessHandler(signedIn)
                .authenticationFailureHandler((exchange, failure) -> recordFailure(failure)
                        .then(refusalPage.onAuthenticationFailure(exchange, failure)));
    }

    public void configure(ServerHttpSecurity.LogoutSpec logout) {
        OidcClientInitiatedServerLogoutSuccessHandler atProvider =
                new OidcClientInitiatedServerLogoutSuccessHandler(registration);
        atProvider.setPostLogoutRedirectUri("{baseUrl}" + SIGNED_OUT);
        atProvider.setLogoutSuccessUrl(URI.create(SIGNED_OUT));
        RedirectServerLogoutSuccessHandler here = new RedirectServerLogoutSuccessHandler();
        here.setLogoutSuccessUrl(URI.create(SIGNED_OUT));
        ServerLogoutSuccessHandler signedOut = (exchange, authentication) -> authentication instanceof ProviderSession session
                ? atProvider.onLogoutSuccess(exchange, session.atProvider())
                : here.onLogoutSuccess(exchange, authentication);
        logout.logoutUrl("/logout")
                // The whole session goes, not only the sign-in: nothing of it is left for the next one.
                .logoutHandler(new DelegatingServerLogoutHandler(new SecurityContextServerLogoutHandler(),
                        new WebSessionServerLogoutHandler()))
                .logoutSuccessHandler(signedOut);
    }

    private ReactiveAuthenticationManager authenticationManager() {
        OidcReactiveOAuth2UserService users = new OidcReactiveOAuth2UserService();
        OidcAuthorizationCodeReactiveAuthenticationManager codes = new OidcAuthorizationCodeReactiveAuthenticationManager(
                new WebClientReactiveAuthorizationCodeTokenResponseClient(),
                (OidcUserRequest request) -> users.loadUser(request).map(this::officer));
        codes.setJwtDecoderFactory(TokenVerification.idTokens(clock));
        // An unreachable token or userinfo endpoint is a failed sign-in (a page), not a server error.
        return authentication -> codes.authenticate(authentication)
                .onErrorMap(failure -> !(failure instanceof AuthenticationException),
                        failure -> new OAuth2AuthenticationException(new OAuth2Error("provider_unavailable"), failure));
    }

    private OidcUser officer(OidcUser user) {
        try {
            return new ProviderOfficer(claims.officer(user), user);
        } catch (OfficerClaims.Refused refused) {
            throw new OfficerRefused(refused);
        }
    }

    private Mono<Void> signedIn(WebFilterExchange exchange, Authentication authentication) {
        Officer officer = ((ProviderOfficer) authentication.getPrincipal()).officer();
        return record(officer.officerId(), officer.agencyId(), AccessAction.SIGNED_IN, "OpenID Connect")
                .then(AFTER_SIGN_IN.onAuthenticationSuccess(exchange, authentication));
    }

    private Mono<Void> recordFailure(AuthenticationException failure) {
        if (failure instanceof OfficerRefused refused) {
            return record(refused.officerId, refused.agencyId, AccessAction.SIGN_IN_FAILED,
                    "OpenID Connect: the ID token " + refused.reason);
        }
        String code = failure instanceof OAuth2AuthenticationException oauth
                && ERROR_CODE.matcher(oauth.getError().getErrorCode()).matches()
                ? oauth.getError().getErrorCode() : "other";
        log.warn("Browser sign-in through the OpenID Connect provider failed: {}", code);
        return record(null, null, AccessAction.SIGN_IN_FAILED, "OpenID Connect: " + code);
    }

    private Mono<Void> record(String officerId, String agencyId, AccessAction action, String detail) {
        return Mono.fromRunnable(() -> accessLog.record(officerId, agencyId, action, officerId, detail, null))
                .subscribeOn(Schedulers.boundedElastic()).then();
    }

    /** The session keeps the officer the claims named, not the provider's user. */
    private static final class OfficerSessions implements ServerSecurityContextRepository {

        private final WebSessionServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();

        @Override
        public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
            if (context != null && context.getAuthentication() instanceof OAuth2AuthenticationToken token
                    && token.getPrincipal() instanceof ProviderOfficer user) {
                return sessions.save(exchange, new SecurityContextImpl(new ProviderSession(user.officer(),
                        token.getAuthorizedClientRegistrationId(), user.getIdToken())));
            }
            return sessions.save(exchange, context);
        }

        @Override
        public Mono<SecurityContext> load(ServerWebExchange exchange) {
            return sessions.load(exchange);
        }
    }

    /** Claims that sign nobody in, as a failed sign-in that the refusal page explains. */
    private static final class OfficerRefused extends OAuth2AuthenticationException {

        private final String reason;
        private final String officerId;
        private final String agencyId;

        OfficerRefused(OfficerClaims.Refused refused) {
            super(new OAuth2Error(OFFICER_REFUSED), "the ID token " + refused.getMessage());
            this.reason = refused.getMessage();
            this.officerId = refused.officerId();
            this.agencyId = refused.agencyId();
        }
    }
}
