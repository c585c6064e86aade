package cn.pes.casework.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A signed-in officer, however they signed in (local password, platform token, OpenID Connect
 * provider): the principal is always an {@link Officer}, with one authority per role.
 */
public class OfficerAuthentication extends AbstractAuthenticationToken {

    private final Officer officer;
    private final String localAccount;

    public OfficerAuthentication(Officer officer) {
        this(officer, null);
    }

    /** @param localAccount the platform's own account signed in with (LOCAL sign-in), or null */
    public OfficerAuthentication(Officer officer, String localAccount) {
        super(officer.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
        this.officer = officer;
        this.localAccount = localAccount;
        setAuthenticated(true);
    }

    /** The user name of the platform's own account behind this sign-in; empty for anyone else's token. */
    public java.util.Optional<String> localAccount() {
        return java.util.Optional.ofNullable(localAccount);
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
