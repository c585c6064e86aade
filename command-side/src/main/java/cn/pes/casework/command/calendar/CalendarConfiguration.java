package cn.pes.casework.command.calendar;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One calendar per application, loaded at startup, so every due date is computed on the same data. */
@Configuration(proxyBeanMethods = false)
public class CalendarConfiguration {

    /**
     * @param extraLocation {@code pes.calendar.extra-location}: optional directory whose {@code *.json}
     *                      year files add or replace bundled years (new data needs a restart, not a rebuild)
     */
    @Bean
    public WorkingDayCalendar workingDayCalendar(@Value("${pes.calendar.extra-location:}") String extraLocation) {
        return WorkingDayCalendar.load(extraLocation.isBlank() ? null : Path.of(extraLocation.trim()));
    }
}
