package cn.pes.casework.command.web.request;

import cn.pes.casework.events.shared.Masking;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record PersonalDetailsRequest(@NotBlank @Size(max = 50) String name,
                                     @Pattern(regexp = "[0-9+\\- ]{5,20}") String phone) {

    @Override
    public String toString() {
        return "PersonalDetailsRequest[name=" + Masking.name(name) + ", phone=" + Masking.phone(phone) + "]";
    }
}
