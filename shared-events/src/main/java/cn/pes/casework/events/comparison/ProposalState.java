package cn.pes.casework.events.comparison;

public enum ProposalState {
    /** Waiting for an officer (CAN-3). */
    OPEN,
    /** An officer confirmed it: the case was updated with its evidence. */
    CONFIRMED,
    /** An officer dismissed it with a reason. */
    DISMISSED,
    /** The registration ended otherwise before an officer decided: nothing left to change. */
    LAPSED
}
