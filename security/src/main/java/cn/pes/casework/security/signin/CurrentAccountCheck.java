package cn.pes.casework.security.signin;

import cn.pes.casework.security.Officer;
import cn.pes.casework.security.OfficerAuthentication;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A token the platform issued stays good only while its account does: it is refused once the
 * account is disabled, its password changed after the token was issued, or its roles or agency
 * changed. Tokens name their account ({@code acct}); one without that claim was not issued by the
 * platform's token endpoint and is only checked as any bearer token is (signature, expiry, claims).
 */
class CurrentAccountCheck implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    private final OfficerClaims claims;
    private final OfficerAccounts accounts;

    CurrentAccountCheck(OfficerClaims claims, OfficerAccounts accounts) {
        this.claims = claims;
        this.accounts = accounts;
    }

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        String username = jwt.getClaimAsString(PlatformTokens.ACCOUNT_CLAIM);
        Mono<AbstractAuthenticationToken> converted = claims.convert(jwt);
        if (username == null) {
            return converted;
        }
        return converted.flatMap(authentication -> Mono.fromCallable(() -> accounts.find(username))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(found -> {
                    Officer officer = (Officer) authentication.getPrincipal();
                    boolean current = found.isPresent() && found.get().enabled()
                            && found.get().officer().equals(officer)
                            && issuedAfterPasswordChange(jwt.getIssuedAt(), found.get().passwordChangedAt());
                    return current ? Mono.<AbstractAuthenticationToken>just(new OfficerAuthentication(officer, username))
                            : Mono.error(new InvalidBearerTokenException("the token's account has changed; sign in again"));
                }));
    }

    /** Token times have whole seconds: a token issued in the second of the change counts as newer. */
    private static boolean issuedAfterPasswordChange(Instant issuedAt, Instant passwordChangedAt) {
        return passwordChangedAt == null
                || (issuedAt != null && !issuedAt.isBefore(passwordChangedAt.truncatedTo(ChronoUnit.SECONDS)));
    }
}
