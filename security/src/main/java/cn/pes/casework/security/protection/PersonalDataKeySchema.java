package cn.pes.casework.security.protection;

import cn.pes.casework.security.schema.SchemaScript;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * Creates the {@code personal_data_key} table in the event store's database if it is missing, before
 * the first event with personal data is written or read. Every node of either side may run it, even
 * several at once ({@link SchemaScript}); it only creates what is absent.
 */
@Component
public class PersonalDataKeySchema implements InitializingBean {

    static final String SCRIPT = "db/protection/schema.sql";

    private final DataSource dataSource;

    public PersonalDataKeySchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() {
        create(dataSource);
    }

    /** For tests and tools that work on a bare data source. */
    public static void create(DataSource dataSource) {
        SchemaScript.run(dataSource, SCRIPT);
    }
}
