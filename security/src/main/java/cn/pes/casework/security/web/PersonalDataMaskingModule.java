package cn.pes.casework.security.web;

import cn.pes.casework.events.shared.Masking;
import cn.pes.casework.events.shared.PersonalData;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Personal data leaves the platform over HTTP masked, whatever view carries it (ID number
 * 1101**********1234, name 张*, phone 138****5678). Full values go out only as the dedicated answer
 * of an explicit, logged reveal, which is another type. Registered with the web's object mapper
 * only; Axon's stored form has a mapper of its own. Erased personal data (its key destroyed) goes
 * out as {@code {"erased": true}}.
 */
@Component
public class PersonalDataMaskingModule extends SimpleModule {

    public PersonalDataMaskingModule() {
        super("pes-personal-data-masking");
        addSerializer(PersonalData.class, new MaskedPersonalDataSerializer());
    }

    static final class MaskedPersonalDataSerializer extends JsonSerializer<PersonalData> {

        @Override
        public void serialize(PersonalData person, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject();
            if (person.erased()) {
                json.writeBooleanField("erased", true);
                json.writeEndObject();
                return;
            }
            writeIfPresent(json, "idNumber", Masking.idNumber(person.idNumber()));
            writeIfPresent(json, "name", Masking.name(person.name()));
            writeIfPresent(json, "phone", Masking.phone(person.phone()));
            json.writeBooleanField("masked", true);
            json.writeEndObject();
        }

        private static void writeIfPresent(JsonGenerator json, String field, String value) throws IOException {
            if (value != null) {
                json.writeStringField(field, value);
            }
        }
    }
}
