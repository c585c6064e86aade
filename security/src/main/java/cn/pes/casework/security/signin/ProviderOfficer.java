package cn.pes.casework.security.signin;

import cn.pes.casework.security.Officer;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A browser sign-in's user at the provider once its claims have named an officer of this city;
 * lives only until the session keeps the officer ({@link ProviderSession}).
 */
final class ProviderOfficer extends DefaultOidcUser {

    private final Officer officer;

    ProviderOfficer(Officer officer, OidcUser user) {
        super(officer.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList(),
                user.getIdToken(), user.getUserInfo(), IdTokenClaimNames.SUB);
        this.officer = officer;
    }

    Officer officer() {
        return officer;
    }
}
