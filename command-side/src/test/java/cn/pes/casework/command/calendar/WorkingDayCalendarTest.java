package cn.pes.casework.command.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Expected dates come from the bundled holiday-cn files for 2025 and 2026 (State Council notices). */
class WorkingDayCalendarTest {

    private static WorkingDayCalendar calendar;

    @BeforeAll
    static void loadBundledData() {
        calendar = WorkingDayCalendar.load();
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void bundledYears2020To2026AreOfficial() {
        for (int year = 2020; year <= 2026; year++) {
            assertThat(calendar.hasOfficialData(year)).as("year %d", year).isTrue();
        }
        assertThat(calendar.hasOfficialData(2019)).isFalse();
        assertThat(calendar.hasOfficialData(2031)).isFalse();
    }

    @Test
    void makeUpWeekendDaysAreWorkingDaysAndHolidaysAreNot() {
        assertThat(calendar.isWorkingDay(d("2026-01-04"))).as("Sunday, 元旦 make-up workday").isTrue();
        assertThat(calendar.isWorkingDay(d("2026-02-14"))).as("Saturday, 春节 make-up workday").isTrue();
        assertThat(calendar.isWorkingDay(d("2026-02-15"))).as("Sunday, 春节").isFalse();
        assertThat(calendar.isWorkingDay(d("2026-02-28"))).as("Saturday, 春节 make-up workday").isTrue();
        assertThat(calendar.isWorkingDay(d("2026-10-01"))).as("Thursday, 国庆节").isFalse();
        assertThat(calendar.isWorkingDay(d("2026-03-07"))).as("ordinary Saturday").isFalse();
        assertThat(calendar.isWorkingDay(d("2026-03-11"))).as("ordinary Wednesday").isTrue();
        assertThat(calendar.isWorkingDay(d("2025-10-08"))).as("Wednesday, 国庆节、中秋节").isFalse();
        assertThat(calendar.isWorkingDay(d("2025-10-11"))).as("Saturday, 国庆节 make-up workday").isTrue();
    }

    @Test
    void time1ThursdayReceiptWithinTwoWorkingDaysEndsOnMonday() {
        // Thursday 2026-03-12: Friday is day 1, the weekend does not count, Monday is day 2.
        assertThat(calendar.addWorkingDays(d("2026-03-12"), 2)).isEqualTo(new DueDate(d("2026-03-16"), false));
    }

    @Test
    void time1DayOfReceiptNeverCountsEvenOnAWeekend() {
        assertThat(calendar.addWorkingDays(d("2026-03-07"), 1).date()).isEqualTo(d("2026-03-09"));
        assertThat(calendar.addWorkingDays(d("2026-03-09"), 1).date()).isEqualTo(d("2026-03-10"));
    }

    @Test
    void fridayBeforeDragonBoatFestivalSkipsTheHolidayMonday() {
        // 2025-05-30 is a Friday; 端午 2025-05-31..06-02 (Sat-Mon) are days off.
        assertThat(calendar.addWorkingDays(d("2025-05-30"), 1)).isEqualTo(new DueDate(d("2025-06-03"), false));
        // 2026-04-03 is a Friday; 清明 2026-04-04..04-06 (Sat-Mon) are days off.
        assertThat(calendar.addWorkingDays(d("2026-04-03"), 1).date()).isEqualTo(d("2026-04-07"));
    }

    @Test
    void thursdayBeforeNationalDayCountsTheMakeUpSunday() {
        // 2025-09-26 Fri is day 1, Saturday is off, Sunday 2025-09-28 is a make-up workday.
        assertThat(calendar.addWorkingDays(d("2025-09-25"), 2).date()).isEqualTo(d("2025-09-28"));
        // Tuesday 2025-09-30: 10-01..10-08 are off, then 10-09 and 10-10.
        assertThat(calendar.addWorkingDays(d("2025-09-30"), 2).date()).isEqualTo(d("2025-10-10"));
    }

    @Test
    void periodsSpanningTheSpringFestival() {
        // Friday 2026-02-13: the make-up Saturday 02-14 is day 1, then 02-15..02-23 are off.
        assertThat(calendar.addWorkingDays(d("2026-02-13"), 1).date()).isEqualTo(d("2026-02-14"));
        assertThat(calendar.addWorkingDays(d("2026-02-13"), 2).date()).isEqualTo(d("2026-02-24"));
        // SUB-3-sized period: 15 working days from 2026-02-10 include both make-up Saturdays.
        assertThat(calendar.addWorkingDays(d("2026-02-10"), 15)).isEqualTo(new DueDate(d("2026-03-09"), false));
        // 2025: Sunday 2025-01-26 is a make-up workday before the holiday.
        assertThat(calendar.addWorkingDays(d("2025-01-24"), 2).date()).isEqualTo(d("2025-01-27"));
    }

    @Test
    void time2SameNumberedDayOfTheLastMonth() {
        // DOMAIN.md TIME-2 example: issued 2025-11-27, usable up to and including 2026-11-27 (a Friday).
        assertThat(calendar.endOfMonthsPeriod(d("2025-11-27"), 12)).isEqualTo(new DueDate(d("2026-11-27"), false));
    }

    @Test
    void time2MonthWithoutTheDayEndsOnItsLastDay() {
        // 2026-02-28 is a Saturday, but a make-up workday: TIME-3 does not move it.
        assertThat(calendar.endOfMonthsPeriod(d("2026-01-31"), 1)).isEqualTo(new DueDate(d("2026-02-28"), false));
        // 2025-11-30 is an ordinary Sunday: TIME-3 moves the end to Monday.
        assertThat(calendar.endOfMonthsPeriod(d("2025-10-31"), 1).date()).isEqualTo(d("2025-12-01"));
    }

    @Test
    void time3PeriodEndingOnAPublicHolidayMovesPastTheWholeHoliday() {
        // 2025-10-01..10-08 are days off; the next working day is Thursday 2025-10-09.
        assertThat(calendar.endOfMonthsPeriod(d("2025-09-01"), 1)).isEqualTo(new DueDate(d("2025-10-09"), false));
    }

    @Test
    void yearWithoutDataCountsWeekendsOnlyAndIsProvisional() {
        // 2031-01-01 is really New Year's Day, but without data only weekends are off.
        assertThat(calendar.isWorkingDay(d("2031-01-01"))).isTrue();
        assertThat(calendar.addWorkingDays(d("2031-01-02"), 2)).isEqualTo(new DueDate(d("2031-01-06"), true));
        // 2031-03-01 is a Saturday.
        assertThat(calendar.endOfMonthsPeriod(d("2031-01-01"), 2)).isEqualTo(new DueDate(d("2031-03-03"), true));
    }

    @Test
    void crossingIntoAYearWithoutDataMakesTheResultProvisional() {
        // Thursday 2026-12-31 + 1 lands on Friday 2027-01-01, a year not bundled.
        assertThat(calendar.addWorkingDays(d("2026-12-31"), 1)).isEqualTo(new DueDate(d("2027-01-01"), true));
        assertThat(calendar.addWorkingDays(d("2026-12-30"), 1)).isEqualTo(new DueDate(d("2026-12-31"), false));
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void warnsOncePerYearWithoutData(CapturedOutput output) {
        WorkingDayCalendar fresh = new WorkingDayCalendar(Map.of());
        fresh.addWorkingDays(d("2031-01-02"), 2);
        fresh.addWorkingDays(d("2031-06-02"), 5);
        fresh.isWorkingDay(d("2032-01-01"));

        assertThat(output.getAll().split("No official holiday data for 2031", -1)).hasSize(2);
        assertThat(output.getAll()).contains("No official holiday data for 2032");
    }

    @Test
    void rejectsNonPositiveCounts() {
        assertThatThrownBy(() -> calendar.addWorkingDays(d("2026-03-12"), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.endOfMonthsPeriod(d("2026-03-12"), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Nested
    class ExtraLocation {

        @TempDir
        Path dir;

        private void write(String file, String json) throws IOException {
            Files.writeString(dir.resolve(file), json, StandardCharsets.UTF_8);
        }

        @Test
        void addsAYearThatIsNotBundled() throws IOException {
            // Hypothetical 2031 arrangement: 01-01..01-03 (Wed-Fri) off, Saturday 01-04 a make-up workday.
            write("2031.json", """
                    {"year":2031,"days":[
                      {"name":"元旦","date":"2031-01-01","isOffDay":true},
                      {"name":"元旦","date":"2031-01-02","isOffDay":true},
                      {"name":"元旦","date":"2031-01-03","isOffDay":true},
                      {"name":"元旦","date":"2031-01-04","isOffDay":false}]}
                    """);
            WorkingDayCalendar withExtra = WorkingDayCalendar.load(dir);

            assertThat(withExtra.hasOfficialData(2031)).isTrue();
            assertThat(withExtra.hasOfficialData(2026)).isTrue();
            assertThat(withExtra.addWorkingDays(d("2031-01-01"), 1))
                    .isEqualTo(new DueDate(d("2031-01-04"), false));
            assertThat(withExtra.addWorkingDays(d("2031-01-04"), 1)).isEqualTo(new DueDate(d("2031-01-06"), false));
        }

        @Test
        void replacesABundledYearAsAWhole() throws IOException {
            write("2026-corrected.json", """
                    {"year":2026,"days":[{"name":"test","date":"2026-03-09","isOffDay":true}]}
                    """);
            WorkingDayCalendar withExtra = WorkingDayCalendar.load(dir);

            assertThat(withExtra.isWorkingDay(d("2026-03-09"))).isFalse();
            // Not merged with the bundled file: its 国庆节 entry is gone.
            assertThat(withExtra.isWorkingDay(d("2026-10-01"))).isTrue();
        }

        @Test
        void aFileMayAnnounceADayOfTheNeighbouringYear() throws IOException {
            // Like the real 2023 file, which includes 2022-12-31. 2031-12-31 is a Wednesday.
            write("2032.json", """
                    {"year":2032,"days":[{"name":"元旦","date":"2031-12-31","isOffDay":true}]}
                    """);
            WorkingDayCalendar withExtra = WorkingDayCalendar.load(dir);

            assertThat(withExtra.isWorkingDay(d("2031-12-31"))).isFalse();
            // 2031 itself still has no data of its own.
            assertThat(withExtra.addWorkingDays(d("2031-12-30"), 1)).isEqualTo(new DueDate(d("2032-01-01"), true));
        }

        @Test
        void theDatesOwnYearWinsOverANeighbour() throws IOException {
            write("2031.json", """
                    {"year":2031,"days":[{"name":"调休","date":"2031-12-31","isOffDay":false}]}
                    """);
            write("2032.json", """
                    {"year":2032,"days":[{"name":"元旦","date":"2031-12-31","isOffDay":true}]}
                    """);

            assertThat(WorkingDayCalendar.load(dir).isWorkingDay(d("2031-12-31"))).isTrue();
        }

        @Test
        void missingDirectoryFailsFast() {
            assertThatThrownBy(() -> WorkingDayCalendar.load(dir.resolve("absent")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("pes.calendar.extra-location");
        }

        @Test
        void dateOutsideItsYearFailsFast() throws IOException {
            write("2031.json", """
                    {"year":2031,"days":[{"name":"x","date":"2029-12-31","isOffDay":true}]}
                    """);
            assertThatThrownBy(() -> WorkingDayCalendar.load(dir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("2029-12-31");
        }

        @Test
        void entryWithoutIsOffDayFailsFast() throws IOException {
            write("2031.json", """
                    {"year":2031,"days":[{"name":"x","date":"2031-01-01"}]}
                    """);
            assertThatThrownBy(() -> WorkingDayCalendar.load(dir)).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void configurationReadsThePropertyIntoTheBean() throws IOException {
            write("2031.json", """
                    {"year":2031,"days":[{"name":"元旦","date":"2031-01-01","isOffDay":true}]}
                    """);
            new ApplicationContextRunner()
                    .withUserConfiguration(CalendarConfiguration.class)
                    .withPropertyValues("pes.calendar.extra-location=" + dir)
                    .run(context -> {
                        WorkingDayCalendar bean = context.getBean(WorkingDayCalendar.class);
                        assertThat(bean.hasOfficialData(2031)).isTrue();
                        assertThat(bean.isWorkingDay(d("2031-01-01"))).isFalse();
                    });
        }

        @Test
        void configurationWithoutThePropertyUsesBundledDataOnly() {
            new ApplicationContextRunner()
                    .withUserConfiguration(CalendarConfiguration.class)
                    .run(context -> {
                        WorkingDayCalendar bean = context.getBean(WorkingDayCalendar.class);
                        assertThat(bean.hasOfficialData(2026)).isTrue();
                        assertThat(bean.hasOfficialData(2031)).isFalse();
                    });
        }
    }
}
