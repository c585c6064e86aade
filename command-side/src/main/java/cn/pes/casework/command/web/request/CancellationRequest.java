package cn.pes.casework.command.web.request;

import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.cancellation.Evidence;
import cn.pes.casework.events.cancellation.Notification;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

public record CancellationRequest(@NotNull CancellationGround ground, @NotNull Evidence evidence,
                                  @NotNull LocalDate effectiveDate, @NotNull Notification notification) {
}
