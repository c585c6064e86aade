package cn.pes.casework.command.web.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An employer to register (JOB-3). The credit code's own rules (GB 32100-2015) are the employer's to
 * check, so that the answer names JOB-3 and the failed part.
 *
 * @param employerId optional; a client that may resend sets it
 */
public record EmployerRequest(@Pattern(regexp = "[A-Za-z0-9-]{8,64}") String employerId,
                              @NotBlank @Size(max = 40) String creditCode,
                              @NotBlank @Size(max = 200) String name,
                              @NotBlank @Size(max = 1000) String registeredAddress,
                              @NotBlank @Size(max = 20) String areaAgencyId,
                              @NotNull @Valid Contact contact) {

    /** The employer's contact person: personal data, sealed where stored and masked where shown. */
    public record Contact(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 20) String phone) {

        @Override
        public String toString() {
            return "Contact[masked]";
        }
    }
}
