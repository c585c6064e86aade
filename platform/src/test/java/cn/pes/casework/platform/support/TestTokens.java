package cn.pes.casework.platform.support;

import cn.pes.casework.security.Role;
import cn.pes.casework.security.signin.PlatformTokens;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Bearer tokens as the embedded platform issues them (its development signing key, its claims), so
 * that a test can act as any officer of any agency without an account per officer. The platform
 * verifies them exactly as it verifies the ones from {@code POST /api/auth/token}; the sign-in
 * itself is tested in {@code SignInHttpTest}.
 */
public final class TestTokens {

    private static final NimbusJwtEncoder ENCODER = new NimbusJwtEncoder(new ImmutableSecret<>(new SecretKeySpec(
            PlatformTokens.DEVELOPMENT_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256")));

    private TestTokens() {
    }

    public static String mint(String officerId, String agencyId, Instant now, Role... roles) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer("pes-casework")
                .subject(officerId)
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofHours(1)))
                .claim("preferred_username", officerId)
                .claim("agency_id", agencyId)
                .claim("roles", Arrays.stream(roles).map(Role::name).toList())
                .build();
        return ENCODER.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }
}
