package cn.pes.casework.security.signin;

import cn.pes.casework.security.SecurityProperties;
import cn.pes.casework.security.agency.AgencyDirectory;
import cn.pes.casework.security.web.SignInMode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;

/** LOCAL or OIDC sign-in ({@code pes.security.sign-in}); the rest of the chain is the same for both. */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

    @Bean
    PlatformTokens platformTokens(SecurityProperties properties, Clock clock) {
        return new PlatformTokens(properties, clock);
    }

    @Bean
    SignInMode signInMode(SecurityProperties properties, ObjectProvider<SignInService> service) {
        boolean local = properties.signIn() == SecurityProperties.SignIn.LOCAL;
        return new SignInMode(local, local ? service.getObject() : null);
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
