package cn.pes.casework.events.audit;

/**
 * Every event one request caused (they share its correlation ID), whatever aggregates they touched.
 * Answers {@link RecordedActionsView}.
 */
public record FindCorrelatedActionsQuery(String correlationId) {
}
