package cn.pes.casework.command.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The official working-day calendar of mainland China and the period rules TIME-1..TIME-3 of DOMAIN.md.
 *
 * <p>Data comes from holiday-cn year files ({@code {"year":2026,"days":[{"date":"2026-01-01",
 * "isOffDay":true},...]}}): {@code isOffDay=true} is a public holiday, {@code false} a make-up workday
 * (调休) on a weekend; every other date follows the plain Monday-Friday rule. A year's file may also
 * name days of the neighbouring year (the 2023 file has 2022-12-31 as part of 元旦), because the State
 * Council announces a holiday as a whole; the file of the date's own year wins where both speak.
 *
 * <p>Years are found on the classpath under {@code holidays-cn/} and may be added or replaced from an
 * extra directory, because the next year's arrangement is published each November and must not wait
 * for a release.
 *
 * <p>A year without data is not an error: due dates far ahead (or far in the past) must still be
 * computable. Such a year counts weekends only, and any result touching it is marked provisional.
 *
 * <p>Immutable after loading and safe to share between threads.
 */
public final class WorkingDayCalendar {

    /** Where the bundled year files live; {@code classpath*} so a data jar can contribute years too. */
    public static final String CLASSPATH_PATTERN = "classpath*:holidays-cn/*.json";

    private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

    /**
     * The longest run of days off we accept before assuming broken data. The real maximum is 9
     * (Spring Festival); without a limit a file marking a whole year off would hang the caller.
     */
    private static final int MAX_CONSECUTIVE_DAYS_OFF = 366;

    /** year of the arrangement → (date → isOffDay) for the dates it mentions. */
    private final Map<Integer, Map<LocalDate, Boolean>> officialYears;

    /** Years already warned about, so a busy service logs each gap once rather than per call. */
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

    /**
     * @param officialYears year of the arrangement → (date → isOffDay); dates lie in that year or a neighbour
     */
    public WorkingDayCalendar(Map<Integer, Map<LocalDate, Boolean>> officialYears) {
        Map<Integer, Map<LocalDate, Boolean>> copy = new HashMap<>();
        officialYears.forEach((year, days) -> {
            days.keySet().forEach(date -> {
                if (!isInOrNextTo(date, year)) {
                    throw new IllegalArgumentException("Holiday data for " + year + " contains " + date);
                }
            });
            copy.put(year, Map.copyOf(days));
        });
        this.officialYears = Map.copyOf(copy);
        warnAboutDisagreements();
    }

    private static boolean isInOrNextTo(LocalDate date, int year) {
        return Math.abs(date.getYear() - year) <= 1;
    }

    /** Two official files disagreeing on a day means one of them is outdated; worth an operator's look. */
    private void warnAboutDisagreements() {
        officialYears.forEach((year, days) -> days.forEach((date, offDay) -> {
            if (date.getYear() != year) {
                Boolean own = officialYears.getOrDefault(date.getYear(), Map.of()).get(date);
                if (own != null && !own.equals(offDay)) {
                    log.warn("Holiday data for {} and {} disagree on {}; using the {} data", year, date.getYear(),
                            date, date.getYear());
                }
            }
        }));
    }

    /** The bundled classpath data only. */
    public static WorkingDayCalendar load() {
        return load(null);
    }

