package cn.pes.casework.events.statistics;

import java.time.YearMonth;

/**
 * Update of a {@link FindAreaStatisticsQuery} subscription: a fact of {@code agencyId} effective in
 * {@code month} was applied, so the area's figures may have changed. No figures travel with it; a
 * subscriber asks again (and can coalesce many changes into one question).
 */
public record StatisticsChanged(String agencyId, YearMonth month) {
}
