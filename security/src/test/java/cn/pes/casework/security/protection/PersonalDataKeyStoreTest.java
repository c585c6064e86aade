package cn.pes.casework.security.protection;

import cn.pes.casework.events.shared.PersonalData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keys in the database's transactions and in the in-memory cache of each process. */
class PersonalDataKeyStoreTest {

    private static final String CASE_ID = "019cac1c-e220-7b3e-9c41-5d2a6f8e0b17";
    private static final PersonalData PERSON = new PersonalData("110105199003071239", "张三", "13812345678", CASE_ID);

    private final KeyStoreDatabase database = new KeyStoreDatabase();
    private final TransactionTemplate transaction =
            new TransactionTemplate(new DataSourceTransactionManager(database.dataSource));

    @AfterEach
    void shutdown() {
        database.shutdown();
    }

    private int keyRows() {
        return database.jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_key", Integer.class);
    }

    @Test
    void keyCreatedInARolledBackTransactionIsForgottenWithIt() {
        PersonalDataProtector protector = new PersonalDataProtector(database.keyStore());

        SealedPersonalData lost = transaction.execute(status -> {
            SealedPersonalData sealed = protector.seal(PERSON);
            assertThat(protector.open(sealed)).as("usable inside its transaction").isEqualTo(PERSON);
            status.setRollbackOnly();
            return sealed;
        });

        assertThat(keyRows()).isZero();
        // Had the cache kept the rolled-back key, new data would be sealed with a key no database has.
        SealedPersonalData sealed = protector.seal(PERSON);
        assertThat(new PersonalDataProtector(database.keyStore()).open(sealed)).isEqualTo(PERSON);
        assertThatThrownBy(() -> protector.open(lost)).isInstanceOf(PersonalDataProtectionException.class);
    }

    @Test
    void destructionRolledBackLeavesTheKeyUsable() {
        PersonalDataKeyStore keys = database.keyStore();
        PersonalDataProtector protector = new PersonalDataProtector(keys);
        SealedPersonalData sealed = protector.seal(PERSON);

        transaction.executeWithoutResult(status -> {
            keys.destroy(CASE_ID, "admin-1");
            assertThat(protector.open(sealed).erased()).as("erased inside its transaction").isTrue();
            status.setRollbackOnly();
        });

        assertThat(protector.open(sealed)).isEqualTo(PERSON);
    }

    @Test
    void destructionCommittedErasesAtOnceInThisProcess() {
        PersonalDataKeyStore keys = database.keyStore();
        PersonalDataProtector protector = new PersonalDataProtector(keys);
        SealedPersonalData sealed = protector.seal(PERSON);
        assertThat(protector.open(sealed)).isEqualTo(PERSON); // now cached

        transaction.executeWithoutResult(status -> keys.destroy(CASE_ID, "admin-1"));

        assertThat(protector.open(sealed).erased()).isTrue();
    }

