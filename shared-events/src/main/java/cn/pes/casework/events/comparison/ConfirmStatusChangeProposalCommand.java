package cn.pes.casework.events.comparison;

import cn.pes.casework.events.cancellation.Notification;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * An officer confirms an open proposal of the case (CAN-3), whatever raised it. A cancellation ground
 * cancels the registration on the proposal's evidence with the effective date and notification given
 * here (CAN-2); an employment ends the spell on the employment's start date, and {@code effectiveDate}
 * and {@code notification} may be null.
 */
public record ConfirmStatusChangeProposalCommand(@TargetAggregateIdentifier String caseId, String proposalId,
                                                 LocalDate effectiveDate, Notification notification,
                                                 LocalDate recordedOn) {
}
