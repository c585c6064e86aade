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
        new SpringApplicationBuilder(CommandSideApplication.class)
                .properties("spring.config.name=command-side")
                .run(args);
    }
}
