package cn.pes.casework.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The whole platform in one JVM on the embedded stores: the command side and the query side
 * exactly as they run apart, wired together only by the event store they share. Settings are in
 * {@code platform.yml}.
 */
@SpringBootApplication
@ComponentScan(basePackages = {"cn.pes.casework.command", "cn.pes.casework.query", "cn.pes.casework.platform"},
        excludeFilters = {
                @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class),
                @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
                @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class)})
public class PlatformApplication {

    private static final Logger log = LoggerFactory.getLogger(PlatformApplication.class);

    public static void main(String[] args) {
        // A public-service platform does not call home: Axon's update checker is off unless asked for.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        application().run(args);
    }

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(PlatformApplication.class).properties("spring.config.name=platform");
    }

    @Bean
    ApplicationListener<WebServerInitializedEvent> announceUrl() {
        return event -> log.info("PES casework platform is up: http://localhost:{}/  (API: /v3/api-docs, health: /actuator/health)",
                event.getWebServer().getPort());
    }
}
