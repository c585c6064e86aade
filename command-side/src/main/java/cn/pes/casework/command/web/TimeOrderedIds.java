package cn.pes.casework.command.web;

import cn.pes.casework.events.shared.TimeOrderedId;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Clock;

/** New case and contact IDs ({@link TimeOrderedId}) at the API's edge, from the platform's clock. */
@Component
class TimeOrderedIds {

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    TimeOrderedIds(Clock clock) {
        this.clock = clock;
    }

    String next() {
        return TimeOrderedId.next(clock.millis(), random);
    }
}
