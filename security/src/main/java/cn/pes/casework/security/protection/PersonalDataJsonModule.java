package cn.pes.casework.security.protection;

import cn.pes.casework.events.shared.PersonalData;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;

/**
 * The stored JSON form of {@link PersonalData} in events, snapshots and Axon messages:
 * <ul>
 *   <li>bound to a data subject: {@code {"sealed": {"subject": "<caseId>", "alg": "A256GCM", "data": "<base64>"}}}
 *       — nothing of the ID number, name or phone in clear;</li>
 *   <li>erased: {@code {"erased": {"subject": "<caseId>"}}};</li>
 *   <li>without a subject (commands, and events of revision 1 written before encryption):
 *       the plain {@code {"idNumber", "name", "phone"}}.</li>
 * </ul>
 * Reading accepts all three. A sealed form whose key has been destroyed reads as erased.
 */
public class PersonalDataJsonModule extends SimpleModule {

    public PersonalDataJsonModule(PersonalDataProtector protector) {
        super("pes-personal-data-sealing");
        addSerializer(PersonalData.class, new Serializer(protector));
        addDeserializer(PersonalData.class, new Deserializer(protector));
    }

    private static final class Serializer extends JsonSerializer<PersonalData> {

        private final PersonalDataProtector protector;

        Serializer(PersonalDataProtector protector) {
            this.protector = protector;
        }

        @Override
        public void serialize(PersonalData person, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject();
            if (person.dataSubject() == null) {
                writeIfPresent(json, "idNumber", person.idNumber());
                writeIfPresent(json, "name", person.name());
                writeIfPresent(json, "phone", person.phone());
            } else if (person.erased()) {
                json.writeObjectFieldStart("erased");
                json.writeStringField("subject", person.dataSubject());
                json.writeEndObject();
            } else {
                SealedPersonalData sealed = protector.seal(person);
                json.writeObjectFieldStart("sealed");
                json.writeStringField("subject", sealed.subject());
                json.writeStringField("alg", sealed.algorithm());
                json.writeStringField("data", sealed.data());
                json.writeEndObject();
            }
            json.writeEndObject();
        }

        private static void writeIfPresent(JsonGenerator json, String field, String value) throws IOException {
            if (value != null) {
                json.writeStringField(field, value);
            }
        }
    }

    private static final class Deserializer extends JsonDeserializer<PersonalData> {

        private final PersonalDataProtector protector;

        Deserializer(PersonalDataProtector protector) {
            this.protector = protector;
        }

        @Override
        public PersonalData deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode json = parser.readValueAsTree();
            JsonNode sealed = json.get("sealed");
            if (sealed != null && sealed.isObject()) {
                return protector.open(new SealedPersonalData(text(sealed, "subject"), text(sealed, "alg"),
                        text(sealed, "data")));
            }
            JsonNode erased = json.get("erased");
            if (erased != null && erased.isObject()) {
                return PersonalData.erased(text(erased, "subject"));
            }
            return new PersonalData(text(json, "idNumber"), text(json, "name"), text(json, "phone"),
                    text(json, "dataSubject"));
        }

        private static String text(JsonNode json, String field) {
            JsonNode value = json.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }
    }
}
