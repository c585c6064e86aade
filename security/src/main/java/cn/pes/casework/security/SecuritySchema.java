package cn.pes.casework.security;

import cn.pes.casework.security.schema.SchemaScript;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * Creates the account and access-log tables if they are missing. The same DDL serves H2 and
 * PostgreSQL; every node may run it, several at once too ({@link SchemaScript}); it only ever
 * creates what is absent.
 */
@Component
public class SecuritySchema implements InitializingBean {

    private final DataSource dataSource;

    public SecuritySchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() {
        SchemaScript.run(dataSource, "db/security/schema.sql");
    }
}
