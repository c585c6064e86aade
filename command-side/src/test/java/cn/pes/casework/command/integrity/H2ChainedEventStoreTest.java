package cn.pes.casework.command.integrity;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The chain on H2, the embedded event store. */
class H2ChainedEventStoreTest extends ChainedEventStoreContract {

    @Override
    DataSource dataSource() {
        return new DriverManagerDataSource("jdbc:h2:mem:chain-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    @Override
    String schemaScript() {
        return "db/command/schema-h2.sql";
    }

    @Test
    void aTokensGapsAreReadFromTheGlobalIndexWhereAxonsStatementScansTheTable() throws SQLException {
        EventSchema schema = new EventSchema();
        List<Long> gaps = List.of(2L, 4L);
        try (Connection connection = dataSource.getConnection()) {
            String[] prepared = new String[1];
            Connection recording = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{Connection.class}, (proxy, method, arguments) -> {
                        if (method.getName().equals("prepareStatement")) {
                            prepared[0] = (String) arguments[0];
                        }
                        return method.invoke(connection, arguments);
                    });

            // H2 names the index it reads and, after a colon, the condition it seeks by; no condition: every row.
            new IndexedGapsReadStatement().build(recording, schema, 5, 100, gaps).close();
            assertThat(plan(connection, prepared[0]))
                    .containsPattern("PRIMARY_KEY_\\w+: GLOBALINDEX >")
                    .containsPattern("PRIMARY_KEY_\\w+: GLOBALINDEX IN")
                    .doesNotContainPattern("PRIMARY_KEY_\\w+ \\*/")
                    .doesNotContainIgnoringCase("tableScan");

            JdbcEventStorageEngineStatements.readEventDataWithGaps(recording, schema, 5, 100, gaps).close();
            assertThat(plan(connection, prepared[0])).containsPattern("PRIMARY_KEY_\\w+ \\*/");
        }
    }

    private static String plan(Connection connection, String sql) throws SQLException {
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
            explain.setLong(1, 5);
            explain.setLong(2, 105);
            explain.setLong(3, 2);
            explain.setLong(4, 4);
            try (ResultSet plan = explain.executeQuery()) {
                plan.next();
                return plan.getString(1);
            }
        }
    }
}
