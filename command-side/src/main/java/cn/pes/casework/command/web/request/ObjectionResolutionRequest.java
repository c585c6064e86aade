package cn.pes.casework.command.web.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** @param upheld true: the application is rejected; false: the objection is dismissed */
public record ObjectionResolutionRequest(@NotNull Boolean upheld, @NotBlank @Size(max = 1000) String finding) {
}
