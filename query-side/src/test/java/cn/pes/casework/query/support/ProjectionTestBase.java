package cn.pes.casework.query.support;

import cn.pes.casework.query.common.PersonalDataDocs;
import cn.pes.casework.security.protection.PersonalDataKeySchema;
import cn.pes.casework.security.protection.PersonalDataKeyStore;
import cn.pes.casework.security.protection.PersonalDataProtector;
import org.h2.Driver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * One in-memory read-model server per test class, emptied before each test, and the personal data
 * keys in an in-memory H2 database (as the event store's database holds them), installed as the
 * read models' protector.
 */
public abstract class ProjectionTestBase {

    protected static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** "Today" for default query parameters: 2026-11-27. */
    protected static final Clock CLOCK = Clock.fixed(LocalDate.of(2026, 11, 27).atTime(10, 0).atZone(ZONE).toInstant(), ZONE);

    protected static ReadModelFixture fixture;
    protected static JdbcTemplate keyDatabase;
    protected PersonalDataKeyStore keys;
    protected ProjectionHarness projections;

    @BeforeAll
    static void startReadModelServer() {
        fixture = ReadModelFixture.inMemory();
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new Driver(),
                "jdbc:h2:mem:projection-keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        PersonalDataKeySchema.create(dataSource);
        keyDatabase = new JdbcTemplate(dataSource);
    }

    @AfterAll
    static void stopReadModelServer() {
        fixture.close();
        keyDatabase.execute("SHUTDOWN");
    }

    @BeforeEach
    void emptyReadModels() {
        fixture.reset();
        // Fixed case IDs recur across tests: each test starts without keys, erased or not.
        keyDatabase.update("DELETE FROM personal_data_key");
        keys = new PersonalDataKeyStore(keyDatabase, null, CLOCK);
        projections = new ProjectionHarness(fixture.store(serverSideGuards()), CLOCK,
                new PersonalDataDocs(new PersonalDataProtector(keys)));
    }

    /** Embedded-store mode by default: sequence guards checked in memory, writes filtered on _id. */
    protected boolean serverSideGuards() {
        return false;
    }
}
