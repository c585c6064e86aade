package cn.pes.casework.command.web;

import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Generates UUIDv7 identifiers (RFC 9562): time-ordered, so new cases sort by creation and index
 * well, and unrelated to any personal data. Made here, at the edge, and passed into commands so
 * that aggregates stay deterministic.
 */
@Component
class TimeOrderedIds {

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    TimeOrderedIds(Clock clock) {
        this.clock = clock;
    }

    String next() {
        long millis = clock.millis();
        long randA = random.nextInt(1 << 12);
        long mostSignificant = (millis << 16) | (0x7L << 12) | randA;
        long leastSignificant = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(mostSignificant, leastSignificant).toString();
    }
}
