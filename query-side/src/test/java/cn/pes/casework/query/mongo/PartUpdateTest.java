package cn.pes.casework.query.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read-model store's own path for part updates ({@link PartUpdate}) against the library's: every
 * update goes to both servers, and both must answer alike (counts or error) and hold the same document and
 * the same data size after it. The library's answers are the reference, so the path cannot drift from
 * what MongoDB semantics the library implements.
 */
class PartUpdateTest {

    private MongoServer library;
    private MongoServer ours;
    private MongoClient libraryClient;
    private MongoClient ourClient;
    private MongoCollection<Document> reference;
    private MongoCollection<Document> subject;

    @BeforeEach
    void start() {
        library = new MongoServer(new H2Backend(new MVStore.Builder().open()));
        ours = new MongoServer(new ReadModelBackend(new MVStore.Builder().open()));
        libraryClient = MongoClients.create("mongodb://127.0.0.1:" + library.bind().getPort());
        ourClient = MongoClients.create("mongodb://127.0.0.1:" + ours.bind().getPort());
        reference = libraryClient.getDatabase("casework").getCollection("tracking_ledgers");
        subject = ourClient.getDatabase("casework").getCollection("tracking_ledgers");
        Document month = new Document("_id", "990101001:2026-11").append("agencyId", "990101001")
                .append("cases", new Document("c1", new Document("status", "ACTIVE").append("contacts", List.of(1, 2))))
                .append("seq", new Document("c1", 3L))
                .append("label", "十一月");
        reference.insertOne(month);
        subject.insertOne(new Document(month));
    }

    @AfterEach
    void stop() {
        libraryClient.close();
        ourClient.close();
        library.shutdownNow();
        ours.shutdownNow();
    }

    private record Outcome(Optional<String> error, long matched, long modified) {
    }

    private static Outcome run(MongoCollection<Document> collection, Document filter, Document update, boolean upsert) {
        try {
            UpdateResult result = collection.updateOne(filter, update, new UpdateOptions().upsert(upsert));
            return new Outcome(Optional.empty(), result.getMatchedCount(), result.getModifiedCount());
        } catch (MongoException e) {
            return new Outcome(Optional.of(String.valueOf(e.getCode())), -1, -1);
        }
    }

    private static long dataSize(MongoClient client) {
        MongoDatabase db = client.getDatabase("casework");
        return db.runCommand(new Document("collStats", "tracking_ledgers")).get("size", Number.class).longValue();
    }

    private void sameOnBoth(Document filter, Document update, boolean upsert) {
        Outcome expected = run(reference, filter, update, upsert);
        Outcome actual = run(subject, filter, update, upsert);
        assertThat(actual).as("answer to %s", update.toJson()).isEqualTo(expected);
        assertThat(subject.find().into(new ArrayList<>())).as("documents after %s", update.toJson())
                                                          .isEqualTo(reference.find().into(new ArrayList<>()));
        assertThat(dataSize(ourClient)).as("data size after %s", update.toJson()).isEqualTo(dataSize(libraryClient));
    }

    private static Document byId() {
        return new Document("_id", "990101001:2026-11");
    }

    @Test
    void setsAndRemovesPartsAsTheLibraryDoes() {
        sameOnBoth(byId(), new Document("$set", new Document("cases.c2", new Document("status", "PENDING"))
                .append("seq.c2", 1L)).append("$setOnInsert", new Document("agencyId", "ignored")), true);
        sameOnBoth(byId(), new Document("$set", new Document("cases.c1", new Document("status", "EMPLOYED"))
                .append("seq.c1", 4L)).append("$unset", new Document("cases.c2", "")), false);
        sameOnBoth(byId(), new Document("$unset", new Document("cases.missing", "").append("nowhere.at.all", "")), false);
        sameOnBoth(byId(), new Document("$set", new Document("totals.month.contacts", 7)), false);
        sameOnBoth(byId(), new Document("$set", new Document("label", "十一月份")), false);
    }

    @Test
    void countsAnUnchangedDocumentAsMatchedNotModified() {
        sameOnBoth(byId(), new Document("$set", new Document("seq.c1", 3L)), false);
        sameOnBoth(byId(), new Document("$unset", new Document("cases.none", "")), false);
    }

    @Test
    void leavesToTheLibraryWhatItsPathDoesNotTake() {
        // Into a value that is not a document, overlapping paths, an operator it does not take, _id.
        sameOnBoth(byId(), new Document("$set", new Document("label.part", 1)), false);
        sameOnBoth(byId(), new Document("$set", new Document("cases.c1.contacts.0", 9)), false);
        sameOnBoth(byId(), new Document("$set", new Document("cases", new Document()).append("cases.c1", 1)), false);
        sameOnBoth(byId(), new Document("$inc", new Document("seq.c1", 1L)), false);
        sameOnBoth(byId(), new Document("$set", new Document()), false);
        sameOnBoth(byId(), new Document("$set", new Document("seq.c1", 5L)).append("$unset", new Document()), false);
        sameOnBoth(byId(), new Document("$set", new Document("_id", "other")), false);
        sameOnBoth(byId(), new Document("$set", new Document("cases.c3", new Document("$bad", 1))), false);
        // A document not there yet: the upsert inserts it, with $setOnInsert.
        sameOnBoth(new Document("_id", "990101001:2026-12"), new Document("$set", new Document("seq.c1", 1L))
                .append("$setOnInsert", new Document("agencyId", "990101001")), true);
        sameOnBoth(new Document("_id", "990101001:2027-01"), new Document("$set", new Document("seq.c1", 1L)), false);
        // Selected by more than _id.
        sameOnBoth(byId().append("agencyId", "990101001"), new Document("$set", new Document("seq.c9", 1L)), false);
    }

    @Test
    void neverChangesTheStoredDocumentInPlace() {
        de.bwaldvogel.mongo.bson.Document part = new de.bwaldvogel.mongo.bson.Document("status", "ACTIVE");
        de.bwaldvogel.mongo.bson.Document stored = new de.bwaldvogel.mongo.bson.Document("_id", "x")
                .append("cases", new de.bwaldvogel.mongo.bson.Document("c1", part))
                .append("seq", new de.bwaldvogel.mongo.bson.Document("c1", 1L));
        de.bwaldvogel.mongo.bson.Document before = stored.cloneDeeply();
        PartUpdate update = PartUpdate.parse(new de.bwaldvogel.mongo.bson.Document("_id", "x"),
                new de.bwaldvogel.mongo.bson.Document("$set", new de.bwaldvogel.mongo.bson.Document("cases.c2", "new")
                        .append("seq.c1", 2L)).append("$unset", new de.bwaldvogel.mongo.bson.Document("cases.c1", "")))
                                      .orElseThrow();
        PartUpdate.Applied applied = update.applyTo(stored).orElseThrow();
        assertThat(stored).isEqualTo(before);
        assertThat(applied.changed()).isTrue();
        assertThat(applied.document().get("cases")).isEqualTo(new de.bwaldvogel.mongo.bson.Document("c2", "new"));
        assertThat(applied.document().get("seq")).isEqualTo(new de.bwaldvogel.mongo.bson.Document("c1", 2L));
    }
}
