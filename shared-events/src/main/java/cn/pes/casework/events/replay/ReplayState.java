package cn.pes.casework.events.replay;

/** Where a replay stands. */
public enum ReplayState {
    /** Accepted, waiting for a free replay thread. */
    QUEUED,
    RUNNING,
    DONE,
    FAILED,
    CANCELLED,
    /** The process stopped while it ran: it will not go on; start a new one. */
    INTERRUPTED;

    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }
}
