package cn.pes.casework.command.web.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.List;

/** An employer taking part in a fair with some of its published vacancies (JOB-5); resent, it replaces them. */
public record FairEnrolmentRequest(@NotBlank @Size(max = 64) String employerId,
                                   @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 64) String> vacancyIds) {
}
