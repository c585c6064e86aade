package cn.pes.casework.security.signin;

import cn.pes.casework.security.Officer;
import cn.pes.casework.security.OfficerAuthentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * An officer signed in through the provider, as the session keeps them: the same officer as after
 * any other sign-in, plus what ending the provider's session needs (the ID token as
 * {@code id_token_hint}). Kept in the server-side session only.
 */
final class ProviderSession extends OfficerAuthentication {

    private final String registrationId;
    private final OidcIdToken idToken;

    ProviderSession(Officer officer, String registrationId, OidcIdToken idToken) {
        super(officer);
        this.registrationId = registrationId;
        this.idToken = idToken;
    }

    /** In the shape Spring Security's RP-initiated logout reads. */
    OAuth2AuthenticationToken atProvider() {
        return new OAuth2AuthenticationToken(new DefaultOidcUser(getAuthorities(), idToken), getAuthorities(),
                registrationId);
    }
}
