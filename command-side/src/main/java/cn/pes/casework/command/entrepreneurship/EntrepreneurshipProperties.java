package cn.pes.casework.command.entrepreneurship;

import cn.pes.casework.events.entrepreneurship.TrainingInstitution;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

import java.util.List;

/**
 * Entrepreneurship configuration ({@code pes.entrepreneurship.*}, shipped in {@code pes-entrepreneurship.yml}).
 *
 * @param institutions the designated training institutions (创业培训定点机构, ENT-1); a new designation or
 *                     its end is a configuration change with its dates, not a release
 */
@ConfigurationProperties("pes.entrepreneurship")
public record EntrepreneurshipProperties(List<TrainingInstitution> institutions) {

    @ConstructorBinding
    public EntrepreneurshipProperties {
        institutions = institutions == null ? List.of() : List.copyOf(institutions);
    }
}
