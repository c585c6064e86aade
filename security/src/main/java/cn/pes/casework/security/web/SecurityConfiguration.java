package cn.pes.casework.security.web;

import cn.pes.casework.security.OfficerAuthentication;
import cn.pes.casework.security.Role;
import cn.pes.casework.security.signin.ProviderSignIn;
import cn.pes.casework.security.signin.SignInService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.MediaTypeServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import reactor.core.publisher.Mono;

import java.util.Set;

/**
 * Who may reach which route. Everything needs a signed-in officer except the health check and the
 * sign-in itself; every API route names the roles that may use it, and an API route not listed
 * here is refused to everyone (deny by default), so a new endpoint is closed until someone decides
 * who may use it. Agency scope inside a role is decided by the handlers ({@code AccessRules}),
 * answering 404 outside it.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, SignInMode signIn,
                                                  ReactiveJwtDecoder jwtDecoder,
                                                  Converter<Jwt, Mono<AbstractAuthenticationToken>> officerClaims,
                                                  SecurityProblems problems) {
        ServerAuthenticationEntryPoint apiEntryPoint = (exchange, e) -> problems.write(exchange,
                HttpStatus.UNAUTHORIZED, "SIGN_IN_REQUIRED", "sign in first");
        ServerAccessDeniedHandler denied = (exchange, e) -> problems.write(exchange, HttpStatus.FORBIDDEN,
                "ROLE_NOT_PERMITTED", "your role does not permit this");
        http
                .authorizeExchange(routes -> routes
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/auth/token").permitAll()
                        .pathMatchers("/login", "/logout").permitAll()
                        .pathMatchers(HttpMethod.GET, "/webjars/**", "/css/**", "/js/**", "/favicon.ico").permitAll()
                        // The caseworkers' pages, with the same roles as the API routes they show
                        .pathMatchers(HttpMethod.GET, "/cases", "/cases/*")
                        .hasAnyRole(Role.CASEWORKER.name(), Role.REVIEWER.name(), Role.AUDITOR.name())
                        .pathMatchers(HttpMethod.POST, "/cases/search")
                        .hasAnyRole(Role.CASEWORKER.name(), Role.REVIEWER.name(), Role.AUDITOR.name())
                        .pathMatchers(HttpMethod.POST, "/cases/*/reveal")
                        .hasAnyRole(Role.CASEWORKER.name(), Role.AUDITOR.name())
                        .pathMatchers(HttpMethod.GET, "/cases/*/as-of")
                        .hasAnyRole(Role.CASEWORKER.name(), Role.AUDITOR.name())
                        .pathMatchers(HttpMethod.GET, "/ledger", "/ledger.csv", "/ledger.xlsx")
                        .hasAnyRole(Role.CASEWORKER.name(), Role.AUDITOR.name())
                        .pathMatchers("/registrations/new", "/cases/*/contacts/new", "/cases/*/employment/new",
                                "/cases/*/cancellation/new", "/applications",
                                "/applications/*/approval", "/applications/*/rejection").hasRole(Role.CASEWORKER.name())
                        .pathMatchers(HttpMethod.GET, "/subsidies", "/subsidies/missed")
                        .hasAnyRole(Role.CASEWORKER.name(), Role.REVIEWER.name(), Role.AUDITOR.name())
                        .pathMatchers(HttpMethod.POST, "/subsidies/*/*/*")
                        .hasAnyRole(Role.CASEWORKER.name(), Role.REVIEWER.name())
                        .pathMatchers("/cases/*/subsidies/new").hasRole(Role.CASEWORKER.name())
                        // Job introduction, the person's side (JOB-1, JOB-2, JOB-4, JOB-6, CAN-3): caseworkers act
                        // from the case; reviewers and auditors read the pending list and the ranked vacancies.
                        .pathMatchers(HttpMethod.GET, "/job-seeking/reviews", "/cases/*/vacancy-matches")
                        .hasAnyRole(Role.CASEWORKER.name(), Role.REVIEWER.name(), Role.AUDITOR.name())
                        .pathMatchers(HttpMethod.POST, "/job-seeking/reviews/*/*/*").hasRole(Role.CASEWORKER.name())
                        .pathMatchers("/cases/*/job-seeking/new", "/cases/*/job-seeking/intentions",
                                "/cases/*/guidance/new", "/cases/*/referrals", "/cases/*/referrals/*/outcome",
                                "/cases/*/cancellation-proposals/*", "/cases/*/cancellation-proposals/*/*")
                        .hasRole(Role.CASEWORKER.name())
                        // Entrepreneurship (ENT-1..ENT-5): caseworkers enrol trainees and record a loan's life from the
                        // case; the loan page, the county's loan pipeline and the training rolls list people (masked).
                        .pathMatchers("/cases/*/trainings/new", "/cases/*/trainings/*/*", "/cases/*/loans/new",
                                "/cases/*/loans/*/*").hasRole(Role.CASEWORKER.name())
                        .pathMatchers(HttpMethod.GET, "/cases/*/loans/*", "/loans", "/loans.csv", "/loans.xlsx",
                                "/trainings")
                        .hasAnyRole(Role.CASEWORKER.name(), Role.REVIEWER.name(), Role.AUDITOR.name())
                        // Information comparison and bulk work (TRK-2, CAN-3): caseworkers import batches, work the
                        // proposal queue and reconcile lists; auditors follow the batches and the queue (masked).
                        .pathMatchers(HttpMethod.GET, "/comparison", "/comparison/batches/*", "/comparison/proposals")
                        .hasAnyRole(Role.CASEWORKER.name(), Role.AUDITOR.name())
                        .pathMatchers(HttpMethod.POST, "/comparison/batches", "/comparison/proposals/*/*/*")
                        .hasRole(Role.CASEWORKER.name())
                        .pathMatchers("/comparison/reconciliation").hasRole(Role.CASEWORKER.name())
                        .pathMatchers(HttpMethod.GET, "/audit/access-log").hasRole(Role.AUDITOR.name())
                        .pathMatchers("/cases/*/integrity").hasRole(Role.AUDITOR.name())
                        .pathMatchers(HttpMethod.GET, "/audit/actions").hasRole(Role.AUDITOR.name())
                        .pathMatchers(HttpMethod.GET, "/dashboard")
                        .hasAnyRole(Role.ANALYST.name(), Role.CASEWORKER.name(), Role.AUDITOR.name())
                        // Monthly statistics (统计月报), its exports and the dashboard's live stream: no personal data
                        .pathMatchers(HttpMethod.GET, "/statistics", "/statistics.csv", "/statistics.xlsx", "/dashboard/live")
                        .hasAnyRole(Role.ANALYST.name(), Role.CASEWORKER.name(), Role.AUDITOR.name())
                        // Overdue lists as files: the same officers as their pages (people masked)
                        .pathMatchers(HttpMethod.GET, "/applications.csv", "/applications.xlsx")
                        .hasRole(Role.CASEWORKER.name())
                        .pathMatchers(HttpMethod.GET, "/job-seeking/reviews.csv", "/job-seeking/reviews.xlsx",
                                "/subsidies/missed.csv", "/subsidies/missed.xlsx")
                        .hasAnyRole(Role.CASEWORKER.name(), Role.REVIEWER.name(), Role.AUDITOR.name())
                        // Employers, vacancies and recruitment fairs (JOB-1, JOB-3..JOB-5): pages listing people
                        // (job seekers for a vacancy, a fair's participants) as the agencies' lists are
                        .pathMatchers(HttpMethod.GET, "/employers/*/vacancies/*/matches", "/fairs", "/fairs/*")
                        .hasAnyRole(Role.CASEWORKER.name(), Role.AUDITOR.name())
                        .pathMatchers(HttpMethod.GET, "/employers", "/employers/*", "/vacancies")
                        .hasAnyRole(Role.CASEWORKER.name(), Role.REVIEWER.name(), Role.AUDITOR.name())
                        .pathMatchers(HttpMethod.POST, "/employers", "/employers/*/vacancies", "/employers/*/guidance",
                                "/employers/*/vacancies/*/*", "/fairs", "/fairs/*/*").hasRole(Role.CASEWORKER.name())
                        // Casework: changes to cases
                        .pathMatchers(HttpMethod.POST, "/api/registrations",
                                "/api/cases/*/registration/approval", "/api/cases/*/registration/rejection",
                                "/api/cases/*/contacts", "/api/cases/*/employment", "/api/cases/*/cancellation")
                        .hasRole(Role.CASEWORKER.name())
                        .pathMatchers(HttpMethod.PUT, "/api/cases/*/personal-details").hasRole(Role.CASEWORKER.name())
                        // Skills subsidy (SUB-1..SUB-7): caseworkers record certificates; the department applied
                        // to (its caseworkers, or reviewers above it) decides, hears objections and pays. Which
                        // department may act on which application is the case's agency-scope rule.
                        .pathMatchers(HttpMethod.POST, "/api/cases/*/subsidies").hasRole(Role.CASEWORKER.name())
                        .pathMatchers(HttpMethod.POST, "/api/cases/*/subsidies/*/review",
                                "/api/cases/*/subsidies/*/approval", "/api/cases/*/subsidies/*/rejection",
                                "/api/cases/*/subsidies/*/objections",
                                "/api/cases/*/subsidies/*/objections/*/resolution",
                                "/api/cases/*/subsidies/*/payment")
                        .hasAnyRole(Role.REVIEWER.name(), Role.CASEWORKER.name())
                        .pathMatchers(HttpMethod.POST, "/api/cases/*/erasure").hasRole(Role.ADMINISTRATOR.name())
                        // Entrepreneurship training and guarantee loans (ENT-1..ENT-5) on a case: the case's agency
                        // scope decides which case.
                        .pathMatchers(HttpMethod.POST, "/api/cases/*/entrepreneurship-trainings",
                                "/api/cases/*/entrepreneurship-trainings/*/completion",
                                "/api/cases/*/entrepreneurship-trainings/*/drop-out", "/api/cases/*/guarantee-loans",
                                "/api/cases/*/guarantee-loans/*/approval", "/api/cases/*/guarantee-loans/*/decline",
                                "/api/cases/*/guarantee-loans/*/disbursement",
                                "/api/cases/*/guarantee-loans/*/repayments",
                                "/api/cases/*/guarantee-loans/*/overdue-reports",
                                "/api/cases/*/guarantee-loans/*/interest-subsidies")
                        .hasRole(Role.CASEWORKER.name())
                        .pathMatchers(HttpMethod.GET, "/api/cases/*/entrepreneurship", "/api/cases/*/guarantee-loans/*")
                        .hasAnyRole(Role.CASEWORKER.name(), Role.REVIEWER.name(), Role.AUDITOR.name())
                        // The designated training institutions: configuration, no personal data
                        .pathMatchers(HttpMethod.GET, "/api/training-institutions")
                        .hasAnyRole(Role.CASEWORKER.name(), Role.REVIEWER.name(), Role.AUDITOR.name(),
                                Role.ANALYST.name())
                        // History integrity check (hash chain): reads stored events only, shows no personal data
                        .pathMatchers(HttpMethod.POST, "/api/cases/*/integrity-checks")
                        .hasAnyRole(Role.AUDITOR.name(), Role.ADMINISTRATOR.name())
                        // Job seeking, referrals, cancellation proposals and career guidance on a case (JOB-1,
                        // JOB-2, JOB-4, JOB-6, CAN-3): the case's agency scope decides which case.
                        .pathMatchers(HttpMethod.POST, "/api/cases/*/job-seeking", "/api/cases/*/job-seeking/*/publication",
                                "/api/cases/*/job-seeking/*/rejection", "/api/cases/*/referrals",
                                "/api/cases/*/referrals/*/outcomes",
                                "/api/cases/*/cancellation-proposals/*/confirmation",
                                "/api/cases/*/cancellation-proposals/*/dismissal", "/api/cases/*/career-guidance")
                        .hasRole(Role.CASEWORKER.name())
                        .pathMatchers(HttpMethod.PUT, "/api/cases/*/job-seeking/*/intentions").hasRole(Role.CASEWORKER.name())
                        // Employers and vacancies (JOB-3): caseworkers register employers, post on their behalf
                        // and review; which agency may act on which employer is the employer's area scope.
                        .pathMatchers(HttpMethod.POST, "/api/employers", "/api/employers/*/vacancies",
                                "/api/employers/*/vacancies/*/publication", "/api/employers/*/vacancies/*/rejection",
                                "/api/employers/*/vacancies/*/closure")
                        .hasRole(Role.CASEWORKER.name())
                        // Employer guidance (JOB-1) and recruitment fairs (JOB-5): caseworkers record them; which
                        // agency may act on which employer or fair is the employer's area or the organiser's scope.
                        .pathMatchers(HttpMethod.POST, "/api/employers/*/guidance", "/api/fairs",
                                "/api/fairs/*/employers", "/api/fairs/*/invitations", "/api/fairs/*/attendance",
                                "/api/fairs/*/closure")
                        .hasRole(Role.CASEWORKER.name())
                        .pathMatchers(HttpMethod.GET, "/api/vacancies", "/api/employers/*")
                        .hasAnyRole(Role.CASEWORKER.name(), Role.REVIEWER.name(), Role.AUDITOR.name())
                        // Employers' guidance (JOB-1) and recruitment fairs (JOB-5): fairs list people (masked),
                        // shown to the agencies covering the organiser, decided by the handlers.
                        .pathMatchers(HttpMethod.GET, "/api/employers/*/guidance", "/api/fairs", "/api/fairs/*")
                        .hasAnyRole(Role.CASEWORKER.name(), Role.REVIEWER.name(), Role.AUDITOR.name())
                        // Job seekers and matching (JOB-2, JOB-4): read like vacancies; the agency scope is the
                        // case's agency (profile, matches) or the agency asked for (reviews), checked by the query side.
                        .pathMatchers(HttpMethod.GET, "/api/cases/*/job-seeking", "/api/cases/*/vacancy-matches",
                                "/api/employers/*/vacancies/*/candidates", "/api/agencies/*/job-seeking-reviews")
                        .hasAnyRole(Role.CASEWORKER.name(), Role.REVIEWER.name(), Role.AUDITOR.name())
                        // Information comparison (TRK-2, CAN-3): imports and decisions by caseworkers; a batch and the
                        // agencies' queues (under /api/agencies) read by caseworkers and auditors in scope.
                        .pathMatchers(HttpMethod.POST, "/api/comparison-batches",
                                "/api/cases/*/status-change-proposals/*/confirmation",
                                "/api/cases/*/status-change-proposals/*/dismissal", "/api/reconciliations")
                        .hasRole(Role.CASEWORKER.name())
                        .pathMatchers(HttpMethod.GET, "/api/comparison-batches/*", "/api/cases/*/status-change-proposals")
                        .hasAnyRole(Role.CASEWORKER.name(), Role.AUDITOR.name())
                        // Reading cases (masked) and revealing personal data (logged)
                        .pathMatchers(HttpMethod.POST, "/api/cases/*/personal-data/disclosures")
                        .hasAnyRole(Role.CASEWORKER.name(), Role.AUDITOR.name())
                        // A case at a past moment: those who may reveal it (the case's agency scope, checked by the query side)
                        .pathMatchers(HttpMethod.GET, "/api/cases/*/as-of")
                        .hasAnyRole(Role.CASEWORKER.name(), Role.AUDITOR.name())
                        .pathMatchers(HttpMethod.GET, "/api/cases/*", "/api/cases/*/history", "/api/cases/*/subsidies")
                        .hasAnyRole(Role.CASEWORKER.name(), Role.REVIEWER.name(), Role.AUDITOR.name())
                        .pathMatchers(HttpMethod.POST, "/api/case-searches")
                        .hasAnyRole(Role.CASEWORKER.name(), Role.REVIEWER.name(), Role.AUDITOR.name())
                        // Agencies' lists and ledgers of people; statistics without personal data
                        .pathMatchers(HttpMethod.GET, "/api/agencies/**")
                        .hasAnyRole(Role.CASEWORKER.name(), Role.AUDITOR.name())
                        // Skills subsidies: the departments' pipelines and missed deadlines (statistics below)
                        .pathMatchers(HttpMethod.GET, "/api/departments/*/subsidy-pipeline",
                                "/api/departments/*/missed-subsidy-deadlines")
                        .hasAnyRole(Role.CASEWORKER.name(), Role.REVIEWER.name(), Role.AUDITOR.name())
                        .pathMatchers(HttpMethod.GET, "/api/statistics/**")
                        .hasAnyRole(Role.ANALYST.name(), Role.CASEWORKER.name(), Role.AUDITOR.name())
                        // Replays (重放) of the history into fresh projections, apart from the live views; the
                        // replayed ledger lists people (masked), like the live ledger, for auditors in scope.
                        .pathMatchers(HttpMethod.GET, "/api/replays/*/tracking-ledger", "/replays/*/ledger")
                        .hasRole(Role.AUDITOR.name())
                        .pathMatchers(HttpMethod.GET, "/api/replays", "/api/replays/*", "/replays", "/replays/progress",
                                "/replays/*")
                        .hasAnyRole(Role.ANALYST.name(), Role.ADMINISTRATOR.name(), Role.AUDITOR.name())
                        .pathMatchers(HttpMethod.POST, "/api/replays", "/api/replays/*/cancel", "/replays",
                                "/replays/*/cancel", "/replays/*/delete")
                        .hasAnyRole(Role.ANALYST.name(), Role.ADMINISTRATOR.name(), Role.AUDITOR.name())
                        .pathMatchers(HttpMethod.DELETE, "/api/replays/*")
                        .hasAnyRole(Role.ANALYST.name(), Role.ADMINISTRATOR.name(), Role.AUDITOR.name())
                        // Audit and administration
                        // Who did what holds identifiers only: administrators may look too (they see no case).
                        .pathMatchers(HttpMethod.GET, "/api/audit/actions")
                        .hasAnyRole(Role.AUDITOR.name(), Role.ADMINISTRATOR.name())
                        .pathMatchers(HttpMethod.GET, "/api/audit/**").hasRole(Role.AUDITOR.name())
                        .pathMatchers("/api/admin/**").hasRole(Role.ADMINISTRATOR.name())
                        .pathMatchers("/api/account", "/api/account/**").authenticated()
                        .pathMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**").authenticated()
                        .pathMatchers("/api/**", "/v3/**", "/actuator/**").denyAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(officerClaims))
                        .authenticationEntryPoint(apiEntryPoint)
                        .accessDeniedHandler(denied))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .csrf(csrf -> csrf
                        // A browser form's session cookie is ambient and needs the token; a bearer token is not.
                        .requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken)
                        .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicy(permissions -> permissions.policy(
                                "camera=(), microphone=(), geolocation=(), payment=()")))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint(apiEntryPoint, signIn))
                        .accessDeniedHandler(denied));
        ProviderSignIn provider = signIn.provider();
        if (signIn.local()) {
            http.formLogin(form -> form.loginPage("/login").authenticationManager(formSignIn(signIn.service())))
                    .logout(logout -> logout.logoutUrl("/logout"));
        } else if (provider != null) {
            http.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                    .oauth2Login(login -> provider.configure(login, (exchange, failure) ->
                            SignInPage.refused(exchange.getExchange(), failure, provider.signInPath())))
                    .logout(provider::configure);
        } else {
            http.formLogin(ServerHttpSecurity.FormLoginSpec::disable).logout(ServerHttpSecurity.LogoutSpec::disable);
        }
        return http.build();
    }

    /**
     * A browser asking for a page is sent to sign in — the form, or on to the OpenID Connect
     * provider; everything else gets 401 problem+json, and so does a browser where browsers cannot
     * sign in (OIDC without a client).
     */
    private static ServerAuthenticationEntryPoint entryPoint(ServerAuthenticationEntryPoint api, SignInMode signIn) {
        String signInPage = signIn.local() ? "/login"
                : signIn.provider() != null ? signIn.provider().signInPath() : null;
        if (signInPage == null) {
            return api;
        }
        MediaTypeServerWebExchangeMatcher html = new MediaTypeServerWebExchangeMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegatingServerAuthenticationEntryPoint.DelegateEntry(html,
                        new RedirectServerAuthenticationEntryPoint(signInPage)));
        entryPoint.setDefaultEntryPoint(api);
        return entryPoint;
    }

    /**
     * A forged cross-site request rides on the browser's cookies: a change sent with cookies and
     * without a bearer token needs the CSRF token, and so does the sign-in form itself (against
     * signing a victim into the attacker's account). A request without cookies has no ambient
     * credentials to abuse; it goes on to be refused as unauthenticated (401).
     */
    private static Mono<MatchResult> needsCsrfToken(org.springframework.web.server.ServerWebExchange exchange) {
        boolean safe = SAFE_METHODS.contains(exchange.getRequest().getMethod());
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        boolean form = path.equals("/login") || path.equals("/logout");
        boolean cookies = !exchange.getRequest().getCookies().isEmpty();
        return !safe && !bearer && (cookies || form) ? MatchResult.match() : MatchResult.notMatch();
    }

    /** The browser's sign-in form goes through the same lockout as the token endpoint. */
    private static ReactiveAuthenticationManager formSignIn(SignInService signIn) {
        return authentication -> signIn.signInOffLoop(authentication.getName(),
                        String.valueOf(authentication.getCredentials()))
                .map(officer -> new OfficerAuthentication(officer, authentication.getName()));
    }

}
