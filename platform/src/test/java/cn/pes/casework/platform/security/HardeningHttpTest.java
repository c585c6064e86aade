package cn.pes.casework.platform.security;

import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.TestIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static cn.pes.casework.platform.CaseLifecycleFlow.caseIds;
import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** Request hardening: security headers, body limits, no internals in errors, no personal data in logs. */
@ExtendWith(OutputCaptureExtension.class)
class HardeningHttpTest extends SecuredPlatformTest {

    @Test
    void answersCarrySecurityHeaders() {
        caseworker("W-headers", STREET).getting("/api/account").expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "same-origin")
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'"))
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, cache -> assertThat(cache).contains("no-store"));
    }

    @Test
    void anOversizedBodyIsRefusedBeforeAnythingReadsIt() {
        String huge = "{\"padding\":\"" + "x".repeat(70_000) + "\"}";
        long before = storedEvents();
        anonymous().post().uri("/api/registrations").contentType(MediaType.APPLICATION_JSON).bodyValue(huge)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        caseworker("W-huge", STREET).post("/api/registrations", Map.of("padding", "x".repeat(70_000)))
                .expectStatus().isEqualTo(413);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void errorsTellNoInternals() {
        String body = caseworker("W-errors", STREET).getting("/no/such/page").expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).doesNotContain("trace", "exception", "Exception", "at cn.", "org.springframework");

        String malformed = caseworker("W-errors", STREET).http().post().uri("/api/registrations")
                .header(HttpHeaders.AUTHORIZATION, caseworker("W-errors", STREET).bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"person\": [")
                .exchange().expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(malformed).doesNotContain("trace", "Exception", "at cn.", "com.fasterxml");
    }

    @Test
    void noPersonalDataReachesTheLogs(CapturedOutput output) {
        Caseworker street = caseworker("W-logs", STREET);
        String idNumber = TestIds.adult();
        String name = "秦" + System.nanoTime() % 100000;
        String phone = "13987654321";
        Map<String, Object> registration = new HashMap<>(Caseworker.windowRegistration(idNumber, name));
        registration.put("person", Map.of("idNumber", idNumber, "name", name, "phone", phone));
        String caseId = street.post("/api/registrations", registration).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("caseId").toString();
        street.post("/api/registrations", registration).expectStatus().isEqualTo(409);
        String child = TestIds.bornOn(LocalDate.of(2015, 3, 1));
        street.post("/api/registrations", Caseworker.windowRegistration(child, name)).expectStatus().isEqualTo(422);
        street.post("/api/registrations", Caseworker.windowRegistration(TestIds.withWrongCheckDigit(idNumber), name))
                .expectStatus().isBadRequest();
        eventually(() -> {
            assertThat(caseIds(street.searchByIdNumber(idNumber), "cases")).contains(caseId);
            street.getting("/api/cases/" + caseId).expectStatus().isOk();
        });
        street.searchByName(name);
        street.reveal(caseId);
        anonymous().post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", idNumber, "password", phone)).exchange().expectStatus().isUnauthorized();

        assertThat(output.getAll()).doesNotContain(idNumber, name, phone, child);
    }
}
