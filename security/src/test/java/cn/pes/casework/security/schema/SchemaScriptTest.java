package cn.pes.casework.security.schema;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** On the real local PostgreSQL, where nodes starting together on an empty database race to create tables. */
class SchemaScriptTest {

    private static final String SERVER = System.getProperty("pes.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getProperty("pes.test.postgres.user", "postgres");
    private static final List<String> SCRIPTS = List.of("db/security/schema.sql", "db/protection/schema.sql");
    private static final int NODES = 4;
    private static final int ROUNDS = 10;

    private final JdbcTemplate admin = new JdbcTemplate(postgres(""));
    private final List<String> schemas = new ArrayList<>();

    @AfterEach
    void dropSchemas() {
        schemas.forEach(schema -> admin.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
    }

    @Test
    void nodesStartingTogetherOnAnEmptyDatabaseAllCreateTheSchema() throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(NODES);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String schema = "pes_schema_race_" + ProcessHandle.current().pid() + "_" + round;
                admin.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                admin.execute("CREATE SCHEMA " + schema);
                schemas.add(schema);
                DataSource database = postgres("?currentSchema=" + schema);
                CyclicBarrier together = new CyclicBarrier(NODES);
                List<Future<?>> starts = new ArrayList<>();
                for (int node = 0; node < NODES; node++) {
                    starts.add(nodes.submit(() -> {
                        together.await();
                        SCRIPTS.forEach(script -> SchemaScript.run(database, script));
                        return null;
                    }));
                }
                for (Future<?> start : starts) {
                    start.get(60, TimeUnit.SECONDS);
                }
                assertThat(admin.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = ?",
                        String.class, schema))
                        .containsExactlyInAnyOrder("officer_account", "access_log", "personal_data_key");
            }
        } finally {
            nodes.shutdownNow();
        }
    }

    @Test
    void releasesTheLockSoAPooledConnectionDoesNotKeepOtherNodesWaiting() throws Exception {
        String schema = "pes_schema_lock_" + ProcessHandle.current().pid();
        admin.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        admin.execute("CREATE SCHEMA " + schema);
        schemas.add(schema);
        // A pool hands the session back open: a lock it still held would outlive the script.
        SingleConnectionDataSource pooled = new SingleConnectionDataSource(
                postgres("?currentSchema=" + schema).getConnection(), true);
        try {
            SchemaScript.run(pooled, "db/security/schema.sql");

            assertThat(admin.queryForObject("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                    + " AND ((classid::bigint << 32) | objid::bigint) = ?", Long.class, SchemaScript.LOCK_KEY)).isZero();
        } finally {
            pooled.destroy();
        }
    }

    private static DataSource postgres(String parameters) {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), SERVER + "postgres" + parameters, USER, "");
    }
}
