package cn.pes.casework.events.comparison;

/** What one row of a batch led to. */
public enum MatchOutcome {
    /** Matched an active registration: a tracking contact by information comparison and a proposal. */
    PROPOSED,
    /**
     * Matched an active registration: a tracking contact only, the change being proposed already
     * (open) or decided by an officer before (the same record is not proposed twice).
     */
    CONTACT_ONLY,
    /** The person has a case but no active registration: nothing recorded. */
    NOT_ACTIVE,
    /** The records describe a day before the current registration began: nothing recorded. */
    BEFORE_REGISTRATION,
    /** No case for the ID number among the cases the uploader's agency covers (a city officer's: all). */
    NO_CASE
}
