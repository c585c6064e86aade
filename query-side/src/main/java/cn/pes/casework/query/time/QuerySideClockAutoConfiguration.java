package cn.pes.casework.query.time;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.ZoneId;

/**
 * "Today" and "this month" for default query parameters, in the agencies' time zone rather than the
 * server's. An auto-configuration, so that a test's clock or the command side's (same zone setting)
 * takes precedence and only one clock exists in the embedded platform.
 */
@AutoConfiguration
public class QuerySideClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    public Clock querySideClock(@Value("${pes.zone:Asia/Shanghai}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
