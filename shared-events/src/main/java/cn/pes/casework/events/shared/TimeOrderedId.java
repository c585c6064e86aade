package cn.pes.casework.events.shared;

import java.util.Random;
import java.util.UUID;

/**
 * UUIDv7 identifiers (RFC 9562) for new cases and contacts: time-ordered, so they sort by creation
 * and index well, and unrelated to any personal data. Whoever sends a command makes one at the
 * edge (API or page) and passes it in, so that aggregates stay deterministic.
 */
public final class TimeOrderedId {

    private TimeOrderedId() {
    }

    /**
     * @param epochMillis the time of creation
     * @param random      a secure random source (the 74 random bits make IDs unguessable)
     */
    public static String next(long epochMillis, Random random) {
        long randA = random.nextInt(1 << 12);
        long mostSignificant = (epochMillis << 16) | (0x7L << 12) | randA;
        long leastSignificant = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(mostSignificant, leastSignificant).toString();
    }
}
