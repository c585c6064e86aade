package cn.pes.casework.platform;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The same lifecycle with the event store on the local PostgreSQL server (the production path),
 * in a database of its own created for this run.
 */
@SpringBootTest(classes = PlatformApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=platform")
@Import(PlatformTestConfiguration.class)
class PostgresCaseLifecycleTest extends CaseLifecycleFlow {

    static final String SERVER = System.getProperty("pes.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    static final String USER = System.getProperty("pes.test.postgres.user", "postgres");
    private static final String DATA_DIR = PlatformTestConfiguration.freshDataDir("pes-postgres-");

    @DynamicPropertySource
    static void eventStoreOnPostgres(DynamicPropertyRegistry registry) {
        String database = freshDatabase("pes_it_lifecycle");
        registry.add("spring.datasource.url", () -> SERVER + database);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> "");
        registry.add("pes.data-dir", () -> DATA_DIR);
        // The tests act with tokens signed by the public development key.
        registry.add("pes.security.allow-development-keys", () -> "true");
    }

    /** Drops what earlier runs left behind and creates an empty database. */
    static String freshDatabase(String prefix) {
        String name = prefix + "_" + System.currentTimeMillis();
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement statement = admin.createStatement()) {
            List<String> stale = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(
                    "SELECT datname FROM pg_database WHERE datname LIKE '" + prefix + "\\_%'")) {
                while (rs.next()) {
                    stale.add(rs.getString(1));
                }
            }
            for (String old : stale) {
                statement.execute("DROP DATABASE IF EXISTS " + old + " WITH (FORCE)");
            }
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("the PostgreSQL tests need a server at " + SERVER, e);
        }
        return name;
    }
}
