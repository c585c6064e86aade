package cn.pes.casework.events.integrity;

/**
 * Recompute a case's hash chain from the events as stored and say whether it is intact (历史完整性校验,
 * history integrity check). Answers {@link ChainVerification}; {@link ChainVerification#eventsChecked()}
 * is 0 for a case the event store does not know.
 */
public record VerifyCaseChainQuery(String caseId) {
}
