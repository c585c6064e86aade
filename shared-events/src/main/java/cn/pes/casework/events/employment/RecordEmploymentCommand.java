package cn.pes.casework.events.employment;

import cn.pes.casework.events.cancellation.Evidence;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that a person is back in work; the registration ends (CAN-1). */
public record RecordEmploymentCommand(@TargetAggregateIdentifier String caseId, EmploymentDetails employment,
                                      Evidence evidence) {
}
