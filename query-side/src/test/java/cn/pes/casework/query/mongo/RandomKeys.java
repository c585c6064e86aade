package cn.pes.casework.query.mongo;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.bson.Document;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Short keys drawn from a few characters, so that random queries and documents often meet. */
final class RandomKeys {

    private RandomKeys() {
    }

    /** Up to three characters of {@code alphabet} (each a UTF-16 unit: a surrogate may stand alone). */
    static String of(Random random, String alphabet) {
        StringBuilder value = new StringBuilder();
        int length = random.nextInt(4);
        for (int i = 0; i < length; i++) {
            value.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return value.toString();
    }

    /** Checks that our matcher answered as the library's does, and returns whether the document matched. */
    static boolean matchedAsTheLibrary(Document document, Document query, boolean ours) {
        boolean expected = new DefaultQueryMatcher().matches(document, query);
        assertThat(ours).as("%s matched by %s", document, query).isEqualTo(expected);
        return expected;
    }
}
