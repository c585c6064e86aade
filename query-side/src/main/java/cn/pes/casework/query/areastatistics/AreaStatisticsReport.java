package cn.pes.casework.query.areastatistics;

import java.time.Instant;
import java.util.List;

/**
 * Months of an area as the HTTP answer gives them; the query behind it answers
 * {@link cn.pes.casework.events.statistics.AreaStatistics}.
 *
 * @param agencyIds the agencies counted: the one asked about and those it covers
 * @param knownAt   the instant the figures were taken as of (the one asked, or when answered)
 */
public record AreaStatisticsReport(String agencyId, List<String> agencyIds, Instant knownAt, List<MonthReport> months) {

    public AreaStatisticsReport {
        agencyIds = agencyIds == null ? List.of() : List.copyOf(agencyIds);
        months = months == null ? List.of() : List.copyOf(months);
    }
}
