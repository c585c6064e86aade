package cn.pes.casework.events.comparison;

/**
 * The batches uploaded at an agency and, for a county or the city, at the agencies under it; the
 * latest first. Answers {@link ComparisonBatchesView}.
 */
public record FindComparisonBatchesQuery(String agencyId) {
}
