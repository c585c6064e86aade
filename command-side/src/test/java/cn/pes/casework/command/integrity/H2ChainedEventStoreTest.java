package cn.pes.casework.command.integrity;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.util.UUID;

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
}
