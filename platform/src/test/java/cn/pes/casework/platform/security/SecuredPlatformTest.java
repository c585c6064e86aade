package cn.pes.casework.platform.security;

import cn.pes.casework.platform.PlatformApplication;
import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.MutableClock;
import cn.pes.casework.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.util.List;
import java.time.ZoneId;

/**
 * The whole platform on the embedded defaults, shared by the security tests (one application
 * context for all of them): officers act through real bearer tokens and the real filter chain.
 */
@SpringBootTest(classes = PlatformApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // Deadlines (subsidy clocks) looked for often, so that a test moving the clock sees them fire soon.
        properties = {"spring.config.name=platform", "db-scheduler.polling-interval=200ms"})
@Import(SecuredPlatformTest.TestClock.class)
abstract class SecuredPlatformTest {

    static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 27, 10, 0);
    static final String STREET = "990101001";
    static final String OTHER_STREET = "990102001";
    static final String COUNTY = "990101";
    static final String OTHER_COUNTY = "990102";
    static final String CITY = "9901";
    private static final String DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("pes-security-").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("pes.data-dir", () -> DATA_DIR);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    /**
     * The configured accounts are taken as in use, their initial passwords changed: the tests of the
     * first sign-in put an account back on its initial password themselves.
     */
    @BeforeEach
    void accountsInUse() {
        jdbc.update("UPDATE officer_account SET initial_password = FALSE");
    }

    Caseworker officer(String officerId, String agencyId, Role... roles) {
        return Caseworker.officer(port, officerId, agencyId, clock, roles);
    }

    Caseworker caseworker(String officerId, String agencyId) {
        return officer(officerId, agencyId, Role.CASEWORKER);
    }

    WebTestClient anonymous() {
        return Caseworker.client(port);
    }

    /** The lists the officer read as data, oldest first, as {@code list|filters}. */
    List<String> listExports(String officerId) {
        return jdbc.queryForList("SELECT target || '|' || detail FROM access_log WHERE officer_id = ?"
                + " AND action = 'LIST_EXPORTED' ORDER BY id", String.class, officerId);
    }

    long storedEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(NOW);
        }
    }

    static ZoneId zone() {
        return ZoneId.of("Asia/Shanghai");
    }
}
