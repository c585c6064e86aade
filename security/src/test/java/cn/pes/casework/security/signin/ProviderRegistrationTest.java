package cn.pes.casework.security.signin;

import cn.pes.casework.security.SecurityProperties;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.server.ResponseStatusException;
import reactor.test.StepVerifier;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The client registration comes from the issuer's discovery document and {@code pes.security.oidc.*}. */
class ProviderRegistrationTest {

    private HttpServer provider;
    private final AtomicBoolean up = new AtomicBoolean(true);
    private final AtomicInteger discoveries = new AtomicInteger();

    @BeforeEach
    void startProvider() throws IOException {
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext("/.well-known/openid-configuration", exchange -> {
            discoveries.incrementAndGet();
            byte[] body = ("{\"issuer\":\"" + issuer() + "\",\"authorization_endpoint\":\"" + issuer() + "/authorize\","
                    + "\"token_endpoint\":\"" + issuer() + "/token\",\"jwks_uri\":\"" + issuer() + "/jwks\","
                    + "\"end_session_endpoint\":\"" + issuer() + "/logout\",\"response_types_supported\":[\"code\"],"
                    + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                    + "\"token_endpoint_auth_methods_supported\":[\"client_secret_post\",\"none\"]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(up.get() ? 200 : 503, up.get() ? body.length : -1);
            if (up.get()) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        provider.start();
    }

    @AfterEach
    void stopProvider() {
        provider.stop(0);
    }

    private String issuer() {
        return "http://127.0.0.1:" + provider.getAddress().getPort();
    }

    private ProviderRegistration registration(String secret, List<String> scopes) {
        return new ProviderRegistration(new SecurityProperties.Oidc(issuer(), null, null, null, "preferred_username",
                "agency_id", "roles", "pes-web", secret, scopes));
    }

    @Test
    void aPublicClientUsesPkceAloneAndAlwaysAsksForOpenid() {
        StepVerifier.create(registration(null, List.of("profile", "pes")).findByRegistrationId("pes"))
                .assertNext(client -> {
                    assertThat(client.getClientId()).isEqualTo("pes-web");
                    assertThat(client.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.NONE);
                    assertThat(client.getClientSettings().isRequireProofKey()).isTrue();
                    assertThat(client.getScopes()).containsExactlyInAnyOrder("openid", "profile", "pes");
                    assertThat(client.getProviderDetails().getAuthorizationUri()).isEqualTo(issuer() + "/authorize");
                    assertThat(client.getProviderDetails().getConfigurationMetadata())
                            .containsEntry("end_session_endpoint", issuer() + "/logout");
                    assertThat(client.getRedirectUri()).isEqualTo("{baseUrl}/{action}/oauth2/code/{registrationId}");
                })
                .verifyComplete();
    }

    @Test
    void aConfidentialClientAuthenticatesAsTheProviderOffersAndStillUsesPkce() {
        StepVerifier.create(registration("s3cret", List.of("openid")).findByRegistrationId("pes"))
                .assertNext(client -> {
                    assertThat(client.getClientSecret()).isEqualTo("s3cret");
                    assertThat(client.getClientAuthenticationMethod())
                            .isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_POST);
                    assertThat(client.getClientSettings().isRequireProofKey()).isTrue();
                })
                .verifyComplete();
    }

    @Test
    void aProviderThatCannotBeReachedIsTriedAgainAndOnceFoundIsKept() {
        ProviderRegistration registration = registration(null, List.of("openid"));
        up.set(false);
        StepVerifier.create(registration.findByRegistrationId("pes"))
                .expectErrorSatisfies(e -> assertThat(((ResponseStatusException) e).getStatusCode())
                        .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE))
                .verify();

        up.set(true);
        ClientRegistration found = registration.findByRegistrationId("pes").block();
        assertThat(found).isNotNull();
        int asked = discoveries.get();
        assertThat(registration.findByRegistrationId("pes").block()).isSameAs(found);
        assertThat(discoveries).hasValue(asked);
        StepVerifier.create(registration.findByRegistrationId("other")).verifyComplete();
    }
}
