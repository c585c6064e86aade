package cn.pes.casework.events.tracking;

import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.cancellation.Evidence;
import cn.pes.casework.events.shared.PersonalData;

import java.time.LocalDate;
import java.util.Set;

/** One ledger row with the TRK-3 columns. */
public record LedgerRow(String contactId, String caseId, PersonalData person, LocalDate contactDate,
                        ContactMethod method, String dataMatchSource, boolean reached,
                        EmploymentStatus statusFound, Set<ServiceGiven> servicesGiven, String nextStep,
                        CancellationGround proposedGround, Evidence proposalEvidence,
                        String officerId, String contactingAgencyId) {
}
