package cn.pes.casework.query.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** String ranges of {@code _id}, answered from the ordered index map of the embedded store. */
class KeyValueIndexTest {

    @TempDir
    Path folder;

    private static final List<Object> IDS = List.of(
            "A", "A#", "A#1", "A#2", "A#2#x", "A$", "A%23B#1", "A|2026-11|00#c-1", "A|2026-11|00#c-2",
            "A|2026-11|01#c-1", "A|2026-11|1", "B#c", "", "张三#1", "张三$", "\uD83D\uDE00#1", "\uE000#1", 7, 7.5, true,
            new org.bson.Document("d", "A#1"));

    private static final List<Bson> QUERIES = List.of(
            Filters.and(Filters.gte("_id", "A#"), Filters.lt("_id", "A$")),
            Filters.and(Filters.gt("_id", "A#"), Filters.lt("_id", "A$")),
            Filters.and(Filters.gte("_id", "A#"), Filters.lte("_id", "A$")),
            Filters.and(Filters.gte("_id", "A|2026-11|00#"), Filters.lt("_id", "A|2026-11|00$")),
            Filters.and(Filters.gte("_id", ""), Filters.lt("_id", "A#")),
            Filters.and(Filters.gte("_id", "张三#"), Filters.lt("_id", "张三$")),
            Filters.and(Filters.gte("_id", "Z"), Filters.lt("_id", "A")),
            Filters.or(Filters.and(Filters.gte("_id", "A"), Filters.lt("_id", "A#2")),
                       Filters.and(Filters.gte("_id", "A#1"), Filters.lte("_id", "B#c"))),
            Filters.and(Filters.gt("_id", "A#1"), Filters.lte("_id", "A#2#x")),
            Filters.and(Filters.gte("_id", "\uD83D\uDE00"), Filters.lt("_id", "\uFFFF")),
            Filters.and(Filters.gte("_id", "\uD000"), Filters.lt("_id", "\uFFFF")),
            Filters.or(Filters.and(Filters.gte("_id", "A#"), Filters.lt("_id", "A$")),
                       Filters.and(Filters.gte("_id", "B#"), Filters.lt("_id", "B$")),
                       Filters.and(Filters.gte("_id", "A#1"), Filters.lte("_id", "A#2"))));

    @Test
    void answersRangesAsTheLibraryDoesByScanning() {
        List<List<Object>> ours = answers(file -> new ReadModelBackend(new MVStore.Builder().fileName(file).open()),
                                          folder.resolve("ours.mv").toString());
        List<List<Object>> library = answers(H2Backend::new, folder.resolve("plain.mv").toString());
        assertThat(ours).isEqualTo(library);
        assertThat(ours.get(0)).containsExactlyInAnyOrder("A#", "A#1", "A#2", "A#2#x");
        assertThat(ours.get(QUERIES.size() - 1)).containsExactlyInAnyOrder("A#", "A#1", "A#2", "A#2#x", "B#c");
    }

    /** Pages of ranges (skip, limit, in {@code _id} order) and their counts: paged by key here, by sorting there. */
    @Test
    void pagesAndCountsRangesAsTheLibraryDoes() {
        List<List<Object>> ours = pages(file -> new ReadModelBackend(new MVStore.Builder().fileName(file).open()),
                                        folder.resolve("ours.mv").toString());
        List<List<Object>> library = pages(H2Backend::new, folder.resolve("plain.mv").toString());
        assertThat(ours).isEqualTo(library);
        // Skip 1, limit 2 of the first range; its count of 4.
        assertThat(ours).contains(List.of("A#1", "A#2"), List.of(4L));
    }

    @Test
    void findsARangeInTheIndexWithoutScanning() {
        try (MVStore store = new MVStore.Builder().open()) {
            MVMap<KeyValue, Object> map = positions(store);
            KeyValueIndex index = idIndex(map);
            putIds(map, 20_000, i -> "agency-" + i * 7919 % 500 + "|2026-11#case-" + i);
            map.put(new KeyValue("agency-42|2026-11"), "agency-42|2026-11");
            Document query = new Document("_id", new Document("$gte", "agency-42|2026-11#")
                    .append("$lt", "agency-42|2026-11$"));

            assertThat(index.canHandle(query)).isTrue();
            List<Object> found = new ArrayList<>();
            index.getPositions(query).forEach(found::add);
            List<Object> expected = map.keySet().stream().map(key -> (String) key.get(0))
                                       .filter(id -> id.startsWith("agency-42|2026-11#")).map(id -> (Object) id).toList();
            assertThat(found).hasSizeGreaterThan(10).containsExactlyElementsOf(expected);
            assertThat(index.canHandle(new Document("_id", new Document("$gte", "a")))).isFalse();
            assertThat(index.canHandle(new Document("_id", new Document("$gte", "a").append("$lt", 3)))).isFalse();
            assertThat(index.canHandle(new Document("$or", List.of(new Document("_id", "a"))))).isFalse();
        }
    }

