package cn.pes.casework.events.shared;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdTest {

    private final Random random = new SecureRandom();

    @Test
    void isAVersion7RfcVariantUuidCarryingItsMillisecond() {
        long millis = 1_795_813_200_123L;
        UUID id = UUID.fromString(TimeOrderedId.next(millis, random));

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
    }

    @Test
    void laterIdsSortAfterEarlierOnes() {
        String earlier = TimeOrderedId.next(1_795_813_200_000L, random);
        String later = TimeOrderedId.next(1_795_813_200_001L, random);

        assertThat(later).isGreaterThan(earlier);
        assertThat(TimeOrderedId.next(1_795_813_200_000L, random)).isNotEqualTo(earlier);
    }
}
