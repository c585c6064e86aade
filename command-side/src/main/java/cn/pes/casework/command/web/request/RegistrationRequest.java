package cn.pes.casework.command.web.request;

import cn.pes.casework.events.registration.PresentedDocument;
import cn.pes.casework.events.registration.UnemploymentReason;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.Masking;
import cn.pes.casework.events.shared.PersonCategory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Set;

/**
 * An unemployment registration as a window or an online channel sends it. The responsible agency is
 * the signed-in officer's; a body naming another agency or officer is not listened to.
 */
public record RegistrationRequest(@NotNull @Valid Person person,
                                  @NotNull Channel channel,
                                  PresentedDocument presentedDocument,
                                  @NotNull @Valid Declaration declaration,
                                  @NotNull UnemploymentReason reason,
                                  Set<@NotNull PersonCategory> categories) {

    public record Person(@NotBlank @Size(max = 18) String idNumber,
                         @NotBlank @Size(max = 50) String name,
                         @Pattern(regexp = "[0-9+\\- ]{5,20}") String phone) {

        @Override
        public String toString() {
            return "Person[idNumber=" + Masking.idNumber(idNumber) + ", name=" + Masking.name(name)
                    + ", phone=" + Masking.phone(phone) + "]";
        }
    }

    public record Declaration(@NotNull Boolean receivingPension,
                              @NotNull Boolean employed,
                              @NotNull Boolean ableToWork,
                              @NotNull Boolean wantsWork) {
    }
}
