package cn.pes.casework.query.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Updates and commits on different threads, as projection batches and the store's commits run in the
 * platform. A restart test once failed on this: a commit serialised a page of documents while a bulk write
 * rewrote one of them in place, H2 failed the commit with a ConcurrentModificationException and closed the
 * store, and every read model stopped.
 */
class ReadModelCollectionTest {

    private static final int DOCUMENTS = 300;
    private static final int FIELDS = 40;
    private static final int ROUNDS = 50;

    @TempDir
    Path dataDir;

    private static String id(int document) {
        return "990101001:2026-11:" + document;
    }

    /**
     * Each version with other fields than the one before, so that an update removes and adds fields: a new
     * value of an existing field is not a structural change of the map, the kind a serialisation trips over.
     */
    private static Document row(int document, int version) {
        Document row = new Document("_id", id(document)).append("version", version);
        String prefix = version % 2 == 0 ? "case-" : "person-";
        for (int field = 0; field < FIELDS; field++) {
            row.append(prefix + field, version);
        }
        return row;
    }

    private static WriteModel<Document> update(int document, int version) {
        if (version % 3 != 0) {
            return new ReplaceOneModel<>(new Document("_id", id(document)), row(document, version),
                    new ReplaceOptions().upsert(true));
        }
        // An operator update takes the same in-place path.
        Document set = row(document, version);
        set.remove("_id");
        Document unset = new Document();
        row(document, version - 1).keySet().stream().filter(key -> !key.equals("_id") && !set.containsKey(key))
                                  .forEach(key -> unset.append(key, ""));
        return new UpdateOneModel<>(new Document("_id", id(document)), new Document("$set", set).append("$unset", unset));
    }

    @Test
    void bulkUpdatesBesideCommitsNeitherBreakTheStoreNorLoseAWrite() throws Exception {
        Path file = dataDir.resolve("readmodels.mv");
        try (ReadModelServer server = ReadModelServer.embeddedFile(file, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> rows = client.getDatabase("casework").getCollection("ledger_rows");
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicReference<Throwable> commitFailure = new AtomicReference<>();
            Thread committer = new Thread(() -> {
                try {
                    while (writing.get()) {
                        server.makeDurable();
                    }
                } catch (Throwable e) {
                    commitFailure.set(e);
                }
            });
            committer.start();
            int version = 0;
            try {
                while (version < ROUNDS && commitFailure.get() == null) {
                    version++;
                    List<WriteModel<Document>> batch = new ArrayList<>();
                    for (int document = 0; document < DOCUMENTS; document++) {
                        batch.add(update(document, version));
                    }
                    rows.bulkWrite(batch);
                }
            } finally {
                writing.set(false);
                committer.join();
            }
            assertThat(commitFailure.get()).as("a commit beside the updates").isNull();
            server.makeDurable();
            assertThat(rows.find(new Document("_id", id(7))).first()).isEqualTo(row(7, ROUNDS));
        }
        try (ReadModelServer reopened = ReadModelServer.embeddedFile(file, 0);
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            List<Document> stored = client.getDatabase("casework").getCollection("ledger_rows").find()
                                          .into(new ArrayList<>());
            assertThat(stored).hasSize(DOCUMENTS);
            for (Document row : stored) {
                assertThat(row).isEqualTo(row(Integer.parseInt(row.getString("_id").split(":")[2]), ROUNDS));
            }
        }
    }
}
