package cn.pes.casework.security.signin;

import cn.pes.casework.security.SecurityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The platform's client at the OpenID Connect provider, built from {@code pes.security.oidc.*} and
 * the provider's discovery document at the configured issuer (endpoints, keys, end-session
 * endpoint). Discovered at the first browser sign-in rather than at start, like the bearer tokens'
 * keys, so that the platform starts while the provider is down; a failed discovery is tried again
 * at the next sign-in, a successful one is kept.
 */
final class ProviderRegistration implements ReactiveClientRegistrationRepository {

    /** Part of the callback path the provider must allow: {@code /login/oauth2/code/pes}. */
    static final String ID = "pes";

    private static final Logger log = LoggerFactory.getLogger(ProviderRegistration.class);

    private final SecurityProperties.Oidc oidc;
    private final AtomicReference<ClientRegistration> discovered = new AtomicReference<>();

    ProviderRegistration(SecurityProperties.Oidc oidc) {
        this.oidc = oidc;
    }

    @Override
    public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
        if (!ID.equals(registrationId)) {
            return Mono.empty();
        }
        ClientRegistration known = discovered.get();
        if (known != null) {
            return Mono.just(known);
        }
        // Discovery blocks (RestTemplate): off the event loop.
        return Mono.fromCallable(this::discover)
                .subscribeOn(Schedulers.boundedElastic())
                .doOnNext(discovered::set)
                .onErrorMap(e -> !(e instanceof ResponseStatusException), e -> {
                    log.warn("Browser sign-in: the OpenID Connect provider's configuration at {} could not be read ({})",
                            oidc.issuerUri(), e.getClass().getName());
                    return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                            "the sign-in provider cannot be reached", e);
                });
    }

    private ClientRegistration discover() {
        boolean confidential = oidc.clientSecret() != null && !oidc.clientSecret().isBlank();
        ClientRegistration.Builder builder = ClientRegistrations.fromOidcIssuerLocation(oidc.issuerUri())
                .registrationId(ID)
                .clientId(oidc.clientId())
                .scope(scopes())
                // The authorization code is bound to this sign-in even for a confidential client.
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build());
        if (confidential) {
            builder.clientSecret(oidc.clientSecret());
        } else {
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        }
        if (oidc.jwkSetUri() != null && !oidc.jwkSetUri().isBlank()) {
            builder.jwkSetUri(oidc.jwkSetUri());
        }
        return builder.build();
    }

    /** Without {@code openid} the provider would answer plain OAuth 2.0, without an ID token. */
    private Set<String> scopes() {
        Set<String> scopes = new LinkedHashSet<>();
        scopes.add(OidcScopes.OPENID);
        oidc.scopes().stream().map(String::trim).filter(scope -> !scope.isEmpty()).forEach(scopes::add);
        return scopes;
    }

    String authorizationPath() {
        return "/oauth2/authorization/" + ID;
    }
}
