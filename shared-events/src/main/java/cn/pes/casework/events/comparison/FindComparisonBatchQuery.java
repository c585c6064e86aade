package cn.pes.casework.events.comparison;

/** One imported batch with its progress and reported rows. Answers {@link ComparisonBatchView}. */
public record FindComparisonBatchQuery(String batchId) {
}
