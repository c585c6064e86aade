package cn.pes.casework.command.clientcase;

import org.axonframework.common.AxonTransientException;

/** Another registration of the same person won the race to open their case; retrying finds that case. */
public class PersonAlreadyClaimedException extends AxonTransientException {

    public PersonAlreadyClaimedException() {
        super("a concurrent registration opened this person's case first");
    }
}
