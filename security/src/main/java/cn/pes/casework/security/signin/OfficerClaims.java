package cn.pes.casework.security.signin;

import cn.pes.casework.security.Officer;
import cn.pes.casework.security.OfficerAuthentication;
import cn.pes.casework.security.Role;
import cn.pes.casework.security.SecurityProperties;
import cn.pes.casework.security.agency.AgencyDirectory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads officer, agency and roles from verified claims — a bearer JWT (the platform's own or the
 * OpenID Connect provider's) or a browser sign-in's ID token and userinfo; claim names from
 * {@code pes.security.oidc.*-claim}. Claims without an officer, with an agency the city does not
 * have, or without any known role sign nobody in.
 */
class OfficerClaims implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    private static final int MAX_OFFICER_ID = 64;

    private final SecurityProperties.Oidc claims;
    private final AgencyDirectory agencies;

    OfficerClaims(SecurityProperties.Oidc claims, AgencyDirectory agencies) {
        this.claims = claims;
        this.agencies = agencies;
    }

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        try {
            return Mono.just(new OfficerAuthentication(officer(jwt)));
        } catch (Refused refused) {
            return Mono.error(new InvalidBearerTokenException("the token " + refused.getMessage()));
        }
    }

    /**
     * The officer the claims name.
     *
     * @throws Refused when they sign nobody in
     */
    Officer officer(ClaimAccessor source) {
        String officerId = source.getClaimAsString(claims.officerClaim());
        String agencyId = source.getClaimAsString(claims.agencyClaim());
        Set<Role> roles = roles(source.getClaim(claims.rolesClaim()));
        if (officerId == null || officerId.isBlank() || officerId.length() > MAX_OFFICER_ID) {
            throw new Refused("names no officer", null, null);
        }
        if (!agencies.exists(agencyId)) {
            throw new Refused("names no agency of this city", officerId, null);
        }
        if (roles.isEmpty()) {
            throw new Refused("gives no role of this platform", officerId, agencyId);
        }
        return new Officer(officerId, agencyId, roles);
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

    /**
     * Claims that sign nobody in. The message completes "the token ..."; officer and agency are
     * those the claims named, as far as they are usable (for the access log), else null.
     */
    static final class Refused extends RuntimeException {

        private final String officerId;
        private final String agencyId;

        Refused(String reason, String officerId, String agencyId) {
            super(reason, null, false, false);
            this.officerId = officerId;
            this.agencyId = agencyId;
        }

        String officerId() {
            return officerId;
        }

        String agencyId() {
            return agencyId;
        }
    }
}
