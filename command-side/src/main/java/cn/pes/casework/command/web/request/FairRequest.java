package cn.pes.casework.command.web.request;

import cn.pes.casework.events.fair.FairFormat;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A recruitment fair to plan (JOB-5); it may be held on a later day.
 *
 * @param fairId optional; a client that may resend sets it so the fair is planned once
 * @param place  the address, or for an online fair its web address
 */
public record FairRequest(@Pattern(regexp = "[A-Za-z0-9-]{8,64}") String fairId,
                          @NotBlank @Size(max = 200) String title,
                          @NotNull FairFormat format,
                          @NotNull LocalDate heldOn,
                          @NotBlank @Size(max = 500) String place,
                          @NotBlank @Size(max = 20) String organiserAgencyId) {
}
