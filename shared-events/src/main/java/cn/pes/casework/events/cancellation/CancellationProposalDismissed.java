package cn.pes.casework.events.cancellation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The proposal was dismissed; refusals before it no longer count towards another one. */
@Revision("1")
public record CancellationProposalDismissed(String caseId, String proposalId, String reason, LocalDate decidedOn) {
}
