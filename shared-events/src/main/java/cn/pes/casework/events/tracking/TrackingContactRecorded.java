package cn.pes.casework.events.tracking;

import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.cancellation.Evidence;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Set;

/**
 * A tracking contact was made (a row of the tracking ledger 台账, TRK-3).
 *
 * @param responsibleAgencyId the agency the spell belongs to, whose ledger lists the contact
 */
@Revision("1")
public record TrackingContactRecorded(String caseId, int spell, String contactId, LocalDate contactDate,
                                      ContactMethod method, String dataMatchSource, boolean reached,
                                      EmploymentStatus statusFound, Set<ServiceGiven> servicesGiven,
                                      String nextStep, CancellationGround proposedGround,
                                      Evidence proposalEvidence, String responsibleAgencyId) {
}
