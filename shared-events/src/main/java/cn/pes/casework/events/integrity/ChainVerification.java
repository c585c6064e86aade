package cn.pes.casework.events.integrity;

import java.time.Instant;

/**
 * The result of recomputing a case's hash chain.
 *
 * @param caseId         the case checked
 * @param eventsChecked  the stored events read, those recorded before the chain began included
 * @param preChainEvents events recorded before the chain began (the platform stored them without a link): they
 *                       are counted, not verified
 * @param intact         true when every link after the chain began matches
 * @param firstBreak     the first broken link, null when intact
 * @param headHash       the last event's link as stored (hex), null when no event carries one; a copy of it
 *                       kept elsewhere lets a later check notice a rewrite of the whole chain
 * @param checkedAt      when the check ran
 */
public record ChainVerification(String caseId, int eventsChecked, int preChainEvents, boolean intact,
                                ChainBreak firstBreak, String headHash, Instant checkedAt) {

    /** True when the event store holds no event of the case. */
    public boolean unknownCase() {
        return eventsChecked == 0;
    }
}
