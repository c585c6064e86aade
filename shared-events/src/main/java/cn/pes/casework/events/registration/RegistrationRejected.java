package cn.pes.casework.events.registration;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An officer rejected an online application; the pending spell never took effect. */
@Revision("1")
public record RegistrationRejected(String caseId, int spell, LocalDate decidedOn, String reason, boolean late) {
}
