package cn.pes.casework.query.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BsonDocumentTypeTest {

    @TempDir
    Path folder;

    private static Document sample() {
        Document part = new Document("status", "ACTIVE");
        part.put("contacts", List.of(new Document("date", "2026-11-01").append("reached", true), 3L));
        Document document = new Document("_id", "990101001:2026-11");
        document.put("cases", new Document("c1", part).append("c2", new Document("status", "EMPLOYED")));
        document.put("seq", new Document("c1", 12L).append("c2", 3));
        document.put("updatedAt", Instant.parse("2026-11-27T02:00:00Z"));
        document.put("share", 0.25);
        document.put("empty", null);
        return document;
    }

    @Test
    void documentsSurviveAStoreWrittenAndReopened() {
        String file = folder.resolve("bson.mv").toString();
        try (MVStore store = new MVStore.Builder().fileName(file).open()) {
            MVMap<Object, Document> map = store.openMap("databases.db.c",
                    new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
            map.put("k", sample());
        }
        try (MVStore store = new MVStore.Builder().fileName(file).open()) {
            MVMap<Object, Document> map = store.openMap("databases.db.c",
                    new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
            assertThat(map.get("k")).isEqualTo(sample());
        }
    }

    @Test
    void readsDocumentsTheLibraryDefaultWroteAndRewritesThemAsBson() {
        String file = folder.resolve("legacy.mv").toString();
        try (MVStore store = new MVStore.Builder().fileName(file).open()) {
            MVMap<Object, Document> map = store.openMap("databases.db.c");
            map.put("old", sample());
        }
        try (MVStore store = new MVStore.Builder().fileName(file).open()) {
            MVMap<Object, Document> map = store.openMap("databases.db.c",
                    new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
            assertThat(map.get("old")).isEqualTo(sample());
            map.put("new", sample().append("share", 0.5));
        }
        try (MVStore store = new MVStore.Builder().fileName(file).open()) {
            MVMap<Object, Document> map = store.openMap("databases.db.c",
                    new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
            assertThat(map.get("old")).isEqualTo(sample());
            assertThat(map.get("new").get("share")).isEqualTo(0.5);
        }
    }

    @Test
    void aDataFolderOfThePlainBackendOpensWithItsCollections() {
        String file = folder.resolve("readmodels.mv").toString();
        MongoServer plain = new MongoServer(new H2Backend(file));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + plain.bind().getPort())) {
            client.getDatabase("casework").getCollection("case_histories")
                  .insertOne(new org.bson.Document("_id", "case-1").append("lastSequence", 4L));
        } finally {
            plain.shutdownNow();
        }
        MongoServer ours = new MongoServer(new ReadModelBackend(new MVStore.Builder().fileName(file).open()));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + ours.bind().getPort())) {
            var histories = client.getDatabase("casework").getCollection("case_histories");
            assertThat(histories.find().first()).isEqualTo(new org.bson.Document("_id", "case-1").append("lastSequence", 4L));
            histories.updateOne(new org.bson.Document("_id", "case-1"),
                    new org.bson.Document("$set", new org.bson.Document("lastSequence", 5L)));
            assertThat(histories.find().first().get("lastSequence")).isEqualTo(5L);
        } finally {
            ours.shutdownNow();
        }
    }
}
