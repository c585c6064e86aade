package cn.pes.casework.security.protection;

import cn.pes.casework.events.registration.CaseOpened;
import cn.pes.casework.events.registration.PersonalDetailsUpdated;
import cn.pes.casework.events.registration.RegisterUnemploymentCommand;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.events.shared.Sex;
import cn.pes.casework.security.web.PersonalDataMaskingModule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The stored JSON form of personal data, through the serializer Axon uses for events and snapshots. */
class PersonalDataJsonModuleTest {

    private static final String CASE_ID = "019cac1c-e220-7b3e-9c41-5d2a6f8e0b17";
    private static final String ID_NUMBER = "110105199003071239";
    private static final String NAME = "张三丰";
    private static final String PHONE = "13812345678";

    private final KeyStoreDatabase database = new KeyStoreDatabase();
    private final PersonalDataKeyStore keys = database.keyStore();
    private final AxonSerializerConfiguration configuration = new AxonSerializerConfiguration();
    private final AxonSerializerConfiguration.AxonJson json =
            configuration.axonJson(List.of(new PersonalDataSealing(new PersonalDataProtector(keys))));
    private final Serializer events = configuration.eventSerializer(json);

    @AfterEach
    void shutdown() {
        database.shutdown();
    }

    private CaseOpened opened(PersonalData person) {
        return new CaseOpened(CASE_ID, person, LocalDate.of(1990, 3, 7), Sex.MALE, "990101001");
    }

    private String store(Object event) {
        return events.serialize(event, String.class).getData();
    }

    private <T> T read(String stored, Class<T> type) {
        SerializedObject<String> serialized = new SimpleSerializedObject<>(stored, String.class,
                new SimpleSerializedType(type.getName(), "1"));
        return events.deserialize(serialized);
    }

    @Test
    void revisionOneFixtureWithPlainPersonalDataStillReads() throws IOException {
        Path fixture = moduleDir().resolve("../shared-events/src/test/resources/events/CaseOpened.v1.json");
        String stored = Files.readString(fixture, StandardCharsets.UTF_8);

        CaseOpened event = read(stored, CaseOpened.class);

        assertThat(event.person()).isEqualTo(new PersonalData(ID_NUMBER, "张三", PHONE));
        assertThat(event.caseId()).isEqualTo(CASE_ID);
    }

    @Test
    void personalDataOfACaseIsStoredSealed() throws IOException {
        String stored = store(opened(new PersonalData(ID_NUMBER, NAME, PHONE, CASE_ID)));

        assertThat(stored).doesNotContain(ID_NUMBER).doesNotContain(NAME).doesNotContain(PHONE)
                .doesNotContain("19900307").doesNotContain("idNumber");
        JsonNode person = new ObjectMapper().readTree(stored).get("person");
        assertThat(person.fieldNames()).toIterable().containsExactly("sealed");
        assertThat(person.get("sealed").get("subject").asText()).isEqualTo(CASE_ID);
        assertThat(person.get("sealed").get("alg").asText()).isEqualTo("A256GCM");
        // What stays readable is what statistics need.
        assertThat(stored).contains("\"birthDate\":\"1990-03-07\"").contains("\"sex\":\"MALE\"");
    }

    @Test
    void sealedFormReadsBackToTheSameEvent() {
        CaseOpened event = opened(new PersonalData(ID_NUMBER, NAME, null, CASE_ID));

        assertThat(read(store(event), CaseOpened.class)).isEqualTo(event);
    }

    @Test
    void afterTheKeyIsDestroyedEveryStoredCopyReadsAsErased() {
        String opened = store(opened(new PersonalData(ID_NUMBER, NAME, PHONE, CASE_ID)));
        String updated = store(new PersonalDetailsUpdated(CASE_ID, new PersonalData(ID_NUMBER, NAME, "13900001111", CASE_ID)));

        keys.destroy(CASE_ID, "admin-1");

        CaseOpened event = read(opened, CaseOpened.class);
        assertThat(event.person()).isEqualTo(PersonalData.erased(CASE_ID));
        assertThat(event.birthDate()).isEqualTo(LocalDate.of(1990, 3, 7));
        assertThat(read(updated, PersonalDetailsUpdated.class).person().erased()).isTrue();
    }

    @Test
    void erasedPersonalDataIsStoredAsErased() throws IOException {
        String stored = store(opened(PersonalData.erased(CASE_ID)));

        assertThat(new ObjectMapper().readTree(stored).get("person").toString())
                .isEqualTo("{\"erased\":{\"subject\":\"" + CASE_ID + "\"}}");
        assertThat(read(stored, CaseOpened.class).person()).isEqualTo(PersonalData.erased(CASE_ID));
    }

    @Test
    void commandsWithoutASubjectStayPlain() {
        RegisterUnemploymentCommand command = new RegisterUnemploymentCommand("case-1",
                new PersonalData(ID_NUMBER, NAME, PHONE), LocalDate.of(2026, 3, 2), null, null, null, null, null, null);

        String stored = events.serialize(command, String.class).getData();

        assertThat(stored).contains("\"person\":{\"idNumber\":\"" + ID_NUMBER + "\",\"name\":\"" + NAME + "\"");
        assertThat(read(stored, RegisterUnemploymentCommand.class)).isEqualTo(command);
        assertThat(database.jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_key", Integer.class)).isZero();
    }

    @Test
    void theWebShowsErasedDataAsErased() throws IOException {
        ObjectMapper web = new ObjectMapper().registerModule(new PersonalDataMaskingModule());

        assertThat(web.writeValueAsString(PersonalData.erased(CASE_ID))).isEqualTo("{\"erased\":true}");
        assertThat(web.writeValueAsString(new PersonalData(ID_NUMBER, NAME, PHONE, CASE_ID)))
                .isEqualTo("{\"idNumber\":\"1101**********1239\",\"name\":\"张**\",\"phone\":\"138****5678\","
                        + "\"masked\":true}");
    }

    private static Path moduleDir() {
        String basedir = System.getProperty("basedir");
        return basedir != null ? Path.of(basedir) : Path.of("").toAbsolutePath();
    }
}
