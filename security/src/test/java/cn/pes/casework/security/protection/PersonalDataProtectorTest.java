package cn.pes.casework.security.protection;

import cn.pes.casework.events.shared.PersonalData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sealing personal data with the subject's key, against a real key table in H2. */
class PersonalDataProtectorTest {

    private static final String CASE_ID = "019cac1c-e220-7b3e-9c41-5d2a6f8e0b17";
    private static final String OTHER_CASE_ID = "019cac1c-e220-7b3e-9c41-5d2a6f8e0b18";
    private static final PersonalData PERSON =
            new PersonalData("110105199003071239", "张三丰", "13812345678", CASE_ID);

    private final KeyStoreDatabase database = new KeyStoreDatabase();
    private final PersonalDataKeyStore keys = database.keyStore();
    private final PersonalDataProtector protector = new PersonalDataProtector(keys);

    @AfterEach
    void shutdown() {
        database.shutdown();
    }

    @Test
    void sealedDataOpensToTheSameValue() {
        SealedPersonalData sealed = protector.seal(PERSON);

        assertThat(sealed.subject()).isEqualTo(CASE_ID);
        assertThat(sealed.algorithm()).isEqualTo("A256GCM");
        assertThat(protector.open(sealed)).isEqualTo(PERSON);
        // A fresh store (another process) finds the same key in the table.
        assertThat(new PersonalDataProtector(database.keyStore()).open(sealed)).isEqualTo(PERSON);
    }

    @Test
    void sealedDataShowsNothingInClear() {
        SealedPersonalData sealed = protector.seal(PERSON);
        String decoded = new String(Base64.getDecoder().decode(sealed.data()), StandardCharsets.ISO_8859_1);

        assertThat(sealed.toString() + decoded)
                .doesNotContain("110105199003071239").doesNotContain("13812345678").doesNotContain("idNumber");
        // Random IVs: the same data never gives the same ciphertext twice.
        assertThat(protector.seal(PERSON).data()).isNotEqualTo(sealed.data());
    }

    @Test
    void phoneMayBeMissing() {
        PersonalData withoutPhone = new PersonalData("110105199003071239", "张三", null, CASE_ID);

        assertThat(protector.open(protector.seal(withoutPhone))).isEqualTo(withoutPhone);
    }

    @Test
    void tamperedCiphertextIsRejected() {
        SealedPersonalData sealed = protector.seal(PERSON);
        byte[] bytes = Base64.getDecoder().decode(sealed.data());
        bytes[bytes.length / 2] ^= 0x01;
        SealedPersonalData tampered = new SealedPersonalData(CASE_ID, sealed.algorithm(),
                Base64.getEncoder().encodeToString(bytes));

        assertThatThrownBy(() -> protector.open(tampered))
                .isInstanceOf(PersonalDataProtectionException.class)
                .hasMessageContaining("integrity")
                .message().doesNotContain("110105199003071239");
    }

    @Test
    void ciphertextMovedToAnotherSubjectIsRejected() {
        protector.seal(new PersonalData("110105198502021234", "李四", null, OTHER_CASE_ID));
        SealedPersonalData sealed = protector.seal(PERSON);

        assertThatThrownBy(() -> protector.open(new SealedPersonalData(OTHER_CASE_ID, sealed.algorithm(),
                sealed.data())))
                .isInstanceOf(PersonalDataProtectionException.class)
                .hasMessageContaining("integrity");
    }

    @Test
    void eachSubjectHasItsOwnKey() {
        protector.seal(PERSON);
        protector.seal(new PersonalData("110105198502021234", "李四", null, OTHER_CASE_ID));

        assertThat(database.jdbc.queryForList("SELECT wrapped_key FROM personal_data_key", String.class))
                .hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void destroyedKeyOpensAsErased() {
        SealedPersonalData sealed = protector.seal(PERSON);

        assertThat(keys.destroy(CASE_ID, "admin-1")).isTrue();

        assertThat(protector.open(sealed)).isEqualTo(PersonalData.erased(CASE_ID));
        assertThat(protector.open(sealed).erased()).isTrue();
        // Every other process too, once it asks the database.
        assertThat(new PersonalDataProtector(database.keyStore()).open(sealed)).isEqualTo(PersonalData.erased(CASE_ID));
        assertThat(database.jdbc.queryForMap("SELECT wrapped_key, destroyed_by FROM personal_data_key"))
                .containsEntry("WRAPPED_KEY", null).containsEntry("DESTROYED_BY", "admin-1");
    }

    @Test
    void erasedSubjectTakesNoNewData() {
        protector.seal(PERSON);
        keys.destroy(CASE_ID, "admin-1");

        assertThatThrownBy(() -> protector.seal(PERSON)).isInstanceOf(PersonalDataErasedException.class);
        assertThat(keys.destroy(CASE_ID, "admin-2")).as("destroyed once only").isFalse();
    }

    @Test
    void subjectWithoutDataCanBeErasedAndThenTakesNone() {
        assertThat(keys.destroy(OTHER_CASE_ID, "admin-1")).isTrue();

        assertThat(protector.isErased(OTHER_CASE_ID)).isTrue();
        assertThatThrownBy(() -> protector.seal(PERSON.withDataSubject(OTHER_CASE_ID)))
                .isInstanceOf(PersonalDataErasedException.class);
    }

    @Test
    void dataOfAnUnknownSubjectIsAnErrorNotAnErasure() {
        SealedPersonalData sealed = protector.seal(PERSON);
        KeyStoreDatabase otherDatabase = new KeyStoreDatabase();
        try {
            assertThatThrownBy(() -> new PersonalDataProtector(otherDatabase.keyStore()).open(sealed))
                    .isInstanceOf(PersonalDataProtectionException.class)
                    .hasMessageContaining("no personal data key");
        } finally {
            otherDatabase.shutdown();
        }
    }

    @Test
    void wrongMasterKeyCannotUnwrap() {
        SealedPersonalData sealed = protector.seal(PERSON);
        String otherMasterKey = Base64.getEncoder().encodeToString(new byte[32]);

        assertThatThrownBy(() -> new PersonalDataProtector(new PersonalDataKeyStore(database.jdbc, otherMasterKey,
                KeyStoreDatabase.CLOCK)).open(sealed))
                .isInstanceOf(PersonalDataProtectionException.class)
                .hasMessageContaining("master-key");
    }

    @Test
    void masterKeyMustBe32Bytes() {
        assertThatThrownBy(() -> new PersonalDataKeyStore(database.jdbc, Base64.getEncoder().encodeToString(new byte[16]),
                KeyStoreDatabase.CLOCK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes, was 16");
        assertThatThrownBy(() -> new PersonalDataKeyStore(database.jdbc, "not base64!", KeyStoreDatabase.CLOCK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not base64");
    }

    @Test
    void keysAreStoredWrappedNeverInPlain() {
        protector.seal(PERSON);

        String wrapped = database.jdbc.queryForObject("SELECT wrapped_key FROM personal_data_key", String.class);
        assertThat(wrapped).startsWith("1:");
        // 12-byte IV, 32-byte key, 16-byte tag.
        assertThat(Base64.getDecoder().decode(wrapped.substring(2))).hasSize(60);
    }

    @Test
    void commandDataWithoutSubjectCannotBeSealed() {
        assertThatThrownBy(() -> protector.seal(new PersonalData("110105199003071239", "张三", null)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
