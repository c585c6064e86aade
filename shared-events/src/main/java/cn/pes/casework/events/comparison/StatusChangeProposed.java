package cn.pes.casework.events.comparison;

import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.cancellation.Evidence;
import cn.pes.casework.events.employment.EmploymentDetails;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The platform proposes a change of the registration for an officer to confirm or dismiss (CAN-3):
 * never applied on its own. Exactly one of {@code employment} and {@code ground} is set.
 *
 * @param source        what raised it: a data match or lost contact
 * @param employment    the employment the record shows (employer, type, start date)
 * @param ground        the CAN-1 ground it implies
 * @param evidence      what it rests on (CAN-2)
 * @param record        the matched external record, for a data match; otherwise null
 * @param lastContactOn for lost contact: the last day the person and the agency dealt with each other
 * @param agencyId      the agency responsible for the case, whose queue lists it
 */
@Revision("1")
public record StatusChangeProposed(String caseId, int spell, String proposalId, ProposalSource source,
                                   EmploymentDetails employment, CancellationGround ground, Evidence evidence,
                                   ExternalRecord record, LocalDate lastContactOn, LocalDate proposedOn,
                                   String agencyId) {
}
