package cn.pes.casework.command.web.request;

import cn.pes.casework.events.cancellation.Notification;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** An officer confirms a proposed cancellation (CAN-3): when it takes effect and how the person was told (CAN-2). */
public record ProposalConfirmationRequest(@NotNull LocalDate effectiveDate, @NotNull Notification notification) {
}
