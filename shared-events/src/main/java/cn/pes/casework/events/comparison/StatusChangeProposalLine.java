package cn.pes.casework.events.comparison;

import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.cancellation.Evidence;
import cn.pes.casework.events.employment.EmploymentDetails;
import cn.pes.casework.events.shared.PersonalData;

import java.time.LocalDate;

/**
 * One proposal in the queue.
 *
 * @param record     the matched external record for a data match, otherwise null
 * @param decidedOn  when an officer confirmed or dismissed it, or the registration ended otherwise
 * @param reason     the dismissal's reason
 */
public record StatusChangeProposalLine(String caseId, PersonalData person, String proposalId, ProposalSource source,
                                       EmploymentDetails employment, CancellationGround ground, Evidence evidence,
                                       ExternalRecord record, LocalDate lastContactOn, LocalDate proposedOn,
                                       String agencyId, ProposalState state, LocalDate decidedOn, String reason) {
}