    @Test
    void anotherProcessSeesTheDestructionWhenItsCacheEntryExpires() {
        AtomicLong now = new AtomicLong();
        PersonalDataProtector otherNode = new PersonalDataProtector(
                new PersonalDataKeyStore(database.jdbc, null, KeyStoreDatabase.CLOCK, now::get));
        PersonalDataKeyStore keys = database.keyStore();
        SealedPersonalData sealed = new PersonalDataProtector(keys).seal(PERSON);
        assertThat(otherNode.open(sealed)).isEqualTo(PERSON);

        keys.destroy(CASE_ID, "admin-1");

        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(otherNode.open(sealed)).as("still cached").isEqualTo(PERSON);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(otherNode.open(sealed).erased()).isTrue();
        assertThat(PersonalDataKeyStore.CACHE_TTL).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void twoStoresCreatingTheSameSubjectsKeyAgreeOnOne() {
        PersonalDataProtector first = new PersonalDataProtector(database.keyStore());
        PersonalDataProtector second = new PersonalDataProtector(database.keyStore());

        SealedPersonalData a = first.seal(PERSON);
        SealedPersonalData b = second.seal(PERSON);

        assertThat(keyRows()).isOne();
        assertThat(second.open(a)).isEqualTo(PERSON);
        assertThat(first.open(b)).isEqualTo(PERSON);
    }

    @Test
    void aDuplicateInsertFailsOnlyToItsSavepointAndTheTransactionCarriesOn() {
        PersonalDataKeyStore keys = database.keyStore();
        PersonalDataProtector protector = new PersonalDataProtector(keys);
        SealedPersonalData winner = new PersonalDataProtector(database.keyStore()).seal(PERSON);

        // The duplicate insert fails only to its savepoint: the transaction carries on.
        transaction.executeWithoutResult(status -> {
            keys.destroy("other-subject", "admin-1");
            assertThat(keys.destroy("other-subject", "admin-1")).isFalse();
            assertThat(protector.open(winner)).isEqualTo(PERSON);
        });
        assertThat(keyRows()).isEqualTo(2);
    }

    private static PersonalData person(int n) {
        return new PersonalData("110105199003071239", "张三", "13812345678", CASE_ID + "-" + n);
    }

    @Test
    void prefetchedKeysOpenWithoutAskingTheDatabaseAgain() {
        PersonalDataProtector sealing = new PersonalDataProtector(database.keyStore());
        List<SealedPersonalData> sealed = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            sealed.add(sealing.seal(person(n)));
        }
        database.keyStore().destroy(CASE_ID + "-2", "admin-1");
        PersonalDataKeyStore keys = database.keyStore();
        PersonalDataProtector reading = new PersonalDataProtector(keys);

        keys.prefetch(List.of(CASE_ID + "-0", CASE_ID + "-1", CASE_ID + "-2", "never-sealed", CASE_ID + "-0"));
        database.jdbc.update("DELETE FROM personal_data_key");

        assertThat(reading.open(sealed.get(0))).isEqualTo(person(0));
        assertThat(reading.open(sealed.get(1))).isEqualTo(person(1));
        assertThat(reading.open(sealed.get(2)).erased()).as("a destroyed key is cached as destroyed").isTrue();
        assertThatThrownBy(() -> keys.keyForOpening("never-sealed"))
                .as("a subject without a key is not cached").isInstanceOf(PersonalDataProtectionException.class);
    }

    @Test
    void prefetchReadsLongListsInChunks() {
        PersonalDataProtector sealing = new PersonalDataProtector(database.keyStore());
        int count = PersonalDataKeyStore.PREFETCH_CHUNK * 2 + 7;
        List<String> subjects = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            sealing.seal(person(n));
            subjects.add(CASE_ID + "-" + n);
        }
        PersonalDataKeyStore keys = database.keyStore();

        keys.prefetch(subjects);
        database.jdbc.update("DELETE FROM personal_data_key");

        assertThat(subjects).allSatisfy(subject -> assertThat(keys.keyForOpening(subject)).isPresent());
    }

    @Test
    void theCacheKeepsAtMostItsConfiguredNumberOfSubjects() {
        PersonalDataProtector sealing = new PersonalDataProtector(database.keyStore());
        SealedPersonalData first = sealing.seal(person(0));
        SealedPersonalData second = sealing.seal(person(1));
        PersonalDataKeyStore keys = new PersonalDataKeyStore(database.jdbc, null, KeyStoreDatabase.CLOCK, System::nanoTime, 1);

        keys.prefetch(List.of(CASE_ID + "-0", CASE_ID + "-1"));
        database.jdbc.update("DELETE FROM personal_data_key");

        PersonalDataProtector reading = new PersonalDataProtector(keys);
        assertThat(reading.open(second)).isEqualTo(person(1));
        assertThatThrownBy(() -> reading.open(first)).as("evicted, and no longer in the database")
                .isInstanceOf(PersonalDataProtectionException.class);
        assertThatThrownBy(() -> new PersonalDataKeyStore(database.jdbc, null, KeyStoreDatabase.CLOCK, System::nanoTime, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
