package cn.pes.casework.security.schema;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Runs a {@code CREATE ... IF NOT EXISTS} script that every node of either side runs at start.
 *
 * <p>On PostgreSQL, {@code IF NOT EXISTS} does not make two concurrent creations of one table
 * safe: the loser fails on the catalogue's unique index ({@code pg_type_typname_nsp_index}), so a
 * command-side and a query-side node started together on an empty database could kill one of them.
 * The script therefore runs under a session-level advisory lock that every schema script shares; the
 * second node waits, then finds the tables there. H2 here is embedded in one process and needs none.
 */
public final class SchemaScript {

    /** The advisory lock key all schema scripts share: "pes-schema" read as bytes, not a secret. */
    static final long LOCK_KEY = 0x7065_732d_7363_6865L;

    private SchemaScript() {
    }

    public static void run(DataSource dataSource, String classpathScript) {
        ResourceDatabasePopulator populator = new ResourceDatabasePopulator(new ClassPathResource(classpathScript));
        try (Connection connection = dataSource.getConnection()) {
            boolean postgres = connection.getMetaData().getDatabaseProductName()
                    .toLowerCase(Locale.ROOT).contains("postgresql");
            if (!postgres) {
                populator.populate(connection);
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
                try {
                    populator.populate(connection);
                } finally {
                    statement.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not run the schema script " + classpathScript, e);
        }
    }
}
