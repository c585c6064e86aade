package cn.pes.casework.events.integrity;

/**
 * Where a case's hash chain first breaks.
 *
 * @param sequenceNumber the case's event sequence number at which the break shows
 * @param eventId        that event's identifier (for a gap: the event found after it)
 * @param kind           what is wrong there
 */
public record ChainBreak(long sequenceNumber, String eventId, Kind kind) {

    public enum Kind {
        /** The stored event no longer hashes to its own link: its payload, metadata or header changed. */
        CONTENT_CHANGED,
        /** The event's link does not name the previous event's link: an event before it changed or was replaced. */
        LINK_BROKEN,
        /** A sequence number is missing: an event was deleted. */
        SEQUENCE_GAP,
        /** The event carries no link although an earlier one does: its link was removed. */
        HASH_MISSING
    }
}
