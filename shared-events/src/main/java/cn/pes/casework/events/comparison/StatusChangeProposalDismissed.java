package cn.pes.casework.events.comparison;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The proposal was dismissed; the same record is not proposed again. */
@Revision("1")
public record StatusChangeProposalDismissed(String caseId, String proposalId, String reason, LocalDate decidedOn) {
}
