package cn.pes.casework.security.signin;

import cn.pes.casework.security.SecurityProperties;
import cn.pes.casework.security.agency.AgencyDirectory;
import cn.pes.casework.security.audit.AccessLog;
import cn.pes.casework.security.web.SignInMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import reactor.core.publisher.Mono;

import java.time.Clock;

/** LOCAL or OIDC sign-in ({@code pes.security.sign-in}); the rest of the chain is the same for both. */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SignInConfiguration.class);

    /**
     * The provider sends the browser back with a cross-site navigation, which does not carry a
     * SameSite=Strict cookie: the sign-in's state would be lost on the way back, and after it the
     * officer would be sent to the provider again. With browser sign-in through the provider the
     * session cookie is therefore SameSite=Lax (sent on top-level navigations only; a forged change
     * still needs the CSRF token), whatever {@code server.reactive.session.cookie.same-site} says.
     */
    @Bean
    static BeanPostProcessor providerSessionCookie(Environment environment) {
        Binder binder = Binder.get(environment);
        boolean provider = binder.bind("pes.security.sign-in", SecurityProperties.SignIn.class)
                .map(mode -> mode == SecurityProperties.SignIn.OIDC).orElse(false)
                && binder.bind("pes.security.oidc.client-id", String.class).map(id -> !id.isBlank()).orElse(false);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (provider && bean instanceof CookieWebSessionIdResolver cookies) {
                    cookies.addCookieInitializer(cookie -> cookie.sameSite("Lax"));
                }
                return bean;
            }
        };
    }

    @Bean
    PlatformTokens platformTokens(SecurityProperties properties, Clock clock) {
        return new PlatformTokens(properties, clock);
    }

    @Bean
    SignInMode signInMode(SecurityProperties properties, ObjectProvider<SignInService> service,
                          AgencyDirectory agencies, AccessLog accessLog, Clock clock) {
        if (properties.signIn() == SecurityProperties.SignIn.LOCAL) {
            return new SignInMode(true, service.getObject(), null);
        }
        SecurityProperties.Oidc oidc = properties.oidc();
        if (!oidc.browserSignIn()) {
            log.warn("pes.security.oidc.client-id is not set: browsers cannot sign in (web pages unusable), "
                    + "only API clients with the provider's bearer tokens");
            return new SignInMode(false, null, null);
        }
        log.info("Browsers sign in through the OpenID Connect provider {} as client {} ({}, scopes {})",
                oidc.issuerUri(), oidc.clientId(),
                oidc.clientSecret() == null || oidc.clientSecret().isBlank() ? "public client" : "confidential client",
                oidc.scopes());
        return new SignInMode(false, null, new ProviderSignIn(oidc, new OfficerClaims(oidc, agencies), accessLog, clock));
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(SecurityProperties properties, PlatformTokens tokens, Clock clock) {
        return properties.signIn() == SecurityProperties.SignIn.LOCAL
                ? TokenVerification.local(tokens, properties, clock)
                : TokenVerification.oidc(properties.oidc(), clock);
    }

    @Bean
    Converter<Jwt, Mono<AbstractAuthenticationToken>> officerClaims(SecurityProperties properties,
                                                                   AgencyDirectory agencies,
                                                                   OfficerAccounts accounts) {
        OfficerClaims claims = new OfficerClaims(properties.oidc(), agencies);
        return properties.signIn() == SecurityProperties.SignIn.LOCAL ? new CurrentAccountCheck(claims, accounts) : claims;
    }
}
