package cn.pes.casework.query.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store's index of live parts ({@link ReadModelStore#PART_FIELD}): documents get and lose
 * their part through every kind of write, and the lists of live parts (ranges with {@code part: {$exists:
 * true}}), their pages and their counts answer as the library answers by scanning.
 */
class PartIndexTest {

    private static final String NAMESPACE = "casework.parts";

    @TempDir
    Path folder;

    private static final List<String> RANGES = List.of("A", "A|2026-11", "B", "张三", "");

    private static Document live(Document ranges) {
        return ranges.append("part", new Document("$exists", true));
    }

    private static Document range(String document) {
        return new Document("_id", new Document("$gte", document + "#").append("$lt", document + "$"));
    }

    private static List<Document> queries() {
        List<Document> queries = new ArrayList<>();
        RANGES.forEach(document -> queries.add(live(range(document))));
        queries.add(live(new Document("$or", RANGES.stream().map(PartIndexTest::range).toList())));
        // Overlapping ranges: not disjoint, so the library's own path, filtered by the same condition.
        queries.add(live(new Document("$or", List.of(range("A"), new Document("_id", new Document("$gte", "A#1")
                .append("$lte", "B#c"))))));
        queries.add(range("A"));
        return queries;
    }

    /** Parts written, removed, given back, replaced, updated by operator, deleted, in bulk and one by one. */
    private static void write(MongoCollection<Document> parts) {
        for (String document : RANGES) {
            for (int part = 0; part < 40; part++) {
                Document stored = new Document("_id", document + "#case-" + part).append("seq", 1);
                if (part % 3 != 0) {
                    stored.append("part", new Document("n", part));
                }
                parts.insertOne(stored);
            }
        }
        parts.insertOne(new Document("_id", "A").append("part", new Document("n", 0)));
        parts.insertOne(new Document("_id", 7).append("part", new Document("n", 0)));
        List<com.mongodb.client.model.WriteModel<Document>> writes = new ArrayList<>();
        for (String document : RANGES) {
            for (int part = 0; part < 40; part += 4) {
                Document stored = new Document("_id", document + "#case-" + part).append("seq", 2);
                if (part % 8 == 0) {
                    stored.append("part", new Document("n", -part));
                }
                writes.add(new ReplaceOneModel<>(Filters.eq("_id", stored.get("_id")), stored,
                                                 new ReplaceOptions().upsert(true)));
            }
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", document + "#new"),
                                             new Document("_id", document + "#new").append("part", new Document()),
                                             new ReplaceOptions().upsert(true)));
            writes.add(new UpdateOneModel<>(Filters.eq("_id", document + "#case-5"), Updates.unset("part")));
            writes.add(new UpdateOneModel<>(Filters.eq("_id", document + "#case-9"), Updates.set("part.n", 99)));
            writes.add(new DeleteOneModel<>(Filters.eq("_id", document + "#case-7")));
            writes.add(new DeleteOneModel<>(Filters.eq("_id", document + "#case-6")));
        }
        parts.bulkWrite(writes);
        parts.deleteOne(Filters.eq("_id", "B#case-1"));
        parts.replaceOne(Filters.eq("_id", "B#case-2"), new Document("_id", "B#case-2").append("seq", 3));
        parts.replaceOne(Filters.eq("_id", "B#case-3"), new Document("_id", "B#case-3").append("part", "back"));
    }

    private static List<List<Object>> answers(MongoDatabase database) {
        MongoCollection<Document> parts = database.getCollection("parts");
        List<List<Object>> answers = new ArrayList<>();
        for (Document query : queries()) {
            List<Object> all = new ArrayList<>();
            parts.find(query).forEach(document -> all.add(document.get("_id")));
            all.sort((a, b) -> String.valueOf(a).compareTo(String.valueOf(b)));
            answers.add(all);
            for (int skip : new int[] {0, 1, 7, 30, 200}) {
                for (int limit : new int[] {0, 1, 5, 50}) {
                    List<Object> page = new ArrayList<>();
                    parts.find(query).sort(new Document("_id", 1)).skip(skip).limit(limit)
                         .forEach(document -> page.add(document.get("_id")));
                    answers.add(page);
                }
            }
            Document count = database.runCommand(new Document("count", "parts").append("query", query));
            answers.add(List.of(((Number) count.get("n")).longValue()));
        }
        return answers;
    }

    private static <T> T withServer(MongoBackend backend, Function<MongoDatabase, T> work) {
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            return work.apply(client.getDatabase("casework"));
        } finally {
            server.shutdownNow();
        }
    }

    private static void withStore(Path file, Consumer<MVStore> work) {
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).open()) {
            work.accept(store);
        }
    }

    private static List<Object> indexed(MVStore store) {
        MVMap<KeyValue, Object> index = store.openMap(ReadModelBackend.partIndexMapName(NAMESPACE),
                new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueType()));
        List<Object> ids = new ArrayList<>();
        index.keySet().forEach(key -> ids.add(key.get(0)));
        return ids;
    }

    /** The {@code _id}s of the stored documents that have a part, as the library's own backend reads them. */
    private static TreeSet<String> liveIds(Path file) {
        TreeSet<String> ids = new TreeSet<>();
        withServer(new ReadModelBackend(new MVStore.Builder().fileName(file.toString()).open()), database -> {
            database.getCollection("parts").find(Filters.exists("part"))
                    .forEach(document -> ids.add(String.valueOf(document.get("_id"))));
            return null;
        });
        return ids;
    }

    @Test
    void listsPagesAndCountsLivePartsAsTheLibraryDoesByScanning() {
        Path ours = folder.resolve("ours.mv");
        List<List<Object>> answered = withServer(new ReadModelBackend(new MVStore.Builder().fileName(ours.toString())
                                                                              .open()), database -> {
            write(database.getCollection("parts"));
            return answers(database);
        });
        List<List<Object>> library = withServer(new H2Backend(folder.resolve("plain.mv").toString()), database -> {
            write(database.getCollection("parts"));
            return answers(database);
        });

        assertThat(answered).isEqualTo(library);
        // The first range's live parts: some were written without one, lost it or were deleted.
        assertThat(answered.get(0)).hasSizeBetween(20, 35).contains("A#case-0", "A#case-1", "A#new", "A#case-9")
                                   .doesNotContain("A#case-3", "A#case-4", "A#case-5", "A#case-6", "A#case-7", "A");
        TreeSet<String> live = liveIds(ours);
        assertThat(live).hasSizeGreaterThan(100).contains("7", "A");
        withStore(ours, store -> assertThat(asStrings(indexed(store))).isEqualTo(live));
    }

    private static TreeSet<String> asStrings(List<Object> ids) {
        TreeSet<String> strings = new TreeSet<>();
        // The index keeps keys normalised as the library does: 7 as 7.0.
        ids.forEach(id -> strings.add(id instanceof Number number ? String.valueOf(number.longValue())
                                                                  : String.valueOf(id)));
        return strings;
    }

    /**
     * A data folder written before the index existed (here by the library's own backend) has its live parts
     * indexed once, at the first opening; the mark put after the fill keeps the next openings from filling
     * it again. (The index is then changed behind the store's back only to show that.)
     */
    @Test
    void aCollectionWrittenBeforeTheIndexIsIndexedOnceAtItsFirstOpening() {
        Path file = folder.resolve("older.mv");
        List<List<Object>> library = withServer(new H2Backend(file.toString()), database -> {
            write(database.getCollection("parts"));
            return answers(database);
        });
        withStore(file, store -> assertThat(store.hasMap(ReadModelBackend.partIndexMapName(NAMESPACE))).isFalse());

        List<List<Object>> reopened = withServer(new ReadModelBackend(new MVStore.Builder().fileName(file.toString())
                                                                              .open()), PartIndexTest::answers);

        assertThat(reopened).isEqualTo(library);
        TreeSet<String> live = liveIds(file);
        withStore(file, store -> {
            assertThat(asStrings(indexed(store))).isEqualTo(live);
            // Taken out behind the store's back: a second fill would bring it back.
            MVMap<KeyValue, Object> index = store.openMap(ReadModelBackend.partIndexMapName(NAMESPACE),
                    new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueType()));
            assertThat(index.remove(new KeyValue("A#case-1"))).isNotNull();
        });
        withServer(new ReadModelBackend(new MVStore.Builder().fileName(file.toString()).open()), database -> {
            // And the lists of live parts are read from the index: the part it lost is not listed.
            MongoCollection<Document> parts = database.getCollection("parts");
            assertThat(parts.find(live(range("A"))).map(document -> document.get("_id")).into(new ArrayList<>()))
                    .isNotEmpty().doesNotContain("A#case-1");
            assertThat(parts.find(range("A")).map(document -> document.get("_id")).into(new ArrayList<>()))
                    .contains("A#case-1");
            return null;
        });
        withStore(file, store -> assertThat(indexed(store)).hasSize(live.size() - 1).doesNotContain("A#case-1"));
    }

    @Test
    void aDroppedCollectionTakesItsIndexOfLivePartsWithIt() {
        Path file = folder.resolve("dropped.mv");
        withServer(new ReadModelBackend(new MVStore.Builder().fileName(file.toString()).open()), database -> {
            write(database.getCollection("parts"));
            database.getCollection("parts").drop();
            database.getCollection("parts").insertOne(new Document("_id", "A#again").append("part", new Document()));
            assertThat(database.getCollection("parts").find(live(range("A"))).map(d -> d.get("_id")).into(new ArrayList<>()))
                    .containsExactly("A#again");
            return null;
        });
        withStore(file, store -> assertThat(indexed(store)).containsExactly("A#again"));
    }
}
