package cn.pes.casework.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.BodyInserters;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Local sign-in with the accounts the embedded default creates from configuration (README): a
 * token for API clients, the browser's form with CSRF protection and a session, lockout after
 * repeated failures, password change. Each test uses its own account.
 */
class SignInHttpTest extends SecuredPlatformTest {

    private static final String INITIAL = "ChangeMe-2026!";

    @Test
    void aConfiguredOfficerGetsATokenThatActsAsThem() {
        String token = token("caseworker-street", INITIAL).path("access_token").asText();

        anonymous().get().uri("/api/account").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.officerId").isEqualTo("W990101001A")
                .jsonPath("$.agencyId").isEqualTo(STREET)
                .jsonPath("$.roles[0]").isEqualTo("CASEWORKER");
    }

    @Test
    void aWrongPasswordGetsNoToken() {
        anonymous().post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "caseworker-county", "password", "wrong-password"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("SIGN_IN_FAILED");
    }

    @Test
    void aForgedOrExpiredTokenSignsNobodyIn() {
        String token = token("caseworker-street", INITIAL).path("access_token").asText();
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        anonymous().get().uri("/api/account").header(HttpHeaders.AUTHORIZATION, "Bearer " + forged).exchange()
                .expectStatus().isUnauthorized();

        clock.set(NOW.plusHours(9));
        try {
            anonymous().get().uri("/api/account").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                    .expectStatus().isUnauthorized();
        } finally {
            clock.set(NOW);
        }
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForAWhile() {
        for (int i = 0; i < 5; i++) {
            tokenStatus("reviewer", "not-the-password-" + i, 401);
        }
        tokenStatus("reviewer", INITIAL, 401);

        clock.set(NOW.plus(Duration.ofMinutes(16)));
        try {
            tokenStatus("reviewer", INITIAL, 200);
        } finally {
            clock.set(NOW);
        }
        JsonNode log = officer("A-signin", CITY, cn.pes.casework.security.Role.AUDITOR)
                .get("/api/audit/access-log?action=ACCOUNT_LOCKED&target=reviewer");
        assertThat(log.path("entries")).isNotEmpty();
    }

    @Test
    void anAdministratorUnlocksALockedAccount() {
        for (int i = 0; i < 5; i++) {
            tokenStatus("auditor", "not-the-password-" + i, 401);
        }
        tokenStatus("auditor", INITIAL, 401);
        String adminToken = token("admin", INITIAL).path("access_token").asText();

        anonymous().post().uri("/api/admin/accounts/auditor/unlock")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken).exchange()
                .expectStatus().isNoContent();

        tokenStatus("auditor", INITIAL, 200);
    }

    @Test
    void anOfficerChangesTheirPassword() {
        String token = token("analyst", INITIAL).path("access_token").asText();
        clock.set(NOW.plusMinutes(1));
        try {
            changePasswordWith(token);
        } finally {
            clock.set(NOW);
        }
    }

    private void changePasswordWith(String token) {
        anonymous().post().uri("/api/account/password").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", INITIAL, "newPassword", "short"))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("newPassword");

        anonymous().post().uri("/api/account/password").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", INITIAL, "newPassword", "Analyst-Passwort-2027"))
                .exchange()
                .expectStatus().isNoContent();

        tokenStatus("analyst", INITIAL, 401);
        tokenStatus("analyst", "Analyst-Passwort-2027", 200);
        // The token issued before the change is no longer good.
        anonymous().get().uri("/api/account").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aDisabledAccountsTokensStopWorking() {
        String token = token("caseworker-street", INITIAL).path("access_token").asText();
        jdbc.update("UPDATE officer_account SET enabled = FALSE WHERE username = 'caseworker-street'");
        try {
            anonymous().get().uri("/api/account").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                    .expectStatus().isUnauthorized();
        } finally {
            jdbc.update("UPDATE officer_account SET enabled = TRUE WHERE username = 'caseworker-street'");
        }
        anonymous().get().uri("/api/account").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk();
    }

    @Test
    void theBrowserSignsInWithAFormAndNeedsTheCsrfTokenToChangeAnything() {
        EntityExchangeResult<String> page = anonymous().get().uri("/login").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.getResponseBody());
        assertThat(csrf.find()).as("CSRF token in the sign-in form").isTrue();
        ResponseCookie csrfCookie = page.getResponseCookies().getFirst("XSRF-TOKEN");
        assertThat(csrfCookie).isNotNull();

        anonymous().post().uri("/login").cookie("XSRF-TOKEN", csrfCookie.getValue())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", "caseworker-county").with("password", INITIAL))
                .exchange()
                .expectStatus().isForbidden();

        EntityExchangeResult<Void> signedIn = anonymous().post().uri("/login")
                .cookie("XSRF-TOKEN", csrfCookie.getValue())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", "caseworker-county").with("password", INITIAL)
                        .with("_csrf", csrf.group(1)))
                .exchange()
                .expectStatus().isFound()
                .expectBody().isEmpty();
        assertThat(signedIn.getResponseHeaders().getLocation()).hasToString("/");
        ResponseCookie session = signedIn.getResponseCookies().getFirst("SESSION");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");

        anonymous().get().uri("/api/account").cookie("SESSION", session.getValue()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.officerId").isEqualTo("W990101A");
        anonymous().post().uri("/api/account/password").cookie("SESSION", session.getValue())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", INITIAL, "newPassword", "Cross-Site-Forgery-1"))
                .exchange()
                .expectStatus().isForbidden();
        tokenStatus("caseworker-county", INITIAL, 200);
    }

    @Test
    void anAccountOnItsInitialPasswordMayOnlyChangeIt() {
        jdbc.update("UPDATE officer_account SET initial_password = TRUE WHERE username = 'caseworker-county'");
        String first = token("caseworker-county", INITIAL).path("access_token").asText();
        anonymous().get().uri("/api/agencies/" + COUNTY + "/pending-applications")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + first).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("PASSWORD_CHANGE_REQUIRED");
        anonymous().get().uri("/api/account").header(HttpHeaders.AUTHORIZATION, "Bearer " + first).exchange()
                .expectStatus().isOk();

        clock.set(NOW.plusMinutes(1));
        try {
            changePassword(first, INITIAL, "County-Passwort-2027");
            String next = token("caseworker-county", "County-Passwort-2027").path("access_token").asText();
            anonymous().get().uri("/api/agencies/" + COUNTY + "/pending-applications")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + next).exchange()
                    .expectStatus().isOk();
            // Back to the configured password, for the other tests that sign in with it.
            changePassword(next, "County-Passwort-2027", INITIAL);
        } finally {
            clock.set(NOW);
        }
    }

    private void changePassword(String token, String current, String next) {
        anonymous().post().uri("/api/account/password").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", current, "newPassword", next))
                .exchange()
                .expectStatus().isNoContent();
    }

    private JsonNode token(String username, String password) {
        return anonymous().post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private void tokenStatus(String username, String password, int status) {
        anonymous().post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange()
                .expectStatus().isEqualTo(status);
    }
}
