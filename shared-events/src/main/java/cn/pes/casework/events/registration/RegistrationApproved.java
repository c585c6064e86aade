package cn.pes.casework.events.registration;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * An officer approved an online application; {@link UnemploymentRegistered} follows.
 *
 * @param late true when decided after the REG-5 due date, so auditors see the missed deadline
 */
@Revision("1")
public record RegistrationApproved(String caseId, int spell, LocalDate decidedOn, boolean late) {
}
