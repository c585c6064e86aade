package cn.pes.casework.events.cancellation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The proposal was confirmed; a {@code RegistrationCancelled} follows. */
@Revision("1")
public record CancellationProposalConfirmed(String caseId, String proposalId, LocalDate decidedOn) {
}
