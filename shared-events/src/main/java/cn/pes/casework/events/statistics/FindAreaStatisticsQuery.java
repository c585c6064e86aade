package cn.pes.casework.events.statistics;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * Month-by-month statistics of an area (统计月报): one street agency, a county with its streets, or the
 * city — whatever agencies the caller lists, each counted once. Every month from {@code from} to
 * {@code to} (inclusive) is answered, past months included, by effective dates.
 * <p>
 * {@code knownAt}: the figures as the platform knew them at that instant — only facts recorded by
 * then count (an employment recorded later but effective in the month is left out). Null: everything
 * recorded so far. Answers {@link AreaStatistics}. Also a subscription query: its updates are
 * {@link StatisticsChanged}, sent when a fact of one of the agencies is applied.
 */
public record FindAreaStatisticsQuery(List<String> agencyIds, YearMonth from, YearMonth to, Instant knownAt) {

    public FindAreaStatisticsQuery {
        agencyIds = agencyIds == null ? List.of() : List.copyOf(agencyIds);
    }
}
