package cn.pes.casework.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A signed-in officer, however they signed in (local password, platform token, OpenID Connect
 * provider): the principal is always an {@link Officer}, with one authority per role.
 */
public class OfficerAuthentication extends AbstractAuthenticationToken {

    private final Officer officer;

    public OfficerAuthentication(Officer officer) {
        super(officer.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
        this.officer = officer;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public String getName() {
        return officer.officerId();
    }

    @Override
    public Officer getPrincipal() {
        return officer;
    }
}
