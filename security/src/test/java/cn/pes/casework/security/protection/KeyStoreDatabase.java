package cn.pes.casework.security.protection;

import org.h2.Driver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** A fresh in-memory H2 database with the key table, as the event store's database has it. */
final class KeyStoreDatabase {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2031-05-06T02:00:00Z"), ZoneOffset.UTC);

    final SimpleDriverDataSource dataSource;
    final JdbcTemplate jdbc;

    KeyStoreDatabase() {
        dataSource = new SimpleDriverDataSource(new Driver(),
                "jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        PersonalDataKeySchema.create(dataSource);
        jdbc = new JdbcTemplate(dataSource);
    }

    PersonalDataKeyStore keyStore() {
        return new PersonalDataKeyStore(jdbc, null, CLOCK);
    }

    void shutdown() {
        jdbc.execute("SHUTDOWN");
    }
}
