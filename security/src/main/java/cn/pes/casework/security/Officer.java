package cn.pes.casework.security;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import reactor.core.publisher.Mono;

import java.util.Set;

/**
 * The signed-in officer: who acts, for which agency, in which roles. Every event's officer and
 * agency come from here, never from a request body. Officer IDs are staff identifiers, not the
 * personal data of the people served, so they may appear in logs and the access log.
 * <p>
 * Deliberately not a {@code java.security.Principal}: WebFlux would then hand controllers the whole
 * authentication for an {@code Officer} parameter instead of letting {@code @AuthenticationPrincipal} resolve it.
 */
public record Officer(String officerId, String agencyId, Set<Role> roles) {

    public Officer {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The officer of the current request; empty for an anonymous one. */
    public static Mono<Officer> current() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(authentication -> authentication != null && authentication.getPrincipal() instanceof Officer)
                .map(authentication -> (Officer) authentication.getPrincipal());
    }
}
