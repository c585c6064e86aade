package cn.pes.casework.query.areastatistics;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * A month of an area, one row per agency below it (分区统计): under the city each county with its
 * streets, under a county each street; the area's own office is a row of its own, so that the rows add
 * up to the total. An HTTP answer only: each row is a {@link cn.pes.casework.events.statistics.FindAreaStatisticsQuery}.
 *
 * @param agencies the agencies the total counts
 * @param total    the whole area's month
 */
public record AreaBreakdown(String agencyId, YearMonth month, Instant knownAt, List<String> agencies,
                            MonthReport total, List<Row> rows) {

    public AreaBreakdown {
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /**
     * @param agencies the agencies the row counts: a county with its streets, else the agency alone
     */
    public record Row(String agencyId, String name, List<String> agencies, MonthReport figures) {

        public Row {
            agencies = agencies == null ? List.of() : List.copyOf(agencies);
        }
    }
}
