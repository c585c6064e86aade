package cn.pes.casework.events.employment;

import cn.pes.casework.events.cancellation.Evidence;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Record that a person is back in work; the registration ends (CAN-1).
 *
 * @param recordedOn the day the officer records it: the employment cannot start after it
 */
public record RecordEmploymentCommand(@TargetAggregateIdentifier String caseId, EmploymentDetails employment,
                                      Evidence evidence, LocalDate recordedOn) {
}
