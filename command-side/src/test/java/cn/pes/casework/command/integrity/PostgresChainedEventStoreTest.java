package cn.pes.casework.command.integrity;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The chain on PostgreSQL, the production event store (BYTEA instead of BLOB), in a database of its own created
 * for this run on the local server ({@code -Dpes.test.postgres=...} to point elsewhere, as the platform's tests).
 */
class PostgresChainedEventStoreTest extends ChainedEventStoreContract {

    private static final String SERVER = System.getProperty("pes.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getProperty("pes.test.postgres.user", "postgres");
    private static final String PREFIX = "pes_it_chain";
    private static String database;

    @BeforeAll
    static void freshDatabase() {
        database = PREFIX + "_" + System.currentTimeMillis();
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement statement = admin.createStatement()) {
            List<String> stale = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(
                    "SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "\\_%'")) {
                while (rs.next()) {
                    stale.add(rs.getString(1));
                }
            }
            for (String old : stale) {
                statement.execute("DROP DATABASE IF EXISTS " + old + " WITH (FORCE)");
            }
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("the PostgreSQL tests need a server at " + SERVER, e);
        }
    }

    @Override
    DataSource dataSource() {
        return new DriverManagerDataSource(SERVER + database, USER, "");
    }

    @Override
    String schemaScript() {
        return "db/command/schema-postgresql.sql";
    }
}
