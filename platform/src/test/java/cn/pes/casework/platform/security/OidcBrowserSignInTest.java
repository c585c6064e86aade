package cn.pes.casework.platform.security;

import cn.pes.casework.platform.PlatformApplication;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browsers' sign-in through the OpenID Connect provider (authorization code flow with PKCE),
 * against a small provider running in the test: discovery, authorization endpoint, token endpoint
 * (checks the client's secret, the redirect URI and the PKCE verifier; signs the ID token with a key
 * made for the test, with the sign-in's nonce) and JWK set; it names an end-session endpoint for
 * signing out there. The browser is played by hand, one redirect at a time, with its own cookie jar.
 */
@SpringBootTest(classes = PlatformApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=platform")
class OidcBrowserSignInTest {

    private static final String CLIENT_ID = "pes-casework-web";
    private static final String CLIENT_SECRET = "client-secret-for-the-test-only";
    private static final String STREET = "990101001";
    private static final FakeProvider PROVIDER = FakeProvider.start();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("pes-oidc-browser-").toString();
        registry.add("pes.data-dir", () -> dataDir);
        registry.add("pes.security.sign-in", () -> "OIDC");
        registry.add("pes.security.oidc.issuer-uri", PROVIDER::issuer);
        registry.add("pes.security.oidc.audience", () -> "pes-casework");
        registry.add("pes.security.oidc.client-id", () -> CLIENT_ID);
        registry.add("pes.security.oidc.client-secret", () -> CLIENT_SECRET);
        registry.add("pes.security.oidc.scopes", () -> "openid,profile,pes");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBrowserSignsInAtTheProviderAndActsAsTheOfficerItsIdTokenNames() {
        Browser browser = new Browser();
        PROVIDER.nextSignIn("li.na", STREET, List.of("caseworker"));

        EntityExchangeResult<String> page = browser.get("/cases");
        assertThat(page.getStatus()).isEqualTo(HttpStatus.FOUND);
        String signIn = location(page);
        assertThat(signIn).isEqualTo("/oauth2/authorization/pes");

        EntityExchangeResult<String> toProvider = browser.get(signIn);
        String sessionBefore = browser.cookies.get("SESSION");
        assertThat(sessionBefore).as("the sign-in's state is kept in a session").isNotNull();
        assertThat(toProvider.getStatus()).isEqualTo(HttpStatus.FOUND);
        Map<String, String> request = query(location(toProvider));
        assertThat(location(toProvider)).startsWith(PROVIDER.issuer() + "/authorize?");
        assertThat(request).containsEntry("client_id", CLIENT_ID).containsEntry("response_type", "code")
                .containsEntry("code_challenge_method", "S256")
                .containsKeys("state", "nonce", "code_challenge");
        assertThat(request.get("scope").split(" ")).containsExactlyInAnyOrder("openid", "profile", "pes");

        EntityExchangeResult<String> callback = browser.follow(toProvider);
        assertThat(location(callback)).startsWith("http://localhost:" + port + "/login/oauth2/code/pes?code=");
        EntityExchangeResult<String> signedIn = browser.follow(callback);
        assertThat(signedIn.getStatus()).isEqualTo(HttpStatus.FOUND);
        assertThat(location(signedIn)).as("back to the page asked for").endsWith("/cases");
        ResponseCookie session = signedIn.getResponseCookies().getFirst("SESSION");
        assertThat(session).as("a new session for the signed-in officer").isNotNull();
        assertThat(session.getValue()).as("not the session of before the sign-in").isNotEqualTo(sessionBefore);
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).as("sent when the provider sends the browser back").isEqualTo("Lax");

        EntityExchangeResult<String> cases = browser.get("/cases");
        assertThat(cases.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(cases.getResponseBody()).contains("li.na");
        assertThat(cases.getResponseHeaders().getFirst("Content-Security-Policy")).contains("default-src 'self'");

        browser.http(HttpMethod.GET, "/api/account", MediaType.APPLICATION_JSON).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.officerId").isEqualTo("li.na")
                .jsonPath("$.agencyId").isEqualTo(STREET)
                .jsonPath("$.roles[0]").isEqualTo("CASEWORKER");
        assertThat(accessLog("li.na", "SIGNED_IN")).isNotEmpty();
        assertThat(PROVIDER.codesRedeemed).as("the code was redeemed with the client's secret and PKCE verifier")
                .containsKey(request.get("state"));
    }

    @Test
    void anIdTokenNamingNoAgencyOfTheCitySignsNobodyIn() {
        Browser browser = new Browser();
        PROVIDER.nextSignIn("zhao.lei", "000000000", List.of("caseworker"));

        EntityExchangeResult<String> refused = signInAtProvider(browser);
        assertThat(refused.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refused.getResponseHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(refused.getResponseBody()).contains("未获准使用本系统").contains("/oauth2/authorization/pes");

        browser.http(HttpMethod.GET, "/api/account", MediaType.APPLICATION_JSON).expectStatus().isUnauthorized();
        assertThat(location(browser.get("/cases"))).isEqualTo("/oauth2/authorization/pes");
        assertThat(accessLog("zhao.lei", "SIGN_IN_FAILED")).singleElement().asString().contains("no agency");
    }

    @Test
    void anIdTokenWithoutARoleOfThisPlatformSignsNobodyIn() {
        Browser browser = new Browser();
        PROVIDER.nextSignIn("qian.yu", STREET, List.of("offline_access"));

        EntityExchangeResult<String> refused = signInAtProvider(browser);
        assertThat(refused.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
        browser.http(HttpMethod.GET, "/api/account", MediaType.APPLICATION_JSON).expectStatus().isUnauthorized();
        assertThat(accessLog("qian.yu", "SIGN_IN_FAILED")).singleElement().asString().contains("no role");
    }

    @Test
    void signingOutEndsTheSessionHereAndAtTheProvider() {
        Browser browser = new Browser();
        PROVIDER.nextSignIn("sun.li", STREET, List.of("caseworker"));
        signInAtProvider(browser);
        assertThat(browser.get("/cases").getStatus()).isEqualTo(HttpStatus.OK);
        String csrf = browser.cookies.get("XSRF-TOKEN");
        assertThat(csrf).as("the pages' CSRF cookie").isNotNull();

        String session = browser.cookies.get("SESSION");

        browser.http(HttpMethod.POST, "/logout", MediaType.TEXT_HTML).expectStatus().isForbidden();
        EntityExchangeResult<String> signedOut = browser.exchange(HttpMethod.POST, "/logout", MediaType.TEXT_HTML,
                headers -> headers.set("X-XSRF-TOKEN", csrf));
        assertThat(signedOut.getStatus()).isEqualTo(HttpStatus.FOUND);
        assertThat(location(signedOut)).startsWith(PROVIDER.issuer() + "/logout?");
        Map<String, String> logout = query(location(signedOut));
        assertThat(logout.get("id_token_hint")).isEqualTo(PROVIDER.idTokensIssued.get("sun.li"));
        assertThat(logout).containsEntry("post_logout_redirect_uri", "http://localhost:" + port + "/login?logout");

        // The session is over on the server, not only forgotten by this browser.
        browser.cookies.put("SESSION", session);
        browser.http(HttpMethod.GET, "/api/account", MediaType.APPLICATION_JSON).expectStatus().isUnauthorized();
        assertThat(location(browser.get("/cases"))).isEqualTo("/oauth2/authorization/pes");
        assertThat(browser.get("/login?logout").getResponseBody()).contains("您已退出登录")
                .contains("/oauth2/authorization/pes");
    }

    @Test
    void apiClientsStillGet401ProblemsOrUseTheProvidersBearerTokens() {
        Browser browser = new Browser();
        browser.http(HttpMethod.GET, "/api/account", MediaType.APPLICATION_JSON).expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("SIGN_IN_REQUIRED");

        String token = PROVIDER.idToken(Map.of("preferred_username", "zhou.min", "agency_id", STREET,
                "roles", List.of("auditor")), "pes-casework", null);
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri("/api/account").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.officerId").isEqualTo("zhou.min");
    }

    /** From a page through the provider and back: the platform's answer to the provider's callback. */
    private static EntityExchangeResult<String> signInAtProvider(Browser browser) {
        EntityExchangeResult<String> toPlatformsSignIn = browser.get("/cases");
        EntityExchangeResult<String> toProvider = browser.follow(toPlatformsSignIn);
        EntityExchangeResult<String> callback = browser.follow(toProvider);
        return browser.follow(callback);
    }

    private List<String> accessLog(String officerId, String action) {
        return jdbc.queryForList("SELECT detail FROM access_log WHERE officer_id = ? AND action = ?", String.class,
                officerId, action).stream().map(String::valueOf).toList();
    }

    private static String location(EntityExchangeResult<?> result) {
        URI location = result.getResponseHeaders().getLocation();
        assertThat(location).as("redirected").isNotNull();
        return location.toString();
    }

    private static Map<String, String> query(String uri) {
        Map<String, String> values = new HashMap<>();
        UriComponentsBuilder.fromUriString(uri).build().getQueryParams().forEach((name, list) ->
                values.put(name, URLDecoder.decode(list.get(0), StandardCharsets.UTF_8)));
        return values;
    }

    /** A browser: keeps cookies, asks for HTML, follows no redirect on its own. */
    private final class Browser {

        private final WebTestClient http = WebTestClient.bindToServer().responseTimeout(Duration.ofSeconds(30)).build();
        private final Map<String, String> cookies = new LinkedHashMap<>();

        EntityExchangeResult<String> get(String pathOrUri) {
            return exchange(HttpMethod.GET, pathOrUri, MediaType.TEXT_HTML, headers -> {
            });
        }

        /** The next hop of a redirect, wherever it points (the provider or back here). */
        EntityExchangeResult<String> follow(EntityExchangeResult<String> redirect) {
            assertThat(redirect.getStatus()).isEqualTo(HttpStatus.FOUND);
            return get(location(redirect));
        }

        WebTestClient.ResponseSpec http(HttpMethod method, String path, MediaType accept) {
            return http.method(method).uri(absolute(path)).accept(accept)
                    .cookies(jar -> cookies.forEach(jar::add)).exchange();
        }

        EntityExchangeResult<String> exchange(HttpMethod method, String pathOrUri, MediaType accept,
                                              Consumer<HttpHeaders> headers) {
            URI uri = absolute(pathOrUri);
            // Cookies go only where they were set: the provider's host is another site.
            boolean here = uri.getPort() == port;
            EntityExchangeResult<String> result = http.method(method).uri(uri)
                    .accept(accept, MediaType.ALL)
                    .headers(headers)
                    .cookies(jar -> {
                        if (here) {
                            cookies.forEach(jar::add);
                        }
                    })
                    .exchange().expectBody(String.class).returnResult();
            if (here) {
                result.getResponseCookies().forEach((name, values) -> values.forEach(cookie -> {
                    if (cookie.getMaxAge().isZero()) {
                        cookies.remove(name);
                    } else {
                        cookies.put(name, cookie.getValue());
                    }
                }));
            }
            return result;
        }

        private URI absolute(String pathOrUri) {
            return pathOrUri.startsWith("http") ? URI.create(pathOrUri) : URI.create("http://localhost:" + port + pathOrUri);
        }
    }

    /**
     * Just enough of an OpenID provider for the authorization code flow: whoever comes to the
     * authorization endpoint is the officer set with {@link #nextSignIn}.
     */
    static final class FakeProvider {

        private final HttpServer server;
        private final ExecutorService threads = Executors.newFixedThreadPool(4);
        private final RSAKey key;
        private final ObjectMapper json = new ObjectMapper();
        private final Map<String, Grant> grants = new ConcurrentHashMap<>();
        /** State of each sign-in whose code was redeemed, for the test to see that it went through. */
        final Map<String, String> codesRedeemed = new ConcurrentHashMap<>();
        final Map<String, String> idTokensIssued = new ConcurrentHashMap<>();
        private volatile Map<String, Object> nextClaims = Map.of();

        private record Grant(String redirectUri, String challenge, String nonce, String state,
                             Map<String, Object> claims) {
        }

        private FakeProvider() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            key = rsaKey();
            server.createContext("/.well-known/openid-configuration", exchange -> respondJson(exchange, 200, Map.of(
                    "issuer", issuer(),
                    "authorization_endpoint", issuer() + "/authorize",
                    "token_endpoint", issuer() + "/token",
                    "jwks_uri", issuer() + "/jwks",
                    "end_session_endpoint", issuer() + "/logout",
                    "response_types_supported", List.of("code"),
                    "subject_types_supported", List.of("public"),
                    "id_token_signing_alg_values_supported", List.of("RS256"),
                    "token_endpoint_auth_methods_supported", List.of("client_secret_basic"),
                    "code_challenge_methods_supported", List.of("S256"))));
            server.createContext("/jwks", exchange -> respond(exchange, 200, "application/json",
                    new JWKSet(key.toPublicJWK()).toString()));
            server.createContext("/authorize", this::authorize);
            server.createContext("/token", this::token);
            server.setExecutor(threads);
            server.start();
        }

        static FakeProvider start() {
            try {
                return new FakeProvider();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void stop() {
            server.stop(0);
            threads.shutdownNow();
        }

        String issuer() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void nextSignIn(String username, String agencyId, List<String> roles) {
            nextClaims = Map.of("preferred_username", username, "agency_id", agencyId, "roles", roles);
        }

        private void authorize(HttpExchange exchange) throws IOException {
            Map<String, String> request = form(exchange.getRequestURI().getRawQuery());
            if (!CLIENT_ID.equals(request.get("client_id")) || !"code".equals(request.get("response_type"))
                    || !"S256".equals(request.get("code_challenge_method")) || request.get("code_challenge") == null
                    || request.get("redirect_uri") == null || request.get("nonce") == null) {
                respondJson(exchange, 400, Map.of("error", "invalid_request"));
                return;
            }
            String code = UUID.randomUUID().toString();
            grants.put(code, new Grant(request.get("redirect_uri"), request.get("code_challenge"), request.get("nonce"),
                    request.get("state"), nextClaims));
            exchange.getResponseHeaders().set("Location", UriComponentsBuilder.fromUriString(request.get("redirect_uri"))
                    .queryParam("code", code).queryParam("state", request.get("state")).encode().build().toUriString());
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        }

        private void token(HttpExchange exchange) throws IOException {
            Map<String, String> request = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                    .getBytes(StandardCharsets.UTF_8));
            if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respondJson(exchange, 401, Map.of("error", "invalid_client"));
                return;
            }
            Grant grant = request.get("code") == null ? null : grants.remove(request.get("code"));
            if (grant == null || !"authorization_code".equals(request.get("grant_type"))
                    || !grant.redirectUri().equals(request.get("redirect_uri"))
                    || !grant.challenge().equals(s256(request.get("code_verifier")))) {
                respondJson(exchange, 400, Map.of("error", "invalid_grant"));
                return;
            }
            String idToken = idToken(grant.claims(), CLIENT_ID, grant.nonce());
            idTokensIssued.put(String.valueOf(grant.claims().get("preferred_username")), idToken);
            codesRedeemed.put(grant.state(), request.get("code"));
            respondJson(exchange, 200, Map.of("access_token", UUID.randomUUID().toString(), "token_type", "Bearer",
                    "expires_in", 300, "scope", "openid profile pes", "id_token", idToken));
        }

        String idToken(Map<String, Object> claims, String audience, String nonce) {
            Instant now = Instant.now();
            JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                    .issuer(issuer())
                    .subject("sub-" + claims.get("preferred_username"))
                    .audience(audience)
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
            if (nonce != null) {
                builder.claim("nonce", nonce);
            }
            claims.forEach(builder::claim);
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                        builder.build());
                jwt.sign(new RSASSASigner(key));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String s256(String verifier) {
            if (verifier == null) {
                return null;
            }
            try {
                return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                        .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Map<String, String> form(String encoded) {
            Map<String, String> values = new HashMap<>();
            if (encoded == null || encoded.isEmpty()) {
                return values;
            }
            for (String pair : encoded.split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                values.put(name, equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
            return values;
        }

        private void respondJson(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
            respond(exchange, status, "application/json", json.writeValueAsString(body));
        }

        private static void respond(HttpExchange exchange, int status, String contentType, String body)
                throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        private static RSAKey rsaKey() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                var pair = generator.generateKeyPair();
                return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                        .keyID("test-key").build();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
