package cn.pes.casework.query.mongo;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyValueTypeTest {

    @TempDir
    Path folder;

    /** Normalised keys as the library builds them: numbers as doubles, null for missing. */
    private static List<KeyValue> keys() {
        return List.of(
                new KeyValue("990101001:2026-11"),
                new KeyValue("990101001:2026-12"),
                new KeyValue("case-1"),
                new KeyValue(""),
                new KeyValue("张三"),
                new KeyValue(3.0),
                new KeyValue(-0.5),
                new KeyValue(Long.MAX_VALUE),
                new KeyValue((Object) null),
                new KeyValue(true),
                new KeyValue(new ObjectId("6566f0c2a1b2c3d4e5f60718")),
                new KeyValue(Instant.parse("2026-11-27T02:00:00Z")),
                new KeyValue(UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427")),
                new KeyValue(new Document("agency", "990101001").append("month", "2026-11")),
                new KeyValue(new Document("month", "2026-11").append("agency", "990101001")),
                new KeyValue((Object) List.of("a", 1.0)),
                new KeyValue((Object) List.of("a")),
                new KeyValue("990101001", "2026-11"),
                new KeyValue("990101001", null));
    }

    /** An equal key built anew, so that no comparison can pass on identity. */
    private static KeyValue copyOf(KeyValue key) {
        List<Object> values = new ArrayList<>();
        key.forEach(value -> values.add(value instanceof Document document ? new Document(document)
                : value instanceof List<?> list ? new ArrayList<>(list) : value));
        return new KeyValue(values);
    }

    @Test
    void keysSurviveAStoreWrittenAndReopened() {
        String file = folder.resolve("keys.mv").toString();
        List<KeyValue> keys = keys();
        try (MVStore store = new MVStore.Builder().fileName(file).open()) {
            MVMap<KeyValue, Object> map = store.openMap("db.c._index__id_.bson-keys",
                    new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueType()));
            for (int i = 0; i < keys.size(); i++) {
                map.put(keys.get(i), "position-" + i);
            }
        }
        try (MVStore store = new MVStore.Builder().fileName(file).open()) {
            MVMap<KeyValue, Object> map = store.openMap("db.c._index__id_.bson-keys",
                    new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueType()));
            assertThat(map.sizeAsLong()).isEqualTo(keys.size());
            for (int i = 0; i < keys.size(); i++) {
                assertThat(map.get(copyOf(keys.get(i)))).as("key %s", keys.get(i)).isEqualTo("position-" + i);
            }
            assertThat(new ArrayList<>(map.keySet())).containsExactlyInAnyOrderElementsOf(keys);
        }
    }

    @Test
    void ordersKeysTotallyAndConsistentlyWithEquals() {
        KeyValueType type = new KeyValueType();
        List<KeyValue> keys = keys();
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                int ab = type.compare(a, copyOf(b));
                assertThat(ab == 0).as("%s vs %s", a, b).isEqualTo(a.equals(b));
                assertThat(Integer.signum(ab)).as("%s vs %s", a, b).isEqualTo(-Integer.signum(type.compare(b, a)));
            }
        }
        KeyValue[] sorted = keys.toArray(KeyValue[]::new);
        Arrays.sort(sorted, type::compare);
        for (int i = 0; i < sorted.length; i++) {
            for (int j = i + 1; j < sorted.length; j++) {
                assertThat(type.compare(sorted[i], sorted[j])).as("%s before %s", sorted[i], sorted[j]).isNegative();
            }
        }
    }

    @Test
    void refusesToReadAKeyOfAnotherFormat() {
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {19, 0});
        assertThatThrownBy(() -> new KeyValueType().read(buffer)).isInstanceOf(IllegalStateException.class)
                                                                 .hasMessageContaining("tag 19");
    }

    private void withPlainBackend(String file, Consumer<MongoCollection<org.bson.Document>> work) {
        MongoServer plain = new MongoServer(new H2Backend(file));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + plain.bind().getPort())) {
            work.accept(client.getDatabase("casework").getCollection("ledgers"));
        } finally {
            plain.shutdownNow();
        }
    }

    private void withOurBackend(String file, Consumer<MongoCollection<org.bson.Document>> work) {
        MongoServer ours = new MongoServer(new ReadModelBackend(new MVStore.Builder().fileName(file).open()));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + ours.bind().getPort())) {
            work.accept(client.getDatabase("casework").getCollection("ledgers"));
        } finally {
            ours.shutdownNow();
        }
    }

    private static List<String> mapNames(String file) {
        try (MVStore store = new MVStore.Builder().fileName(file).readOnly().open()) {
            return store.getMapNames().stream().filter(name -> name.contains("_index_")).sorted().toList();
        }
    }

    private static org.bson.Document ledger(int agency, long sequence) {
        return new org.bson.Document("_id", "agency-" + agency + ":2026-11").append("lastSequence", sequence);
    }

    @Test
    void convertsAnIndexOfTheLibraryFormatOnceAndKeepsItUnique() {
        String file = folder.resolve("readmodels.mv").toString();
        withPlainBackend(file, ledgers -> {
            for (int agency = 0; agency < 300; agency++) {
                ledgers.insertOne(ledger(agency, 1));
            }
        });
        assertThat(mapNames(file)).containsExactly("casework.ledgers._index__id_");

        withOurBackend(file, ledgers -> {
            assertThat(ledgers.countDocuments()).isEqualTo(300);
            assertThat(ledgers.find(new org.bson.Document("_id", "agency-7:2026-11")).first()).isEqualTo(ledger(7, 1));
            // Upserts by _id find the converted keys: they replace, they do not add.
            for (int agency = 0; agency < 300; agency++) {
                ledgers.replaceOne(new org.bson.Document("_id", ledger(agency, 0).get("_id")), ledger(agency, 2),
                        new ReplaceOptions().upsert(true));
            }
            assertThat(ledgers.countDocuments()).isEqualTo(300);
            assertThatThrownBy(() -> ledgers.insertOne(ledger(42, 3))).isInstanceOf(MongoWriteException.class)
                                                                       .hasMessageContaining("duplicate key");
            ledgers.insertOne(ledger(300, 1));
        });
        assertThat(mapNames(file)).containsExactly("casework.ledgers._index__id_.bson-keys",
                                                   "casework.ledgers._index__id_of_parts_.bson-keys");

        withOurBackend(file, ledgers -> {
            assertThat(ledgers.countDocuments()).isEqualTo(301);
            assertThat(ledgers.find(new org.bson.Document("_id", "agency-42:2026-11")).first()).isEqualTo(ledger(42, 2));
            assertThatThrownBy(() -> ledgers.insertOne(ledger(300, 9))).isInstanceOf(MongoWriteException.class);
        });
    }

    @Test
    void aDroppedCollectionTakesItsIndexWithIt() {
        String file = folder.resolve("dropped.mv").toString();
        withOurBackend(file, ledgers -> {
            ledgers.insertOne(ledger(1, 1));
            ledgers.drop();
            ledgers.insertOne(ledger(1, 2));
            assertThat(ledgers.find().into(new ArrayList<>())).containsExactly(ledger(1, 2));
        });
        withOurBackend(file, ledgers -> {
            assertThat(ledgers.find().into(new ArrayList<>())).containsExactly(ledger(1, 2));
            ledgers.insertOne(ledger(2, 1));
            assertThat(ledgers.countDocuments()).isEqualTo(2);
        });
        // The collection's own index of live parts (PartIndexTest), one of each.
        assertThat(mapNames(file)).containsExactly("casework.ledgers._index__id_.bson-keys",
                                                   "casework.ledgers._index__id_of_parts_.bson-keys");
    }
}
