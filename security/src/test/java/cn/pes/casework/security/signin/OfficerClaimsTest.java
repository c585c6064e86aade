package cn.pes.casework.security.signin;

import cn.pes.casework.security.Officer;
import cn.pes.casework.security.Role;
import cn.pes.casework.security.SecurityProperties;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import reactor.test.StepVerifier;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.pes.casework.security.agency.AgencyDirectoryTest.CITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfficerClaimsTest {

    private final OfficerClaims claims = new OfficerClaims(
            new SecurityProperties.Oidc(null, null, null, null, "preferred_username", "agency_id", "roles",
                    null, null, null), CITY);

    private static Jwt jwt(Map<String, Object> values) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256")
                .issuedAt(Instant.parse("2026-11-27T02:00:00Z")).expiresAt(Instant.parse("2026-11-27T10:00:00Z"));
        values.forEach(builder::claim);
        return builder.build();
    }

    @Test
    void claimsGiveOfficerAgencyAndRoles() {
        StepVerifier.create(claims.convert(jwt(Map.of("preferred_username", "W990101A", "agency_id", "990101",
                        "roles", List.of("caseworker", "Auditor")))))
                .assertNext(authentication -> assertThat(authentication.getPrincipal())
                        .isEqualTo(new Officer("W990101A", "990101", Set.of(Role.CASEWORKER, Role.AUDITOR))))
                .verifyComplete();
    }

    @Test
    void rolesMayComeAsASpaceSeparatedStringAndUnknownOnesAreIgnored() {
        StepVerifier.create(claims.convert(jwt(Map.of("preferred_username", "N9901A", "agency_id", "9901",
                        "roles", "analyst offline_access"))))
                .assertNext(authentication -> assertThat(((Officer) authentication.getPrincipal()).roles())
                        .containsExactly(Role.ANALYST))
                .verifyComplete();
    }

    @Test
    void aTokenWithoutAKnownAgencySignsNobodyIn() {
        StepVerifier.create(claims.convert(jwt(Map.of("preferred_username", "X", "agency_id", "000000",
                        "roles", List.of("CASEWORKER")))))
                .expectError(InvalidBearerTokenException.class).verify();
    }

    @Test
    void aTokenWithoutARoleOfThisPlatformSignsNobodyIn() {
        StepVerifier.create(claims.convert(jwt(Map.of("preferred_username", "X", "agency_id", "990101",
                        "roles", List.of("offline_access")))))
                .expectError(InvalidBearerTokenException.class).verify();
    }

    @Test
    void aRefusalNamesTheOfficerAndAgencyAsFarAsTheClaimsAreUsable() {
        assertThatThrownBy(() -> claims.officer(jwt(Map.of("preferred_username", "X", "agency_id", "000000",
                "roles", List.of("CASEWORKER")))))
                .isInstanceOfSatisfying(OfficerClaims.Refused.class, refused -> {
                    assertThat(refused.officerId()).isEqualTo("X");
                    assertThat(refused.agencyId()).as("not an agency of this city").isNull();
                });
        assertThatThrownBy(() -> claims.officer(jwt(Map.of("preferred_username", "X", "agency_id", "990101",
                "roles", "offline_access"))))
                .isInstanceOfSatisfying(OfficerClaims.Refused.class, refused ->
                        assertThat(refused.agencyId()).isEqualTo("990101"));
        assertThatThrownBy(() -> claims.officer(jwt(Map.of("preferred_username", "x".repeat(65), "agency_id", "990101",
                "roles", "caseworker"))))
                .isInstanceOfSatisfying(OfficerClaims.Refused.class, refused ->
                        assertThat(refused.officerId()).isNull());
    }

    @Test
    void aTokenWithoutAnOfficerSignsNobodyIn() {
        StepVerifier.create(claims.convert(jwt(Map.of("agency_id", "990101", "roles", List.of("CASEWORKER")))))
                .expectError(InvalidBearerTokenException.class).verify();
    }
}