    /**
     * Loads the bundled data, then every {@code *.json} in {@code extraLocation} (if given), whose
     * years replace bundled ones as a whole: a corrected arrangement must not be mixed with the old.
     *
     * @throws IllegalStateException if a file is unreadable or malformed, or {@code extraLocation} is
     *                               not a directory - a silently ignored calendar would give wrong deadlines
     */
    public static WorkingDayCalendar load(Path extraLocation) {
        ObjectMapper mapper = new ObjectMapper();
        Map<Integer, Map<LocalDate, Boolean>> years = new TreeMap<>();
        List<String> sources = new ArrayList<>();
        int resourcesFound;
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver(WorkingDayCalendar.class.getClassLoader())
                    .getResources(CLASSPATH_PATTERN);
            resourcesFound = resources.length;
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    put(years, parse(mapper, in, resource.getDescription()), resource.getDescription(), sources);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read holiday data from " + CLASSPATH_PATTERN, e);
        }
        if (extraLocation != null) {
            if (!Files.isDirectory(extraLocation)) {
                throw new IllegalStateException("pes.calendar.extra-location is not a directory: " + extraLocation);
            }
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(extraLocation, "*.json")) {
                stream.forEach(files::add);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot list holiday data in " + extraLocation, e);
            }
            // Sorted so that, should two files claim one year, the outcome does not depend on the file system.
            Collections.sort(files);
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    put(years, parse(mapper, in, file.toString()), file.toString(), sources);
                } catch (IOException e) {
                    throw new IllegalStateException("Cannot read holiday data " + file, e);
                }
            }
        }
        List<String> extraSources = sources.subList(resourcesFound, sources.size());
        log.info("Working-day calendar has official data for years {} ({} bundled files, extra: {})",
                years.keySet(), resourcesFound, extraSources);
        return new WorkingDayCalendar(years);
    }

    private record YearData(int year, Map<LocalDate, Boolean> days) {
    }

    private static void put(Map<Integer, Map<LocalDate, Boolean>> years, YearData data, String source,
                            List<String> sources) {
        if (years.put(data.year(), data.days()) != null) {
            log.info("Holiday data for {} replaced by {}", data.year(), source);
        }
        sources.add(source);
    }

    private static YearData parse(ObjectMapper mapper, InputStream in, String source) throws IOException {
        JsonNode root = mapper.readTree(in);
        if (root == null || !root.path("year").canConvertToInt() || !root.path("days").isArray()) {
            throw new IllegalStateException("Holiday data " + source + " needs an integer 'year' and a 'days' array");
        }
        int year = root.get("year").intValue();
        Map<LocalDate, Boolean> days = new HashMap<>();
        for (JsonNode day : root.get("days")) {
            JsonNode offDay = day.path("isOffDay");
            if (!day.path("date").isTextual() || !offDay.isBoolean()) {
                throw new IllegalStateException(
                        "Holiday data " + source + " has an entry without 'date' or 'isOffDay': " + day);
            }
            LocalDate date;
            try {
                date = LocalDate.parse(day.get("date").textValue());
            } catch (DateTimeException e) {
                throw new IllegalStateException("Holiday data " + source + " has an invalid date: " + day, e);
            }
            if (!isInOrNextTo(date, year)) {
                throw new IllegalStateException("Holiday data " + source + " for " + year + " contains " + date);
            }
            if (days.put(date, offDay.booleanValue()) != null) {
                throw new IllegalStateException("Holiday data " + source + " lists " + date + " twice");
            }
        }
        return new YearData(year, days);
    }

    /** Whether the official arrangement for {@code year} is loaded. */
    public boolean hasOfficialData(int year) {
        return officialYears.containsKey(year);
    }

    /** Whether {@code date} is a working day; in a year without data, whether it is Monday to Friday. */
    public boolean isWorkingDay(LocalDate date) {
        return isWorkingDay(date, new HashSet<>());
    }

    /**
     * TIME-1: the n-th working day after the day of receipt (which itself never counts, even when it
     * is a working day), e.g. "decided within 2 working days" (REG-5).
     *
     * @param receivedOn  the day of receipt or issue
     * @param workingDays n, at least 1
     */
    public DueDate addWorkingDays(LocalDate receivedOn, int workingDays) {
        Objects.requireNonNull(receivedOn, "receivedOn");
        if (workingDays < 1) {
            throw new IllegalArgumentException("workingDays must be at least 1, was " + workingDays);
        }
        Set<Integer> provisionalYears = new HashSet<>();
        LocalDate day = receivedOn;
        for (int counted = 0; counted < workingDays; counted++) {
            day = nextWorkingDayOnOrAfter(day.plusDays(1), provisionalYears);
        }
        return new DueDate(day, !provisionalYears.isEmpty());
    }

    /**
     * TIME-2 and TIME-3: a period of {@code months} months from {@code start} ends on the same-numbered
     * day of the last month, or that month's last day where it has none (2026-01-31 + 1 month is
     * 2026-02-28); if that day is not a working day, the period ends on the next working day.
     *
     * @param start  the day of issue or receipt
     * @param months at least 1
     */
    public DueDate endOfMonthsPeriod(LocalDate start, int months) {
        Objects.requireNonNull(start, "start");
        if (months < 1) {
            throw new IllegalArgumentException("months must be at least 1, was " + months);
        }
        Set<Integer> provisionalYears = new HashSet<>();
        // LocalDate.plusMonths already clamps to the month's last day, which is exactly TIME-2.
        LocalDate day = nextWorkingDayOnOrAfter(start.plusMonths(months), provisionalYears);
        return new DueDate(day, !provisionalYears.isEmpty());
    }

    private LocalDate nextWorkingDayOnOrAfter(LocalDate from, Set<Integer> provisionalYears) {
        LocalDate day = from;
        for (int i = 0; i <= MAX_CONSECUTIVE_DAYS_OFF; i++) {
            if (isWorkingDay(day, provisionalYears)) {
                return day;
            }
            day = day.plusDays(1);
        }
        throw new IllegalStateException("No working day within " + MAX_CONSECUTIVE_DAYS_OFF
                + " days from " + from + ": the holiday data is broken");
    }

    private boolean isWorkingDay(LocalDate date, Set<Integer> provisionalYears) {
        int year = date.getYear();
        if (!officialYears.containsKey(year)) {
            provisionalYears.add(year);
            warnOnce(year);
        }
        // Own year first, then the neighbours that may announce this day as part of their holiday.
        for (int source : new int[] {year, year + 1, year - 1}) {
            Boolean offDay = officialYears.getOrDefault(source, Map.of()).get(date);
            if (offDay != null) {
                return !offDay;
            }
        }
        DayOfWeek dayOfWeek = date.getDayOfWeek();
        return dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY;
    }

    private void warnOnce(int year) {
        if (warnedYears.add(year)) {
            log.warn("No official holiday data for {}: counting weekends only as days off, due dates in {} are "
                    + "provisional. Add {}.json to pes.calendar.extra-location once the arrangement is published.",
                    year, year, year);
        }
    }
}
