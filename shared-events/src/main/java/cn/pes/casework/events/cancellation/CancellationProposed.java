package cn.pes.casework.events.cancellation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * The platform proposes a cancellation for an officer to confirm or dismiss (CAN-3); not applied.
 * Raised when a person refused referrals without good reason as often as the job-service policy
 * allows (CAN-1 {@link CancellationGround#REFUSED_OFFERS_THREE_TIMES}).
 *
 * @param referralIds the refusals it rests on, oldest first
 * @param agencyId    the agency responsible for the case
 */
@Revision("1")
public record CancellationProposed(String caseId, int spell, String proposalId, CancellationGround ground,
                                   Evidence evidence, List<String> referralIds, LocalDate proposedOn,
                                   String agencyId) {
}
