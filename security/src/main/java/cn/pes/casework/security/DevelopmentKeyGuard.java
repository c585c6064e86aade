package cn.pes.casework.security;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses to start with the public development keys anywhere but on the embedded H2 event store.
 * Those keys are in this source code: with them anyone could mint an auditor's token, unwrap every
 * person's key or link ID numbers to cases. A test setup on another database may say
 * {@code pes.security.allow-development-keys=true}.
 */
@Component
public class DevelopmentKeyGuard implements InitializingBean {

    private final DataSource dataSource;
    private final Environment environment;
    private final SecurityProperties properties;

    public DevelopmentKeyGuard(DataSource dataSource, Environment environment, SecurityProperties properties) {
        this.dataSource = dataSource;
        this.environment = environment;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        if (environment.getProperty("pes.security.allow-development-keys", Boolean.class, false) || embedded()) {
            return;
        }
        List<String> missing = new ArrayList<>();
        if (blank("pes.security.blind-index-key")) {
            missing.add("pes.security.blind-index-key (PES_SECURITY_BLIND_INDEX_KEY)");
        }
        if (blank("pes.security.personal-data-master-key")) {
            missing.add("pes.security.personal-data-master-key (PES_SECURITY_PERSONAL_DATA_MASTER_KEY)");
        }
        if (properties.signIn() == SecurityProperties.SignIn.LOCAL && blank("pes.security.tokens.signing-key")) {
            missing.add("pes.security.tokens.signing-key (PES_TOKEN_SIGNING_KEY)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The public development keys are for the embedded H2 store only; set "
                    + String.join(", ", missing));
        }
    }

    private boolean embedded() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL().startsWith("jdbc:h2:");
        }
    }

    private boolean blank(String property) {
        String value = environment.getProperty(property);
        return value == null || value.isBlank();
    }
}
