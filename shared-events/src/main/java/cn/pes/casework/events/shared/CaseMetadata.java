package cn.pes.casework.events.shared;

/**
 * The metadata keys every command and event carries, defined once. The correlation ID uses
 * Axon's own {@code correlationId} key so that Axon's message-origin provider and ours agree.
 */
public final class CaseMetadata {

    /** The officer who acted (经办人). */
    public static final String OFFICER = "officerId";
    /** The agency where the officer acted (经办机构). */
    public static final String AGENCY = "agencyId";
    /** The channel through which the action came in, see {@link Channel}. */
    public static final String CHANNEL = "channel";
    /** Ties together all messages caused by one request. */
    public static final String CORRELATION_ID = "correlationId";

    /**
     * The {@link #OFFICER} of events no officer caused: a clock of the platform ran out (a deadline),
     * e.g. a skills subsidy's publicity ended or a review was not done in time.
     */
    public static final String CLOCK_OFFICER = "platform-clock";

    /**
     * The event's link in its case's hash chain (哈希链): SHA-256 over the previous link and the
     * event as stored. Written by the event store, never by a command; see the command side's
     * {@code cn.pes.casework.command.integrity}.
     */
    public static final String CHAIN_HASH = "chainHash";
    /** The previous event's {@link #CHAIN_HASH} (or the chain's genesis value) that {@link #CHAIN_HASH} covers. */
    public static final String CHAIN_PREVIOUS = "chainPrevious";

    private CaseMetadata() {
    }
}
