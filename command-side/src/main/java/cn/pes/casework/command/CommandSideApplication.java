package cn.pes.casework.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Runs the command side alone (self-hosted shape: PostgreSQL events, any number of instances).
 * Its settings are in {@code command-side.yml}.
 */
@SpringBootApplication
public class CommandSideApplication {

    public static void main(String[] args) {
        // A public-service platform does not call home: Axon's update checker is off unless asked for.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        new SpringApplicationBuilder(CommandSideApplication.class)
                .properties("spring.config.name=command-side")
                .run(args);
    }
}
