package cn.pes.casework.command.identity;

/**
 * A resident ID number was rejected. Carries only the kind of problem: the number itself is personal
 * data and must not reach logs or error responses through an exception message.
 */
public class InvalidIdNumberException extends RuntimeException {

    /** Why the number was rejected, stable enough to be used as an error code. */
    public enum Problem {
        /** Null or blank. */
        MISSING("no ID number given"),
        /** Not 17 digits (the first not 0) followed by a digit or X. */
        FORMAT("not 17 digits followed by a digit or X"),
        /** The first two digits are no province-level region code. */
        REGION("unknown province code"),
        /** Positions 7-14 are no real date on or after 1900-01-01. */
        BIRTH_DATE("birth date is not a real date on or after 1900-01-01"),
        /** The 18th character does not match ISO 7064 MOD 11-2 over the first 17. */
        CHECK_DIGIT("check character does not match (GB 11643, ISO 7064 MOD 11-2)");

        private final String description;

        Problem(String description) {
            this.description = description;
        }
    }

    private final Problem problem;

    public InvalidIdNumberException(Problem problem) {
        super("Invalid resident ID number (" + problem.name() + "): " + problem.description);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
