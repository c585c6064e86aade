package cn.pes.casework.events.statistics;

import java.time.Instant;
import java.util.List;

/**
 * Answer to {@link FindAreaStatisticsQuery}.
 *
 * @param knownAt the instant the figures were taken as of (the query's, or when it was answered)
 * @param months  one entry per month asked, oldest first
 */
public record AreaStatistics(List<String> agencyIds, Instant knownAt, List<MonthlyFigures> months) {

    public AreaStatistics {
        agencyIds = agencyIds == null ? List.of() : List.copyOf(agencyIds);
        months = months == null ? List.of() : List.copyOf(months);
    }
}
