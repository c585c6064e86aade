package cn.pes.casework.security.protection;

import cn.pes.casework.events.shared.PersonalData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
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
}
