package cn.pes.casework.command.web.request;

import cn.pes.casework.events.cancellation.Evidence;
import cn.pes.casework.events.employment.EmploymentDetails;
import jakarta.validation.constraints.NotNull;

public record EmploymentRequest(@NotNull EmploymentDetails employment, @NotNull Evidence evidence) {
}
