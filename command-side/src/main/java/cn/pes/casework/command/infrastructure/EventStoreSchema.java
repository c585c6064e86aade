package cn.pes.casework.command.infrastructure;

import cn.pes.casework.security.schema.SchemaScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * Creates the event store's tables (Axon creates none) and the command side's lookup tables before
 * anything appends or reads events. The script is chosen by the database the data source reaches,
 * so switching from embedded H2 to PostgreSQL is a matter of the URL alone.
 */
@Component
class EventStoreSchema implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(EventStoreSchema.class);

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
        SchemaScript.run(dataSource, script);
        if (vendor.equals("h2")) {
            convertBlobPayloads();
        }
    }

    /**
     * Stores created before the payload columns became VARBINARY have them as BLOB; converting rewrites
     * the table once (3.5 minutes for a million events on two cores), logged so that a slow first
     * start after the upgrade is explained.
     */
    private void convertBlobPayloads() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            for (String table : List.of("DOMAINEVENTENTRY", "SNAPSHOTEVENTENTRY")) {
                for (String column : List.of("PAYLOAD", "METADATA")) {
                    if (isBlob(connection, table, column)) {
                        log.info("Converting {}.{} from BLOB to VARBINARY (once per event store)", table, column);
                        long started = System.nanoTime();
                        try (Statement statement = connection.createStatement()) {
                            statement.execute("ALTER TABLE " + table + " ALTER COLUMN " + column
                                    + " SET DATA TYPE VARBINARY(1000000000)");
                        }
                        log.info("Converted {}.{} in {} s", table, column, (System.nanoTime() - started) / 1_000_000_000);
                    }
                }
            }
        }
    }

    private static boolean isBlob(Connection connection, String table, String column) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
            query.setString(1, table);
            query.setString(2, column);
            try (ResultSet result = query.executeQuery()) {
                return result.next() && "BINARY LARGE OBJECT".equals(result.getString(1));
            }
        }
    }
}
