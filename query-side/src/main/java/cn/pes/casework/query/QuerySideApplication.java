package cn.pes.casework.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Runs the query side alone (self-hosted shape: events read from PostgreSQL, read models in
 * MongoDB or the embedded store). Its settings are in {@code query-side.yml}. Every bean comes from
 * configuration classes of this package tree, so the embedded platform can scan it without this class.
 */
@SpringBootApplication
public class QuerySideApplication {

    public static void main(String[] args) {
        // A public-service platform does not call home: Axon's update checker is off unless asked for.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        new SpringApplicationBuilder(QuerySideApplication.class)
                .properties("spring.config.name=query-side")
                .run(args);
    }
}
