package cn.pes.casework.events.cancellation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Cancel the active registration on a CAN-1 ground other than employment (注销).
 *
 * @param recordedOn the day the officer records it: neither the cancellation nor the notification lies after it
 */
public record CancelRegistrationCommand(@TargetAggregateIdentifier String caseId, CancellationGround ground,
                                        Evidence evidence, LocalDate effectiveDate, Notification notification,
                                        LocalDate recordedOn) {
}
