package cn.pes.casework.events.comparison;

/**
 * How the rows of (part of) a batch came out.
 *
 * @param rows               rows processed
 * @param proposed           matched, with a proposal raised
 * @param contactOnly        matched, the change already proposed or decided
 * @param notActive          a case without an active registration
 * @param beforeRegistration records older than the current registration
 * @param noCase             no case for the ID number
 */
public record MatchCounts(int rows, int proposed, int contactOnly, int notActive, int beforeRegistration,
                          int noCase) {

    public static final MatchCounts NONE = new MatchCounts(0, 0, 0, 0, 0, 0);

    /** Rows that matched an active registration (each recorded a tracking contact). */
    public int matched() {
        return proposed + contactOnly;
    }

    public MatchCounts plus(MatchCounts other) {
        return new MatchCounts(rows + other.rows, proposed + other.proposed, contactOnly + other.contactOnly,
                notActive + other.notActive, beforeRegistration + other.beforeRegistration, noCase + other.noCase);
    }

    public MatchCounts plus(MatchOutcome outcome) {
        return plus(new MatchCounts(1, outcome == MatchOutcome.PROPOSED ? 1 : 0,
                outcome == MatchOutcome.CONTACT_ONLY ? 1 : 0, outcome == MatchOutcome.NOT_ACTIVE ? 1 : 0,
                outcome == MatchOutcome.BEFORE_REGISTRATION ? 1 : 0, outcome == MatchOutcome.NO_CASE ? 1 : 0));
    }
}
