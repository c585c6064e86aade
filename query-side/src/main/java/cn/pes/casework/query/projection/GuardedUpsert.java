package cn.pes.casework.query.projection;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The guarded upsert every projection write goes through: a document (or a case's part of a shared
 * document) is written only if the event's sequence is newer than the one it recorded.
 *
 * <p>With a server-side guard the filter is {@code {_id, $or: [{path: {$exists: false}}, {path: {$lt: seq}}]}}
 * with upsert; if a newer state is already stored the filter misses, the upsert tries to insert the
 * same {@code _id} and the duplicate-key error means "already applied". Without it (embedded store,
 * see {@link cn.pes.casework.query.mongo.ReadModelStore}) the filter is {@code _id} alone and the
 * guard was checked in memory against the state read in the same batch.
 *
 * <p>Shared documents are read as {@code {cases: {<caseKey>: part}, seq: {<caseKey>: n}}}; each part is
 * stored as a document of its own with its last applied sequence ({@link SharedDocuments}), which
 * stays when the part is removed, so a redelivered older event cannot bring a removed part back.
 * Parts of different cases are different documents, so work packages of different segments may
 * write the same shared document concurrently.
 */
public final class GuardedUpsert {

    /** The last event sequence applied to a per-case document. */
    public static final String LAST_SEQUENCE = "lastSequence";
    /** Per-case parts of a shared document, as read back ({@link SharedDocuments#find}). */
    public static final String CASES = "cases";
    /** Per-case last applied sequences of a shared document, as read back. */
    public static final String SEQ = "seq";

    private GuardedUpsert() {
    }

    public static Bson guardFilter(Object id, String sequencePath, long sequence, boolean serverSide) {
        Bson byId = Filters.eq("_id", id);
        if (!serverSide) {
            return byId;
        }
        return Filters.and(byId, Filters.or(Filters.exists(sequencePath, false), Filters.lt(sequencePath, sequence)));
    }

    /** Replaces a per-case document whose {@value #LAST_SEQUENCE} is already set to the new sequence. */
    public static WriteModel<Document> replaceDocument(Document document, boolean serverSide) {
        return replace(document, LAST_SEQUENCE, serverSide);
    }

    /**
     * Replaces a stored part of a shared document ({@link SharedDocuments#stored}) whose
     * {@value SharedDocuments#SEQ} is already set to the new sequence.
     */
    public static WriteModel<Document> replacePart(Document stored, boolean serverSide) {
        return replace(stored, SharedDocuments.SEQ, serverSide);
    }

    private static WriteModel<Document> replace(Document document, String sequenceField, boolean serverSide) {
        long sequence = document.get(sequenceField, Number.class).longValue();
        return new ReplaceOneModel<>(guardFilter(document.get("_id"), sequenceField, sequence, serverSide), document,
                                     new ReplaceOptions().upsert(true));
    }

    /**
     * Runs the writes unordered (they touch distinct documents or distinct parts). A duplicate-key
     * error has two causes: a newer state is already stored (the guard missed, the upsert tried to
     * insert), or another segment inserted the same shared document a moment earlier (MongoDB does
     * not retry such an upsert itself because the filter is more than {@code _id}). Running the write
     * once more without upsert settles both: it applies if the guard allows, and changes nothing if not.
     */
    public static void execute(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
        if (writes.isEmpty()) {
            return;
        }
        try {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            List<BulkWriteError> failures = e.getWriteErrors().stream()
                                             .filter(error -> error.getCategory() != ErrorCategory.DUPLICATE_KEY)
                                             .toList();
            if (!failures.isEmpty() || e.getWriteConcernError() != null) {
                throw failure(collection, failures, e);
            }
            List<WriteModel<Document>> again = e.getWriteErrors().stream()
                                                .map(error -> withoutUpsert(writes.get(error.getIndex())))
                                                .toList();
            try {
                collection.bulkWrite(again, new BulkWriteOptions().ordered(false));
            } catch (MongoBulkWriteException second) {
                throw failure(collection, second.getWriteErrors(), second);
            }
        }
    }

    private static WriteModel<Document> withoutUpsert(WriteModel<Document> write) {
        if (write instanceof UpdateOneModel<Document> update && update.getUpdate() != null) {
            return new UpdateOneModel<>(update.getFilter(), update.getUpdate(), new UpdateOptions().upsert(false));
        }
        if (write instanceof ReplaceOneModel<Document> replace) {
            return new ReplaceOneModel<>(replace.getFilter(), replace.getReplacement(),
                                         new ReplaceOptions().upsert(false));
        }
        throw new IllegalArgumentException("unexpected read-model write " + write.getClass().getSimpleName());
    }

    /** Error codes only: the writes themselves hold personal data. */
    private static ReadModelWriteException failure(MongoCollection<Document> collection,
                                                   List<BulkWriteError> failures, MongoBulkWriteException e) {
        String codes = failures.stream().map(error -> String.valueOf(error.getCode()))
                               .collect(Collectors.joining(","));
        return new ReadModelWriteException("Writing read model " + collection.getNamespace().getCollectionName()
                                                   + " failed: error codes [" + codes + "]"
                                                   + (e.getWriteConcernError() != null ? ", write concern error "
                                                   + e.getWriteConcernError().getCode() : ""));
    }
}
