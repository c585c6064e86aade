package cn.pes.casework.events.tracking;

import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.cancellation.Evidence;
import cn.pes.casework.events.employment.EmploymentDetails;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.Set;

/**
 * Record one monthly tracking contact (跟踪调查, TRK-1..TRK-3). The caller chooses
 * {@code contactId}; sending the same contact twice records it once.
 *
 * @param dataMatchSource     for information comparison: which records were compared
 * @param employment          required when the status found is in work: leads to {@code Employed}
 * @param proposedGround      a cancellation the officer proposes (not applied, CAN-3), or null
 * @param proposalEvidence    the evidence for the proposal
 * @param recordedOn          the day the officer records it: the contact cannot lie after it
 */
public record RecordTrackingContactCommand(@TargetAggregateIdentifier String caseId,
                                           String contactId,
                                           LocalDate contactDate,
                                           ContactMethod method,
                                           String dataMatchSource,
                                           boolean reached,
                                           EmploymentStatus statusFound,
                                           Set<ServiceGiven> servicesGiven,
                                           String nextStep,
                                           EmploymentDetails employment,
                                           CancellationGround proposedGround,
                                           Evidence proposalEvidence,
                                           LocalDate recordedOn) {
}
