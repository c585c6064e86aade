package cn.pes.casework.events.shared;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class IsoDateTextTest {

    @Test
    void readsEveryDayOfFourYearsAsLocalDateWritesIt() {
        for (LocalDate day = LocalDate.of(1999, 12, 25); day.isBefore(LocalDate.of(2004, 1, 5)); day = day.plusDays(1)) {
            assertThat(IsoDateText.dateAt("on " + day + "T", 3)).isEqualTo(day);
        }
    }

    @Test
    void readsNothingElse() {
        for (String text : new String[]{"2026-02-29", "2024-02-30", "2026-13-01", "2026-00-10", "2026-04-31", "2026-1-011",
                                        "2026/01/01", "20260101", "２０２６-01-01", "2026-01-0x", "2026-01-0", "", "+2026-01-01"}) {
            assertThat(IsoDateText.dateAt(text, 0)).as(text).isNull();
        }
        assertThat(IsoDateText.digits("x0429y", 1, 5)).isEqualTo(429);
        assertThat(IsoDateText.digits("04-9", 0, 4)).isEqualTo(-1);
    }
}
