package cn.pes.casework.command.infrastructure;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Creates the event store's tables (Axon creates none) and the command side's lookup tables before
 * anything appends or reads events. The script is chosen by the database the data source reaches,
 * so switching from embedded H2 to PostgreSQL is a matter of the URL alone.
 */
@Component
class EventStoreSchema implements InitializingBean {

    private final DataSource dataSource;

    EventStoreSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        String vendor;
        try (Connection connection = dataSource.getConnection()) {
            vendor = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        }
        String script = switch (vendor) {
            case "h2" -> "db/command/schema-h2.sql";
            case "postgresql" -> "db/command/schema-postgresql.sql";
            default -> throw new IllegalStateException("unsupported event store database: " + vendor);
        };
        new ResourceDatabasePopulator(new ClassPathResource(script)).execute(dataSource);
    }
}
