package cn.pes.casework.command.integrity;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event table's time stamps read field by field must read exactly as Axon's own parse reads them. */
class EventTimestampsTest {

    @Test
    void readsWhatAxonWritesAsAxonReadsIt() {
        SplittableRandom random = new SplittableRandom(2026);
        Instant from = Instant.parse("1970-01-01T00:00:00Z");
        Instant to = Instant.parse("2199-12-31T23:59:59.999Z");
        for (int i = 0; i < 200_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong(from.toEpochMilli(), to.toEpochMilli()));
            String text = DateTimeUtils.formatInstant(instant);
            assertThat(EventTimestamps.parse(text)).as(text).isEqualTo(DateTimeUtils.parseInstant(text)).isEqualTo(instant);
        }
    }

    @Test
    void readsOtherShapesThroughAxonsParse() {
        for (String text : new String[]{"2026-11-29T23:25:30Z", "2026-11-29T23:25:30.5Z", "2026-11-29T23:25:30.123456789Z",
                                        "2026-11-29T23:25:30.123+08:00", "2026-11-29t23:25:30.123z", "+12026-11-29T23:25:30.123Z"}) {
            assertThat(EventTimestamps.parse(text)).as(text).isEqualTo(DateTimeUtils.parseInstant(text));
        }
    }

    @Test
    void refusesWhatAxonsParseRefuses() {
        for (String text : new String[]{"2026-02-29T00:00:00.000Z", "2026-13-01T00:00:00.000Z", "2026-04-31T00:00:00.000Z",
                                        "2026-01-01T24:00:00.000Z", "2026-01-01T23:60:00.000Z", "2026-01-01T23:59:60.000Z",
                                        "2026-01-01T23:59:5x.000Z", "2026-01-01 23:59:59.000Z", "1900-02-29T00:00:00.000Z"}) {
            assertThatThrownBy(() -> DateTimeUtils.parseInstant(text)).as("Axon: " + text).isInstanceOf(DateTimeException.class);
            assertThatThrownBy(() -> EventTimestamps.parse(text)).as(text).isInstanceOf(DateTimeException.class);
        }
    }
}
