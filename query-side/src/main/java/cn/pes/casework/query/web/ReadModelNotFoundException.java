package cn.pes.casework.query.web;

/** Nothing is known (yet) under the requested key (404). */
public class ReadModelNotFoundException extends RuntimeException {

    public ReadModelNotFoundException(String message) {
        super(message);
    }
}
