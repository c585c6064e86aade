package cn.pes.casework.platform.security;

import cn.pes.casework.platform.PlatformApplication;
import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production sign-in: an OpenID Connect provider's JWTs (here signed with a key pair made for the
 * test, verified with its public key as {@code pes.security.oidc.public-key-location} says) give
 * officer, agency and roles; local accounts and tokens are switched off.
 */
@SpringBootTest(classes = PlatformApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=platform")
class OidcSignInTest {

    private static final String ISSUER = "https://idp.example.gov.cn/realms/pes";
    private static final KeyPair PROVIDER = keyPair();
    private static final KeyPair IMPOSTOR = keyPair();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) throws Exception {
        Path dataDir = Files.createTempDirectory("pes-oidc-");
        Path pem = dataDir.resolve("provider.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(PROVIDER.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n", StandardCharsets.US_ASCII);
        registry.add("pes.data-dir", dataDir::toString);
        registry.add("pes.security.sign-in", () -> "OIDC");
        registry.add("pes.security.oidc.public-key-location", () -> pem.toUri().toString());
        registry.add("pes.security.oidc.issuer-uri", () -> ISSUER);
        registry.add("pes.security.oidc.audience", () -> "pes-casework");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theProvidersClaimsGiveOfficerAgencyAndRoles() {
        String token = jwt(PROVIDER, ISSUER, "pes-casework", Instant.now().plus(Duration.ofMinutes(5)));
        JsonNode outcome = Caseworker.client(port).post().uri("/api/registrations")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Caseworker.windowRegistration(TestIds.adult(), "韩一"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        String metaData = jdbc.queryForList("SELECT metaData FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                byte[].class, outcome.path("caseId").asText()).stream()
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8)).findFirst().orElseThrow();
        assertThat(metaData).contains("\"officerId\":\"zhang.wei\"").contains("\"agencyId\":\"990102001\"");
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        status(jwt(IMPOSTOR, ISSUER, "pes-casework", Instant.now().plus(Duration.ofMinutes(5))), 401);
    }

    @Test
    void anExpiredTokenIsRefused() {
        status(jwt(PROVIDER, ISSUER, "pes-casework", Instant.now().minus(Duration.ofMinutes(5))), 401);
    }

    @Test
    void aTokenFromAnotherIssuerOrForAnotherAudienceIsRefused() {
        status(jwt(PROVIDER, "https://elsewhere.example.com", "pes-casework", Instant.now().plusSeconds(300)), 401);
        status(jwt(PROVIDER, ISSUER, "another-app", Instant.now().plusSeconds(300)), 401);
    }

    @Test
    void localTokensAndPasswordsAreOff() {
        Caseworker.client(port).post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "caseworker-street", "password", "ChangeMe-2026!"))
                .exchange()
                .expectStatus().isNotFound();
        Caseworker.client(port).post().uri("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("username=caseworker-street&password=x").exchange()
                .expectStatus().value(status -> assertThat(status).isIn(401, 403, 404));
    }

    @Test
    void withoutAClientAtTheProviderBrowsersAreNotSentToSignIn() {
        Caseworker.client(port).get().uri("/cases").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isUnauthorized();
        Caseworker.client(port).get().uri("/oauth2/authorization/pes").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isUnauthorized();
    }

    private void status(String token, int expected) {
        Caseworker.client(port).get().uri("/api/account").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isEqualTo(expected);
    }

    private static String jwt(KeyPair key, String issuer, String audience, Instant expiresAt) {
        RSAKey jwk = new RSAKey.Builder((RSAPublicKey) key.getPublic()).privateKey((RSAPrivateKey) key.getPrivate())
                .keyID("test").build();
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .audience(List.of(audience))
                .subject("0b6f3c1e")
                .issuedAt(expiresAt.minus(Duration.ofMinutes(10)))
                .expiresAt(expiresAt)
                .claim("preferred_username", "zhang.wei")
                .claim("agency_id", "990102001")
                .claim("roles", List.of("caseworker"))
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).keyId("test").build(),
                claims)).getTokenValue();
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
