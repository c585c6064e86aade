package cn.pes.casework.security.protection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The data keys of personal data, one random AES-256 key per data subject (the case ID), in table
 * {@code personal_data_key} of the event store's database. Destroying a subject's key is the
 * erasure (crypto-shredding): every copy of their personal data, wherever it was stored, becomes
 * unreadable at once.
 *
 * <p>Keys are stored wrapped (AES-GCM, the subject as associated data) by the master key
 * {@code pes.security.personal-data-master-key} (base64 of 32 bytes). When it is not set,
 * {@link #DEVELOPMENT_MASTER_KEY} is used: it is public in this source code and meant <b>only for
 * the embedded profile</b>; every other deployment must set its own secret master key, kept out of
 * the database it protects. Changing it makes every stored key unreadable: rotate by re-wrapping.
 *
 * <p>A key is created on first use for a subject, in the transaction that stores the first data
 * sealed with it, so a rolled-back registration leaves neither data nor key. Unwrapped keys are
 * cached in memory for {@link #CACHE_TTL} (60 seconds) each, at most
 * {@code pes.security.personal-data-keys.cache-size} subjects (default {@value #CACHE_SIZE}, about
 * 300 bytes each: a city's caseload, so that a list of thousands of people or a replay does not ask
 * the database once per person). Lists read many keys at once with {@link #prefetch}.
 * Destroying a key evicts it from this process's cache at once and again when the transaction
 * ends; <b>other processes</b> (other command-side or query-side nodes) keep using a cached key
 * until its entry expires, so there the data stays readable for up to 60 seconds after the erasure.
 * A key created or destroyed in a running transaction is never cached before that transaction ends,
 * so a rollback cannot leave a key in the cache that the database does not have.
 */
@Component
public class PersonalDataKeyStore {

    /** Fixed master key for the embedded profile only; never use it where real personal data is stored. */
    public static final String DEVELOPMENT_MASTER_KEY = "cGVzLWVtYmVkZGVkLWRldmVsb3BtZW50LW9ubHktISE=";
    /** Subjects whose state is cached at most, unless configured: 250,000 entries, about 75 MB. */
    public static final int CACHE_SIZE = 250_000;
    /** Subjects per query of {@link #prefetch}: keeps the statement's parameter list reasonable. */
    static final int PREFETCH_CHUNK = 500;
    /** How long a cached key (or the knowledge that it is destroyed) is trusted without asking the database. */
    public static final Duration CACHE_TTL = Duration.ofSeconds(60);

    static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String CIPHER = "AES/GCM/NoPadding";
    /** Prefix of the stored wrapped key: the wrapping scheme's version, so that a later one can coexist. */
    private static final String WRAP_VERSION = "1:";
    private static final String WRAP_CONTEXT = "pes-personal-data-key/v1:";
    private static final String DUPLICATE_KEY = "23505";
    private static final Logger log = LoggerFactory.getLogger(PersonalDataKeyStore.class);

    private final JdbcTemplate jdbc;
    private final SecretKey masterKey;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final KeyCache cache;

    @Autowired
    public PersonalDataKeyStore(JdbcTemplate jdbc, PersonalDataKeySchema schema, Clock clock,
                                @Value("${pes.security.personal-data-master-key:}") String masterKey,
                                @Value("${pes.security.personal-data-keys.cache-size:" + CACHE_SIZE + "}") int cacheSize) {
        this(jdbc, masterKey, clock, System::nanoTime, cacheSize);
    }

    /**
     * @param masterKey base64 of 32 bytes; blank for {@link #DEVELOPMENT_MASTER_KEY}
     * @throws IllegalArgumentException if the master key is not base64 of 32 bytes
     */
    public PersonalDataKeyStore(JdbcTemplate jdbc, String masterKey, Clock clock) {
        this(jdbc, masterKey, clock, System::nanoTime);
    }

    PersonalDataKeyStore(JdbcTemplate jdbc, String masterKey, Clock clock, LongSupplier nanoTime) {
        this(jdbc, masterKey, clock, nanoTime, CACHE_SIZE);
    }

    PersonalDataKeyStore(JdbcTemplate jdbc, String masterKey, Clock clock, LongSupplier nanoTime, int cacheSize) {
        if (cacheSize < 1) {
            throw new IllegalArgumentException("pes.security.personal-data-keys.cache-size must be at least 1");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.masterKey = masterKey(masterKey);
        this.cache = new KeyCache(nanoTime, cacheSize);
    }

    private static SecretKey masterKey(String configured) {
        String base64 = configured == null || configured.isBlank() ? DEVELOPMENT_MASTER_KEY : configured.strip();
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            // The key itself is never put in the message.
            throw new IllegalArgumentException("pes.security.personal-data-master-key must be base64 of "
                    + KEY_BYTES + " bytes; it is not base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("pes.security.personal-data-master-key must be base64 of "
                    + KEY_BYTES + " bytes, was " + bytes.length);
        }
        if (DEVELOPMENT_MASTER_KEY.equals(base64)) {
            log.warn("Personal data keys are wrapped with the public development master key: acceptable for the "
                    + "embedded profile only; set pes.security.personal-data-master-key everywhere else");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /**
     * The subject's key for opening data sealed with it.
     *
     * @return empty if the key has been destroyed (the data is erased)
     * @throws PersonalDataProtectionException if the subject never had a key (data from another
     *                                         database, or a wrong master key)
     */
    public Optional<SecretKey> keyForOpening(String subject) {
        KeyState state = state(subject);
        return switch (state.status()) {
            case ACTIVE -> Optional.of(state.key());
            case DESTROYED -> Optional.empty();
            case ABSENT -> throw new PersonalDataProtectionException("no personal data key for " + subject);
        };
    }

    /**
     * The subject's key for sealing new data, created on first use.
     *
     * @throws PersonalDataErasedException if the subject's key has been destroyed
     */
    public SecretKey keyForSealing(String subject) {
        KeyState state = state(subject);
        if (state.status() == Status.ABSENT) {
            touchedInThisTransaction(subject);
            byte[] key = new byte[KEY_BYTES];
            random.nextBytes(key);
            // A concurrent writer may have created one first: whichever row is stored is the key.
            insertIfAbsent(subject, wrap(subject, key), null);
            state = state(subject);
        }
        return switch (state.status()) {
            case ACTIVE -> state.key();
            case DESTROYED -> throw new PersonalDataErasedException(subject);
            case ABSENT -> throw new PersonalDataProtectionException("could not create a personal data key for "
                    + subject);
        };
    }

    /**
     * Destroys the subject's key: their personal data is unreadable from the commit of the current
     * transaction on. A subject without a key gets a destroyed one, so none can be created later.
     *
     * @param destroyedBy the officer who decided it
     * @return false if the key had already been destroyed
     */
    public boolean destroy(String subject, String destroyedBy) {
        touchedInThisTransaction(subject);
        cache.evict(subject);
        Timestamp now = Timestamp.from(clock.instant());
        int destroyed = jdbc.update("UPDATE personal_data_key SET wrapped_key = NULL, destroyed_at = ?, destroyed_by = ?"
                + " WHERE subject_id = ? AND wrapped_key IS NOT NULL", now, destroyedBy, subject);
        if (destroyed > 0) {
            return true;
        }
        return insertIfAbsent(subject, null, destroyedBy);
    }

    /**
     * Brings the keys of many subjects into the cache with one query per {@value #PREFETCH_CHUNK}
     * subjects, so that opening a list of people costs a few round trips instead of one per person.
     * Subjects already cached, without a key, or whose key the running transaction creates or
     * destroys are left to {@link #keyForOpening} as before.
     */
    public void prefetch(Collection<String> subjects) {
        List<String> missing = subjects.stream()
                                       .filter(subject -> subject != null && !subject.isBlank())
                                       .distinct()
                                       .filter(subject -> cache.get(subject) == null)
                                       .toList();
        for (int from = 0; from < missing.size(); from += PREFETCH_CHUNK) {
            List<String> chunk = missing.subList(from, Math.min(missing.size(), from + PREFETCH_CHUNK));
            String placeholders = String.join(",", Collections.nCopies(chunk.size(), "?"));
            jdbc.query("SELECT subject_id, wrapped_key FROM personal_data_key WHERE subject_id IN (" + placeholders + ")",
                       (RowCallbackHandler) row -> {
                           String subject = row.getString(1);
                           String wrapped = row.getString(2);
                           if (!touchedInRunningTransaction(subject)) {
                               cache.put(subject, wrapped == null ? new KeyState(Status.DESTROYED, null)
                                       : new KeyState(Status.ACTIVE, new SecretKeySpec(unwrap(subject, wrapped), "AES")));
                           }
                       }, chunk.toArray());
        }
    }

    /** Whether the subject's key has been destroyed; a subject without a key has not been erased. */
    public boolean isDestroyed(String subject) {
        return state(subject).status() == Status.DESTROYED;
    }

    private KeyState state(String subject) {
        if (subject == null || subject.isBlank()) {
            throw new PersonalDataProtectionException("personal data without a data subject");
        }
        KeyState cached = cache.get(subject);
        if (cached != null) {
            return cached;
        }
        List<String[]> rows = jdbc.query("SELECT wrapped_key, destroyed_at FROM personal_data_key WHERE subject_id = ?",
                (row, number) -> new String[] {row.getString(1), row.getString(2)}, subject);
        KeyState state;
        if (rows.isEmpty()) {
            return new KeyState(Status.ABSENT, null);
        } else if (rows.get(0)[0] == null) {
            state = new KeyState(Status.DESTROYED, null);
        } else {
            state = new KeyState(Status.ACTIVE, new SecretKeySpec(unwrap(subject, rows.get(0)[0]), "AES"));
        }
        if (!touchedInRunningTransaction(subject)) {
            cache.put(subject, state);
        }
        return state;
    }

    /** @return whether this call inserted the row */
    private boolean insertIfAbsent(String subject, String wrappedKey, String destroyedBy) {
        Timestamp now = Timestamp.from(clock.instant());
        Boolean inserted = jdbc.execute((ConnectionCallback<Boolean>) connection -> {
            // In PostgreSQL a failed statement aborts the whole transaction: fail only to a savepoint.
            Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO personal_data_key"
                    + " (subject_id, wrapped_key, created_at, destroyed_at, destroyed_by) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, subject);
                insert.setString(2, wrappedKey);
                insert.setTimestamp(3, now);
                insert.setTimestamp(4, wrappedKey == null ? now : null);
                insert.setString(5, destroyedBy);
                insert.executeUpdate();
                if (savepoint != null) {
                    connection.releaseSavepoint(savepoint);
                }
                return true;
            } catch (SQLException e) {
                if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                    throw e;
                }
                if (savepoint != null) {
                    connection.rollback(savepoint);
                }
                return false;
            }
        });
        return Boolean.TRUE.equals(inserted);
    }

    private String wrap(String subject, byte[] key) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, masterKey, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD((WRAP_CONTEXT + subject).getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(key);
            return WRAP_VERSION + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new PersonalDataProtectionException("could not wrap the personal data key of " + subject, e);
        }
    }

    private byte[] unwrap(String subject, String wrapped) {
        if (!wrapped.startsWith(WRAP_VERSION)) {
            throw new PersonalDataProtectionException("unknown wrapping of the personal data key of " + subject);
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(wrapped.substring(WRAP_VERSION.length()));
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, masterKey, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD((WRAP_CONTEXT + subject).getBytes(StandardCharsets.UTF_8));
            byte[] key = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
            if (key.length != KEY_BYTES) {
                throw new PersonalDataProtectionException("malformed personal data key of " + subject);
            }
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new PersonalDataProtectionException("cannot unwrap the personal data key of " + subject
                    + " (wrong pes.security.personal-data-master-key?)", e);
        }
    }

    // ------------------------------------------------------------------ transaction awareness

    /**
     * Remembers, for the running transaction, a subject whose key it creates or destroys: its state
     * must not reach the cache before the transaction ends, and leaves the cache when it does.
     */
    private void touchedInThisTransaction(String subject) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> touched = (Set<String>) TransactionSynchronizationManager.getResource(this);
        if (touched == null) {
            Set<String> subjects = new HashSet<>();
            TransactionSynchronizationManager.bindResource(this, subjects);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PersonalDataKeyStore.this);
                    // Another thread may have cached the state from before this transaction meanwhile.
                    subjects.forEach(cache::evict);
                }
            });
            touched = subjects;
        }
        touched.add(subject);
    }

    private boolean touchedInRunningTransaction(String subject) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return false;
        }
        Object touched = TransactionSynchronizationManager.getResource(this);
        return touched instanceof Set<?> subjects && subjects.contains(subject);
    }

    // ------------------------------------------------------------------ cache

    enum Status { ACTIVE, DESTROYED, ABSENT }

    record KeyState(Status status, SecretKey key) {
    }

    /** Least recently used first out, every entry expiring {@link #CACHE_TTL} after it was loaded. */
    private static final class KeyCache {

        private final LongSupplier nanoTime;
        private final Map<String, Entry> entries;

        private KeyCache(LongSupplier nanoTime, int capacity) {
            this.nanoTime = nanoTime;
            this.entries = new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                    return size() > capacity;
                }
            };
        }

        synchronized KeyState get(String subject) {
            Entry entry = entries.get(subject);
            if (entry == null) {
                return null;
            }
            if (nanoTime.getAsLong() - entry.loadedAt() >= CACHE_TTL.toNanos()) {
                entries.remove(subject);
                return null;
            }
            return entry.state();
        }

        synchronized void put(String subject, KeyState state) {
            entries.put(subject, new Entry(state, nanoTime.getAsLong()));
        }

        synchronized void evict(String subject) {
            entries.remove(subject);
        }

        private record Entry(KeyState state, long loadedAt) {
        }
    }
}
