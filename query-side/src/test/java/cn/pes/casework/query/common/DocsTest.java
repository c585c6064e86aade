package cn.pes.casework.query.common;

import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stored dates are read by a parse of their own, which must read exactly what {@code LocalDate.parse} reads. */
class DocsTest {

    @Test
    void readsEveryDayOfFourYearsAsLocalDateParseDoes() {
        for (LocalDate day = LocalDate.of(1999, 12, 25); day.isBefore(LocalDate.of(2004, 1, 5)); day = day.plusDays(1)) {
            assertThat(Docs.parseDate(Docs.date(day))).isEqualTo(day).isEqualTo(LocalDate.parse(day.toString()));
        }
    }

    @Test
    void readsTheYearsOutsideFourDigitsAsLocalDateParseDoes() {
        for (LocalDate day : new LocalDate[]{LocalDate.of(0, 1, 1), LocalDate.of(12_026, 3, 2), LocalDate.of(-44, 3, 15)}) {
            assertThat(Docs.parseDate(day.toString())).isEqualTo(day);
        }
    }

    @Test
    void refusesWhatLocalDateParseRefuses() {
        for (String text : new String[]{"2026-02-29", "2024-02-30", "2026-13-01", "2026-00-10", "2026-04-31",
                                        "2026-1-011", "2026/01/01", "20260101", "２０２６-01-01", "2026-01-0x", ""}) {
            assertThatThrownBy(() -> Docs.parseDate(text)).as(text).isInstanceOf(DateTimeParseException.class);
        }
        assertThat(Docs.parseDate("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Docs.parseDate("2000-02-29")).isEqualTo(LocalDate.of(2000, 2, 29));
        assertThatThrownBy(() -> Docs.parseDate("1900-02-29")).isInstanceOf(DateTimeException.class);
    }
}
