package cn.pes.casework.query.mongo;

import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The range matcher answers as the library's own matcher does, for every query it takes. */
class IdRangesTest {

    private static final String ALPHABET = "A#$|12张";

    private static String randomString(Random random) {
        return RandomKeys.of(random, ALPHABET);
    }

    private static Document randomRange(Random random) {
        return new Document("_id", new Document(random.nextBoolean() ? "$gte" : "$gt", randomString(random))
                .append(random.nextBoolean() ? "$lt" : "$lte", randomString(random)));
    }

    @Test
    void matchesAsTheLibraryDoes() {
        Random random = new Random(2026);
        int inside = 0;
        for (int round = 0; round < 2_000; round++) {
            Document query;
            if (random.nextBoolean()) {
                query = randomRange(random);
            } else {
                List<Document> clauses = new ArrayList<>();
                for (int i = 1 + random.nextInt(5); i > 0; i--) {
                    clauses.add(randomRange(random));
                }
                query = new Document("$or", clauses);
            }
            boolean livePartsOnly = random.nextBoolean();
            if (livePartsOnly) {
                query.append("part", new Document("$exists", true));
            }
            IdRanges ranges = IdRanges.parse(query, "_id");
            assertThat(ranges).as("%s", query).isNotNull();
            assertThat(ranges.presentField()).isEqualTo(livePartsOnly ? "part" : null);
            for (int i = 0; i < 20; i++) {
                Object id = random.nextInt(10) == 0 ? (Object) random.nextInt(3) : randomString(random);
                Document document = new Document("_id", id);
                if (random.nextBoolean()) {
                    document.append("part", random.nextBoolean() ? new Document("n", 1) : null);
                }
                inside += RandomKeys.matchedAsTheLibrary(document, query, ranges.matches(document, "_id")) ? 1 : 0;
            }
        }
        assertThat(inside).as("some ids fall in their ranges").isGreaterThan(500);
    }

    @Test
    void takesOnlyStringRangesBelowTheSurrogates() {
        assertThat(IdRanges.parse(new Document("_id", "A"), "_id")).isNull();
        assertThat(IdRanges.parse(new Document("_id", new Document("$gte", "A")), "_id")).isNull();
        assertThat(IdRanges.parse(new Document("_id", new Document("$gte", "A").append("$lt", 3)), "_id")).isNull();
        assertThat(IdRanges.parse(new Document("_id", new Document("$gte", "A").append("$lt", "\uD83D\uDE00")), "_id"))
                .isNull();
        assertThat(IdRanges.parse(new Document("_id", new Document("$gte", "A").append("$lt", "B"))
                                          .append("x", 1), "_id")).isNull();
        assertThat(IdRanges.parse(new Document("$or", List.of(new Document("_id", "A"))), "_id")).isNull();
    }

    @Test
    void takesBesideTheRangesOnlyOneTopLevelFieldAskedToExist() {
        Document range = new Document("$gte", "A#").append("$lt", "A$");
        assertThat(IdRanges.parse(new Document("_id", range).append("part", new Document("$exists", true)), "_id")
                           .presentField()).isEqualTo("part");
        assertThat(IdRanges.parse(new Document("part", new Document("$exists", true)), "_id")).isNull();
        assertThat(IdRanges.parse(new Document("_id", range).append("part", new Document("$exists", false)), "_id"))
                .isNull();
        assertThat(IdRanges.parse(new Document("_id", range).append("part.n", new Document("$exists", true)), "_id"))
                .isNull();
        assertThat(IdRanges.parse(new Document("_id", range).append("part", new Document("$exists", true))
                                          .append("seq", new Document("$exists", true)), "_id")).isNull();
        assertThat(IdRanges.parse(new Document("_id", range).append("$or", List.of(new Document("_id", range))),
                                  "_id")).isNull();
    }
}
