package cn.pes.casework.query.web;

/** A request to the query side that cannot be answered as asked (400). */
public class InvalidQueryInputException extends RuntimeException {

    private final String field;

    public InvalidQueryInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field at fault, or null when it is the combination of fields. */
    public String field() {
        return field;
    }
}
