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

    private CaseMetadata() {
    }
}
