package cn.pes.casework.command.web.request;

import cn.pes.casework.events.shared.PersonCategory;
import cn.pes.casework.events.subsidy.ApplicationPlace;
import cn.pes.casework.events.subsidy.CertificateLevel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.Set;

/**
 * A certificate and the application on it (SUB-1, SUB-2).
 *
 * @param applicationId optional; a client that may resend sets it so the application is recorded once
 * @param receivedOn    the day the department received it; today when absent
 */
public record CertificateRequest(@Pattern(regexp = "[A-Za-z0-9-]{8,64}") String applicationId,
                                 @NotNull @Valid Certificate certificate,
                                 @NotNull ApplicationPlace place,
                                 @NotBlank @Size(max = 20) String departmentId,
                                 @Valid AllowanceClaim allowanceClaim,
                                 LocalDate receivedOn) {

    public record Certificate(@NotBlank @Size(max = 100) String occupation,
                              @NotNull CertificateLevel level,
                              @NotBlank @Size(max = 64) String certificateNumber,
                              @NotBlank @Size(max = 200) String issuingBody,
                              @NotNull LocalDate issuedOn) {
    }

    /** What the caseworker checked for the SUB-6 living allowance. */
    public record AllowanceClaim(Set<@NotNull PersonCategory> groups, LocalDate graduatedOn,
                                 boolean ruralOrLowIncomeFamily) {
    }
}
