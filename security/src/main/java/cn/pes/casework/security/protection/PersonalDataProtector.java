package cn.pes.casework.security.protection;

import cn.pes.casework.events.shared.PersonalData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;

/**
 * Seals personal data with its data subject's key and opens it again: the one place that turns
 * {@link PersonalData} into ciphertext and back, for events and snapshots (through
 * {@link PersonalDataJsonModule}) and for read models alike. Once the subject's key is destroyed,
 * opening gives {@link PersonalData#erased(String)}, never an exception.
 */
@Component
public class PersonalDataProtector {

    /** AES-256 in GCM mode, 96-bit random IV, 128-bit tag (the JOSE name). */
    public static final String ALGORITHM = "A256GCM";

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final String CONTEXT = "pes-personal-data/v1:";
    private static final ObjectMapper PLAINTEXT = new ObjectMapper();

    private final PersonalDataKeyStore keys;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataProtector(PersonalDataKeyStore keys) {
        this.keys = keys;
    }

    /**
     * @param person personal data bound to a subject, not erased
     * @throws PersonalDataErasedException if the subject's key has been destroyed
     */
    public SealedPersonalData seal(PersonalData person) {
        if (person.dataSubject() == null || person.erased()) {
            throw new IllegalArgumentException("only personal data bound to a data subject can be sealed, and erased"
                    + " data has nothing to seal");
        }
        String subject = person.dataSubject();
        SecretKey key = keys.keyForSealing(subject);
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(subject));
            byte[] sealed = cipher.doFinal(plaintext(person));
            String data = Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
            return new SealedPersonalData(subject, ALGORITHM, data);
        } catch (GeneralSecurityException e) {
            throw new PersonalDataProtectionException("could not seal the personal data of " + subject, e);
        }
    }

    /**
     * @return the personal data bound to its subject, or {@link PersonalData#erased(String)} once the
     *         subject's key is destroyed
     * @throws PersonalDataProtectionException if the ciphertext was altered or belongs to another subject
     */
    public PersonalData open(SealedPersonalData sealed) {
        String subject = sealed.subject();
        if (!ALGORITHM.equals(sealed.algorithm())) {
            throw new PersonalDataProtectionException("unknown algorithm for the personal data of " + subject);
        }
        Optional<SecretKey> key = keys.keyForOpening(subject);
        if (key.isEmpty()) {
            return PersonalData.erased(subject);
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.data());
            if (bytes.length < IV_BYTES + TAG_BITS / 8) {
                throw new PersonalDataProtectionException("truncated personal data of " + subject);
            }
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(associatedData(subject));
            return fromPlaintext(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), subject);
        } catch (AEADBadTagException e) {
            // Deliberately without the cause's details: nothing about the content leaves this method.
            throw new PersonalDataProtectionException("the personal data of " + subject
                    + " fails its integrity check: altered, or sealed for another subject");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new PersonalDataProtectionException("cannot open the personal data of " + subject, e);
        }
    }

    /** Readies the keys of many subjects at once, before a list of their data is opened. */
    public void prefetchKeys(Collection<String> subjects) {
        keys.prefetch(subjects);
    }

    /** Whether the subject's data has been erased (its key destroyed). */
    public boolean isErased(String subject) {
        return keys.isDestroyed(subject);
    }

    private static byte[] associatedData(String subject) {
        return (CONTEXT + subject).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] plaintext(PersonalData person) {
        ObjectNode json = PLAINTEXT.createObjectNode();
        json.put("idNumber", person.idNumber());
        json.put("name", person.name());
        if (person.phone() != null) {
            json.put("phone", person.phone());
        }
        try {
            return PLAINTEXT.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new PersonalDataProtectionException("could not encode personal data", e);
        }
    }

    private static PersonalData fromPlaintext(byte[] plaintext, String subject) {
        try {
            JsonNode json = PLAINTEXT.readTree(plaintext);
            return new PersonalData(text(json, "idNumber"), text(json, "name"), text(json, "phone"), subject);
        } catch (IOException e) {
            throw new PersonalDataProtectionException("malformed personal data of " + subject);
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
