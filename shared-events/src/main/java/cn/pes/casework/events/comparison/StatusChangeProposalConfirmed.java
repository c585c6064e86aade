package cn.pes.casework.events.comparison;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The proposal was confirmed; the {@code Employed} or {@code RegistrationCancelled} it leads to follows. */
@Revision("1")
public record StatusChangeProposalConfirmed(String caseId, String proposalId, LocalDate decidedOn) {
}
