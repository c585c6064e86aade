package cn.pes.casework.security;

import org.h2.Driver;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.mock.env.MockEnvironment;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** On the real local PostgreSQL (as production) and on embedded H2. */
class DevelopmentKeyGuardTest {

    private static final DataSource POSTGRES = new SimpleDriverDataSource(new org.postgresql.Driver(),
            System.getProperty("pes.test.postgres", "jdbc:postgresql://127.0.0.1:5432/") + "postgres",
            System.getProperty("pes.test.postgres.user", "postgres"), "");
    private static final DataSource H2 = new SimpleDriverDataSource(new Driver(), "jdbc:h2:mem:guard", "sa", "");

    private static SecurityProperties signIn(SecurityProperties.SignIn mode) {
        return new SecurityProperties(mode, List.of(), new SecurityProperties.Lockout(5, Duration.ofMinutes(15)),
                new SecurityProperties.Tokens(null, Duration.ofHours(8), "pes-casework"),
                new SecurityProperties.Oidc(null, null, null, null, "preferred_username", "agency_id", "roles",
                        null, null, null),
                new SecurityProperties.PasswordRules(12, 3));
    }

    @Test
    void productionDatabaseWithoutOwnKeysDoesNotStart() {
        assertThatThrownBy(() -> new DevelopmentKeyGuard(POSTGRES, new MockEnvironment(),
                signIn(SecurityProperties.SignIn.LOCAL)).afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pes.security.blind-index-key")
                .hasMessageContaining("pes.security.personal-data-master-key")
                .hasMessageContaining("pes.security.tokens.signing-key");
    }

    @Test
    void productionDatabaseWithOwnKeysStarts() {
        MockEnvironment keys = new MockEnvironment()
                .withProperty("pes.security.blind-index-key", "a-secret-blind-index-key")
                .withProperty("pes.security.personal-data-master-key", "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTEyMzQ=");
        assertThatCode(() -> new DevelopmentKeyGuard(POSTGRES, keys, signIn(SecurityProperties.SignIn.OIDC))
                .afterPropertiesSet()).doesNotThrowAnyException();
        assertThatThrownBy(() -> new DevelopmentKeyGuard(POSTGRES, keys, signIn(SecurityProperties.SignIn.LOCAL))
                .afterPropertiesSet()).hasMessageContaining("pes.security.tokens.signing-key");
    }

    @Test
    void theEmbeddedStoreMayUseTheDevelopmentKeys() {
        assertThatCode(() -> new DevelopmentKeyGuard(H2, new MockEnvironment(), signIn(SecurityProperties.SignIn.LOCAL))
                .afterPropertiesSet()).doesNotThrowAnyException();
    }

    @Test
    void aTestSetupMaySayItUsesThemOnPurpose() {
        assertThatCode(() -> new DevelopmentKeyGuard(POSTGRES,
                new MockEnvironment().withProperty("pes.security.allow-development-keys", "true"),
                signIn(SecurityProperties.SignIn.LOCAL)).afterPropertiesSet()).doesNotThrowAnyException();
    }
}