    /** Over many B-tree pages, counted and paged by the keys' indexes, as a filtered list of the keys says. */
    @Test
    void countsAndPagesALargeRangeByTheIndexesOfItsBounds() {
        try (MVStore store = new MVStore.Builder().open()) {
            MVMap<KeyValue, Object> map = positions(store);
            KeyValueIndex index = idIndex(map);
            putIds(map, 30_000, i -> "agency-" + i % 40 + "|2026-11#row-" + String.format("%05d", i));
            map.put(new KeyValue("agency-7|2026-11#"), "agency-7|2026-11#");
            List<String> all = map.keySet().stream().map(key -> (String) key.get(0)).toList();
            Document ranges = new Document("$or", List.of(
                    new Document("_id", new Document("$gt", "agency-7|2026-11#").append("$lt", "agency-7|2026-11$")),
                    new Document("_id", new Document("$gte", "agency-8|2026-11#").append("$lte", "agency-8|2026-11#row-20000"))));
            List<String> expected = all.stream().filter(id -> id.startsWith("agency-7|2026-11#") && !id.equals("agency-7|2026-11#")
                    || id.startsWith("agency-8|2026-11#") && id.compareTo("agency-8|2026-11#row-20000") <= 0).toList();
            IdRanges parsed = IdRanges.parse(ranges, "_id");

            assertThat(expected).hasSizeGreaterThan(1_000);
            assertThat(index.count(parsed)).isEqualTo(expected.size());
            for (int skip : new int[] {0, 1, 49, 700, expected.size() - 10, expected.size(), expected.size() + 5}) {
                for (int limit : new int[] {0, 1, 50}) {
                    List<String> page = expected.subList(Math.min(skip, expected.size()),
                            limit == 0 ? expected.size() : Math.min(expected.size(), skip + limit));
                    assertThat(index.positions(parsed, skip, limit)).as("skip %d limit %d", skip, limit)
                                                                    .containsExactlyElementsOf(page);
                }
            }
        }
    }

    private static MVMap<KeyValue, Object> positions(MVStore store) {
        return store.openMap("positions", new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueType()));
    }

    private static KeyValueIndex idIndex(MVMap<KeyValue, Object> positions) {
        return new KeyValueIndex(positions, "_id_", List.of(new IndexKey("_id", true)), false);
    }

    /** Each id its own position, as the store keeps them. */
    private static void putIds(MVMap<KeyValue, Object> positions, int count, IntFunction<String> id) {
        for (int i = 0; i < count; i++) {
            positions.put(new KeyValue(id.apply(i)), id.apply(i));
        }
    }

    private static List<List<Object>> pages(Function<String, MongoBackend> backend, String file) {
        MongoServer server = new MongoServer(backend.apply(file));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            MongoDatabase database = client.getDatabase("casework");
            MongoCollection<org.bson.Document> collection = database.getCollection("parts");
            IDS.forEach(id -> collection.insertOne(new org.bson.Document("_id", id)));
            List<List<Object>> answers = new ArrayList<>();
            for (Bson query : QUERIES) {
                org.bson.Document written = written(query);
                for (int skip : new int[] {0, 1, 2, 5}) {
                    for (int limit : new int[] {0, 1, 2, 50}) {
                        List<Object> ids = new ArrayList<>();
                        collection.find(written).sort(new org.bson.Document("_id", 1)).skip(skip).limit(limit)
                                  .forEach(document -> ids.add(document.get("_id")));
                        answers.add(ids);
                    }
                }
                org.bson.Document count = database.runCommand(new org.bson.Document("count", "parts").append("query", written));
                answers.add(List.of(((Number) count.get("n")).longValue()));
            }
            return answers;
        } finally {
            server.shutdownNow();
        }
    }

    /**
     * The query as SharedDocuments writes it: the driver renders {@code Filters.and} as {@code $and}, which
     * the index does not take, so a range's bounds are merged into one condition.
     */
    private static org.bson.Document written(Bson query) {
        return merged(org.bson.Document.parse(query.toBsonDocument().toJson()));
    }

    private static org.bson.Document merged(org.bson.Document query) {
        if (query.get("$and") instanceof List<?> clauses) {
            org.bson.Document bounds = new org.bson.Document();
            clauses.forEach(clause -> bounds.putAll(((org.bson.Document) clause).get("_id", org.bson.Document.class)));
            return new org.bson.Document("_id", bounds);
        }
        if (query.get("$or") instanceof List<?> clauses) {
            return new org.bson.Document("$or", clauses.stream().map(clause -> merged((org.bson.Document) clause)).toList());
        }
        return query;
    }

    private static List<List<Object>> answers(Function<String, MongoBackend> backend, String file) {
        MongoServer server = new MongoServer(backend.apply(file));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            MongoCollection<org.bson.Document> collection = client.getDatabase("casework").getCollection("parts");
            IDS.forEach(id -> collection.insertOne(new org.bson.Document("_id", id)));
            List<List<Object>> answers = new ArrayList<>();
            for (Bson query : QUERIES) {
                List<Object> ids = new ArrayList<>();
                collection.find(written(query)).forEach(document -> ids.add(document.get("_id")));
                ids.sort((a, b) -> String.valueOf(a).compareTo(String.valueOf(b)));
                answers.add(ids);
            }
            return answers;
        } finally {
            server.shutdownNow();
        }
    }
}
