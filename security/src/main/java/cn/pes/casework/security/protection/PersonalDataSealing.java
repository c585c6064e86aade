package cn.pes.casework.security.protection;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * Makes Axon's stored form of personal data the sealed one (see {@link PersonalDataJsonModule}), in
 * events, snapshots and serialized messages alike.
 */
@Component
public class PersonalDataSealing implements AxonSerializerConfiguration.AxonObjectMapperCustomizer {

    private final PersonalDataProtector protector;

    public PersonalDataSealing(PersonalDataProtector protector) {
        this.protector = protector;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new PersonalDataJsonModule(protector));
    }
}
