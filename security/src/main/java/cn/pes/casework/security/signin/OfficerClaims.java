package cn.pes.casework.security.signin;

import cn.pes.casework.security.Officer;
import cn.pes.casework.security.OfficerAuthentication;
import cn.pes.casework.security.Role;
import cn.pes.casework.security.SecurityProperties;
import cn.pes.casework.security.agency.AgencyDirectory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads officer, agency and roles from a verified JWT — the platform's own or the OpenID Connect
 * provider's (claim names from {@code pes.security.oidc.*-claim}). A token without an officer, with
 * an agency the city does not have, or without any known role signs nobody in.
 */
class OfficerClaims implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    private final SecurityProperties.Oidc claims;
    private final AgencyDirectory agencies;

    OfficerClaims(SecurityProperties.Oidc claims, AgencyDirectory agencies) {
        this.claims = claims;
        this.agencies = agencies;
    }

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        String officerId = jwt.getClaimAsString(claims.officerClaim());
        String agencyId = jwt.getClaimAsString(claims.agencyClaim());
        Set<Role> roles = roles(jwt.getClaim(claims.rolesClaim()));
        if (officerId == null || officerId.isBlank() || officerId.length() > 64) {
            return Mono.error(new InvalidBearerTokenException("the token names no officer"));
        }
        if (!agencies.exists(agencyId)) {
            return Mono.error(new InvalidBearerTokenException("the token names no agency of this city"));
        }
        if (roles.isEmpty()) {
            return Mono.error(new InvalidBearerTokenException("the token gives no role of this platform"));
        }
        return Mono.just(new OfficerAuthentication(new Officer(officerId, agencyId, roles)));
    }

    /** A list claim or a space-separated string; names compared case-insensitively, unknown ones ignored. */
    private static Set<Role> roles(Object claim) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Collection<?> values = claim instanceof Collection<?> list ? list
                : claim instanceof String text ? Arrays.asList(text.split("\\s+")) : Set.of();
        for (Object value : values) {
            String name = String.valueOf(value).trim().toUpperCase(Locale.ROOT);
            Arrays.stream(Role.values()).filter(role -> role.name().equals(name)).forEach(roles::add);
        }
        return roles;
    }
}
