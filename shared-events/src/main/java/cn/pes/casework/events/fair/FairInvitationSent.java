package cn.pes.casework.events.fair;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A person was invited to the fair. */
@Revision("1")
public record FairInvitationSent(String fairId, String caseId, LocalDate invitedOn) {
}
