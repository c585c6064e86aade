package cn.pes.casework.command.web.request;

import cn.pes.casework.events.cancellation.Notification;

import java.time.LocalDate;

/**
 * An officer confirms a status-change proposal (CAN-3). For a cancellation ground both are required
 * (CAN-2, checked by the case with the rule and field); for an employment {@code effectiveDate}, when
 * given, corrects the start date and {@code notification} is not needed.
 */
public record StatusChangeConfirmationRequest(LocalDate effectiveDate, Notification notification) {
}
