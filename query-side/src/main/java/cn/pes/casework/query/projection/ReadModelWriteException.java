package cn.pes.casework.query.projection;

/**
 * A read-model write failed for another reason than "already applied". It carries only the
 * collection and the server's error codes: the driver's own message quotes keys and documents,
 * which may hold personal data, and Axon logs the exceptions of failed batches.
 */
public class ReadModelWriteException extends RuntimeException {

    public ReadModelWriteException(String message) {
        super(message);
    }
}
