package cn.pes.casework.command.web.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record PersonalDetailsRequest(@NotBlank @Size(max = 50) String name,
                                     @Pattern(regexp = "[0-9+\\- ]{5,20}") String phone) {
}
