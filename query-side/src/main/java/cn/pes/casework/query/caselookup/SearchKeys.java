package cn.pes.casework.query.caselookup;

import cn.pes.casework.security.protection.BlindIndex;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How search input and stored person data are brought to the same key: normalised, then hashed
 * with the blind index key, so that the lookup collections never hold a plain ID number or name.
 */
public final class SearchKeys {

    private SearchKeys() {
    }

    /** ID numbers are compared without surrounding blanks and with an upper-case check digit X. */
    public static String idNumber(String idNumber) {
        if (idNumber == null) {
            return null;
        }
        String key = idNumber.strip().toUpperCase(Locale.ROOT);
        return key.isEmpty() ? null : key;
    }

    /**
     * Names are compared exactly but without any whitespace (also the ideographic space U+3000 that
     * Chinese input methods produce), after NFKC so that full-width and half-width forms agree.
     */
    public static String name(String name) {
        if (name == null) {
            return null;
        }
        String normalized = Normalizer.normalize(name, Normalizer.Form.NFKC);
        StringBuilder key = new StringBuilder(normalized.length());
        normalized.codePoints()
                  .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                  .forEach(key::appendCodePoint);
        return key.isEmpty() ? null : key.toString();
    }

    /** The lookup key of an ID number: the blind index of its normalised form; null for blank input. */
    public static String idNumberKey(BlindIndex blindIndex, String idNumber) {
        String normalised = idNumber(idNumber);
        return normalised == null ? null : blindIndex.ofIdNumber(normalised);
    }

    /** The lookup key of a name: the blind index of its normalised form; null for blank input. */
    public static String nameKey(BlindIndex blindIndex, String name) {
        String normalised = name(name);
        return normalised == null ? null : blindIndex.ofName(normalised);
    }
}
