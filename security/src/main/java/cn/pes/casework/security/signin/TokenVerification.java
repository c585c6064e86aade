package cn.pes.casework.security.signin;

import cn.pes.casework.security.SecurityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.oidc.authentication.ReactiveOidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoderFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/** Builds the decoders that verify bearer tokens, for either way of signing in, and browsers' ID tokens. */
final class TokenVerification {

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(TokenVerification.class);

    private TokenVerification() {
    }

    static ReactiveJwtDecoder local(PlatformTokens tokens, SecurityProperties properties, Clock clock) {
        NimbusReactiveJwtDecoder decoder = (NimbusReactiveJwtDecoder) tokens.decoder();
        decoder.setJwtValidator(validator(properties.tokens().issuer(), null, clock));
        return decoder;
    }

    static ReactiveJwtDecoder oidc(SecurityProperties.Oidc oidc, Clock clock) {
        // Without the issuer check, tokens the same keys signed for anything else would be accepted.
        if (!hasText(oidc.issuerUri())) {
            throw new IllegalStateException("pes.security.sign-in=OIDC needs pes.security.oidc.issuer-uri");
        }
        if (!hasText(oidc.audience())) {
            log.warn("pes.security.oidc.audience is not set: tokens the provider issued to other applications "
                    + "are accepted too");
        }
        NimbusReactiveJwtDecoder decoder;
        if (hasText(oidc.publicKeyLocation())) {
            decoder = NimbusReactiveJwtDecoder.withPublicKey(publicKey(oidc.publicKeyLocation())).build();
        } else if (hasText(oidc.jwkSetUri())) {
            decoder = NimbusReactiveJwtDecoder.withJwkSetUri(oidc.jwkSetUri()).build();
        } else {
            decoder = NimbusReactiveJwtDecoder.withIssuerLocation(oidc.issuerUri()).build();
        }
        decoder.setJwtValidator(validator(oidc.issuerUri(), oidc.audience(), clock));
        return decoder;
    }

    /**
     * ID tokens of browser sign-ins, with the keys the provider's discovery names: issuer, audience
     * (the platform's client), authorized party and times as OpenID Connect requires, against the
     * platform's clock. The nonce is checked by the sign-in itself.
     */
    static ReactiveJwtDecoderFactory<ClientRegistration> idTokens(Clock clock) {
        ReactiveOidcIdTokenDecoderFactory factory = new ReactiveOidcIdTokenDecoderFactory();
        factory.setJwtValidatorFactory(registration -> {
            JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
            timestamps.setClock(clock);
            OidcIdTokenValidator idToken = new OidcIdTokenValidator(registration);
            idToken.setClockSkew(CLOCK_SKEW);
            idToken.setClock(clock);
            return new DelegatingOAuth2TokenValidator<>(timestamps, idToken);
        });
        return factory;
    }

    /** Time checked against the platform's clock (the one every other decision uses), issuer and audience if given. */
    private static OAuth2TokenValidator<Jwt> validator(String issuer, String audience, Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
        timestamps.setClock(clock);
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(timestamps);
        validators.add(new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null));
        if (issuer != null) {
            validators.add(new JwtIssuerValidator(issuer));
        }
        if (hasText(audience)) {
            validators.add(new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                    aud -> aud != null && aud.contains(audience)));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static RSAPublicKey publicKey(String location) {
        Resource resource = new DefaultResourceLoader().getResource(location);
        try (InputStream in = resource.getInputStream()) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the provider's public key from " + location, e);
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
