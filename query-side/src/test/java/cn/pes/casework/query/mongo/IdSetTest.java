package cn.pes.casework.query.mongo;

import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The key-set matcher answers as the library's own matcher does, for every query it takes. */
class IdSetTest {

    private static final String ALPHABET = "A#$|12张\uD83D\uDE00";

    private static String randomString(Random random) {
        return RandomKeys.of(random, ALPHABET);
    }

    @Test
    void matchesAsTheLibraryDoes() {
        Random random = new Random(2026);
        int inside = 0;
        for (int round = 0; round < 2_000; round++) {
            List<Object> keys = new ArrayList<>();
            for (int i = random.nextInt(6); i > 0; i--) {
                keys.add(randomString(random));
            }
            Document query = new Document("_id", new Document("$in", keys));
            IdSet set = IdSet.parse(query, "_id");
            assertThat(set).as("%s", query).isNotNull();
            for (int i = 0; i < 20; i++) {
                Object id = switch (random.nextInt(10)) {
                    case 0 -> random.nextInt(3);
                    case 1 -> new Document("k", randomString(random));
                    case 2 -> null;
                    default -> randomString(random);
                };
                Document document = random.nextInt(20) == 0 ? new Document("other", 1) : new Document("_id", id);
                inside += RandomKeys.matchedAsTheLibrary(document, query, set.matches(document, "_id")) ? 1 : 0;
            }
        }
        assertThat(inside).as("some ids are among their keys").isGreaterThan(2_000);
    }

    @Test
    void takesOnlyAListOfStringsOfTheOneField() {
        assertThat(IdSet.parse(new Document("_id", new Document("$in", List.of("a", 1))), "_id")).isNull();
        assertThat(IdSet.parse(new Document("_id", new Document("$in", List.of("a")).append("$ne", "b")), "_id")).isNull();
        assertThat(IdSet.parse(new Document("_id", new Document("$nin", List.of("a"))), "_id")).isNull();
        assertThat(IdSet.parse(new Document("_id", new Document("$in", List.of("a"))).append("part", 1), "_id")).isNull();
        assertThat(IdSet.parse(new Document("key", new Document("$in", List.of("a"))), "_id")).isNull();
        assertThat(IdSet.parse(new Document("_id", "a"), "_id")).isNull();
        assertThat(IdSet.parse(new Document("_id", new Document("$in", List.of())), "_id").keys()).isEmpty();
    }
}
