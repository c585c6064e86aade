package cn.pes.casework.command.web;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The one place where the command side reads the clock: today's date in the agencies' time zone,
 * taken at the edge when a request arrives and passed into the command, so that the case itself
 * never reads a clock and replaying a command decides the same way.
 */
@Component
class AgencyToday {

    private final Clock clock;

    AgencyToday(Clock clock) {
        this.clock = clock;
    }

    LocalDate date() {
        return LocalDate.now(clock);
    }
}
