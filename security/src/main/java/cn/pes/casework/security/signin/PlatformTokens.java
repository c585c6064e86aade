package cn.pes.casework.security.signin;

import cn.pes.casework.security.Officer;
import cn.pes.casework.security.Role;
import cn.pes.casework.security.SecurityProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

/**
 * Bearer tokens the platform issues itself in LOCAL sign-in: HMAC-SHA256 JWTs with the same claims
 * an OpenID Connect provider gives in production, so that one converter reads both. A token lives
 * {@code pes.security.tokens.lifetime} (8 hours by default: one working day).
 */
public class PlatformTokens {

    /** Public in this source code: for the embedded profile only, never where real personal data is kept. */
    public static final String DEVELOPMENT_KEY = "pes-embedded-profile-development-token-signing-key";
    private static final Logger log = LoggerFactory.getLogger(PlatformTokens.class);
    private static final int MINIMUM_KEY_BYTES = 32;

    private final NimbusJwtEncoder encoder;
    private final SecretKey key;
    private final SecurityProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PlatformTokens(SecurityProperties properties, Clock clock) {
        String configured = properties.tokens().signingKey();
        String secret = configured == null || configured.isBlank() ? DEVELOPMENT_KEY : configured;
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MINIMUM_KEY_BYTES) {
            throw new IllegalArgumentException("pes.security.tokens.signing-key must be at least " + MINIMUM_KEY_BYTES
                    + " bytes, was " + bytes.length);
        }
        if (DEVELOPMENT_KEY.equals(secret) && properties.signIn() == SecurityProperties.SignIn.LOCAL) {
            log.warn("Sign-in tokens are signed with the public development key: acceptable for the embedded profile "
                    + "only; set pes.security.tokens.signing-key (PES_TOKEN_SIGNING_KEY) everywhere else");
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        this.properties = properties;
        this.clock = clock;
    }

    /** The claim naming the account a token was issued to, so that it can be checked at every use. */
    static final String ACCOUNT_CLAIM = "acct";

    IssuedToken issue(String username, Officer officer) {
        Instant now = clock.instant();
        Instant expires = now.plus(properties.tokens().lifetime());
        byte[] id = new byte[16];
        random.nextBytes(id);
        SecurityProperties.Oidc claims = properties.oidc();
        JwtClaimsSet set = JwtClaimsSet.builder()
                .issuer(properties.tokens().issuer())
                .subject(officer.officerId())
                .id(Base64.getUrlEncoder().withoutPadding().encodeToString(id))
                .issuedAt(now)
                .expiresAt(expires)
                .claim(claims.officerClaim(), officer.officerId())
                .claim(claims.agencyClaim(), officer.agencyId())
                .claim(claims.rolesClaim(), officer.roles().stream().map(Role::name).sorted().toList())
                .claim(ACCOUNT_CLAIM, username)
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), set))
                .getTokenValue();
        return new IssuedToken(token, "Bearer", properties.tokens().lifetime().toSeconds(), expires);
    }

    ReactiveJwtDecoder decoder() {
        return NimbusReactiveJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
    }

    /** What the token endpoint answers; names as in OAuth 2.0 (RFC 6749) so that clients know them. */
    record IssuedToken(@JsonProperty("access_token") String accessToken,
                       @JsonProperty("token_type") String tokenType,
                       @JsonProperty("expires_in") long expiresIn,
                       @JsonProperty("expires_at") Instant expiresAt) {

        @Override
        public String toString() {
            return "IssuedToken[expiresAt=" + expiresAt + "]";
        }
    }
}
