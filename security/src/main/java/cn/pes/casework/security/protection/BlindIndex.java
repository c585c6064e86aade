package cn.pes.casework.security.protection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keyed hash (HMAC-SHA256, a blind index) of a resident ID number or a name, for lookups such as "one active
 * registration per person" (REG-6) without storing the plain number in lookup tables. A plain hash
 * would not do: the space of valid ID numbers is small enough to hash exhaustively, so only someone
 * holding the key can link a hash to a number.
 *
 * <p>The key comes from {@code pes.security.blind-index-key} (UTF-8, at least 16 bytes). When it is
 * not set, {@link #DEVELOPMENT_KEY} is used: it is public in this source code and meant <b>only for
 * the embedded profile</b> (local development and demos); every other deployment must set its own
 * secret key. Changing the key changes every hash, so existing lookup tables must be rebuilt.
 */
@Component
public class BlindIndex {

    /** Fixed key for the embedded profile only; never use it where real personal data is stored. */
    public static final String DEVELOPMENT_KEY = "pes-embedded-profile-development-blind-index-key";

    static final int MINIMUM_KEY_BYTES = 16;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Logger log = LoggerFactory.getLogger(BlindIndex.class);

    private final SecretKeySpec key;

    /**
     * @throws IllegalArgumentException if the key is shorter than 16 bytes (a weak key defeats the purpose)
     */
    public BlindIndex(@Value("${pes.security.blind-index-key:" + DEVELOPMENT_KEY + "}") String key) {
        byte[] bytes = key == null ? new byte[0] : key.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MINIMUM_KEY_BYTES) {
            // The key itself is never put in the message.
            throw new IllegalArgumentException("pes.security.blind-index-key must be at least "
                    + MINIMUM_KEY_BYTES + " bytes, was " + bytes.length);
        }
        if (DEVELOPMENT_KEY.equals(key)) {
            log.warn("Blind index uses the public development key: acceptable for the embedded profile only; "
                    + "set pes.security.blind-index-key everywhere else");
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
        newMac(); // fail at startup rather than on the first registration if HMAC-SHA256 is unavailable
    }

    /**
     * Lowercase hex HMAC-SHA256 of a normalised ID number (upper-case check character; 64 characters).
     * Normalising is the caller's job: the same person must always give the same input.
     */
    public String ofIdNumber(String normalisedIdNumber) {
        return hash(normalisedIdNumber);
    }

    /**
     * Keyed hash of a normalised name. Prefixed so that a name can never collide with an ID number
     * in a table that holds both kinds of keys.
     */
    public String ofName(String normalisedName) {
        return hash("name:" + normalisedName);
    }

    /**
     * Keyed hash of a normalised certificate number, prefixed like {@link #ofName} so that it never
     * collides with the other kinds of keys.
     */
    public String ofCertificateNumber(String normalisedCertificateNumber) {
        return hash("certificate:" + normalisedCertificateNumber);
    }

    private String hash(String value) {
        // Mac is not thread-safe; a fresh instance per call is cheap next to a command's other work.
        return HexFormat.of().formatHex(newMac().doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
