package cn.pes.casework.command;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The one clock that says what "today" is for the agencies (their local time zone, not the
 * server's). An auto-configuration so that tests, or the query side in the same JVM, can provide it instead.
 */
@AutoConfiguration
public class CommandSideClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock(@Value("${pes.zone:Asia/Shanghai}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
