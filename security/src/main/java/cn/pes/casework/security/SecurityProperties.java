package cn.pes.casework.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code pes.security.*}: how officers sign in and how long their sign-in lasts.
 *
 * @param signIn   LOCAL (the embedded default: accounts from {@code users}, passwords kept in the
 *                 database, tokens signed by the platform) or OIDC (production: an OpenID Connect
 *                 provider's JWTs, whose claims give officer, agency and roles)
 * @param users    LOCAL accounts; configuration decides who exists and their roles and agency
 * @param lockout  repeated failed sign-ins lock an account for a while
 * @param tokens   bearer tokens the platform issues in LOCAL mode
 * @param oidc     the provider in OIDC mode
 * @param password rules for a new password
 */
@ConfigurationProperties("pes.security")
public record SecurityProperties(@DefaultValue("LOCAL") SignIn signIn,
                                 List<LocalUser> users,
                                 @DefaultValue Lockout lockout,
                                 @DefaultValue Tokens tokens,
                                 @DefaultValue Oidc oidc,
                                 @DefaultValue PasswordRules password) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    public enum SignIn { LOCAL, OIDC }

    /**
     * @param initialPassword a {@code {bcrypt}} hash (or, discouraged, {@code {noop}}plain text); used
     *                        only when the account is first created, later changes live in the database
     */
    public record LocalUser(String username, String officerId, String agencyId, Set<Role> roles,
                            String initialPassword) {

        @Override
        public String toString() {
            return "LocalUser[" + username + ", " + officerId + ", " + agencyId + ", " + roles + "]";
        }
    }

    public record Lockout(@DefaultValue("5") int maxFailures, @DefaultValue("PT15M") Duration duration) {
    }

    /**
     * @param signingKey HMAC-SHA256 key, at least 32 bytes; without one the public development key
     *                   is used (embedded profile only, warned at start)
     */
    public record Tokens(String signingKey, @DefaultValue("PT8H") Duration lifetime,
                         @DefaultValue("pes-casework") String issuer) {

        @Override
        public String toString() {
            return "Tokens[lifetime=" + lifetime + ", issuer=" + issuer + "]";
        }
    }

    /**
     * @param issuerUri         the provider's issuer; keys are discovered from it unless one of the next two is set
     * @param jwkSetUri         the provider's JWK set
     * @param publicKeyLocation a PEM RSA public key (e.g. {@code file:/etc/pes/idp.pem}), for providers without discovery
     * @param audience          when set, a token must name it in {@code aud}
     * @param officerClaim      the claim that names the officer
     * @param agencyClaim       the claim with the officer's agency code
     * @param rolesClaim        the claim with the officer's roles (a list or a space-separated string)
     * @param clientId          the platform's client at the provider, for browsers' sign-in (authorization code
     *                          flow); without one, browsers cannot sign in and only bearer tokens are accepted
     * @param clientSecret      a confidential client's secret; none for a public client (PKCE alone)
     * @param scopes            asked for at browser sign-in ({@code openid} is always added)
     */
    public record Oidc(String issuerUri, String jwkSetUri, String publicKeyLocation, String audience,
                       @DefaultValue("preferred_username") String officerClaim,
                       @DefaultValue("agency_id") String agencyClaim,
                       @DefaultValue("roles") String rolesClaim,
                       String clientId, String clientSecret,
                       @DefaultValue({"openid", "profile"}) List<String> scopes) {

        public Oidc {
            scopes = scopes == null ? List.of("openid", "profile") : List.copyOf(scopes);
        }

        /** Browsers sign in through the provider only when the platform has a client there. */
        public boolean browserSignIn() {
            return clientId != null && !clientId.isBlank();
        }

        @Override
        public String toString() {
            return "Oidc[issuerUri=" + issuerUri + ", jwkSetUri=" + jwkSetUri + ", publicKeyLocation="
                    + publicKeyLocation + ", audience=" + audience + ", clientId=" + clientId + ", scopes=" + scopes
                    + ", claims=" + officerClaim + "/" + agencyClaim + "/" + rolesClaim + "]";
        }
    }

    public record PasswordRules(@DefaultValue("12") int minLength, @DefaultValue("3") int minCharacterClasses) {
    }
}
