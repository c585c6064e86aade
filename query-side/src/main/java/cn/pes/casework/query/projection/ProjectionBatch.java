package cn.pes.casework.query.projection;

import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.mongo.ReadModelStore;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The read-model changes of one event batch: documents are read once, changed in memory event by
 * event, and written with one bulk write per collection at the end. Reads within the batch see the
 * batch's own changes, so a handler may depend on what an earlier event of the same batch did.
 */
final class ProjectionBatch {

    private record DocumentKey(String collection, String id) {
    }

    private record PartKey(String collection, String documentId, String caseId) {
    }

    private static final class DocumentState {
        Document document;
        long recorded;
        boolean dirty;
    }

    private static final class PartState {
        Document part;
        long recorded;
        boolean dirty;
        Document onInsert;
    }

    private final ReadModelStore store;
    private final Map<DocumentKey, DocumentState> documents = new LinkedHashMap<>();
    private final Map<PartKey, PartState> parts = new LinkedHashMap<>();

    ProjectionBatch(ReadModelStore store) {
        this.store = store;
    }

    Document findDocument(String collection, String id) {
        return document(collection, id).document;
    }

    boolean updateDocument(String collection, String id, long sequence, Consumer<Document> change) {
        DocumentState state = document(collection, id);
        if (sequence <= state.recorded) {
            return false;
        }
        Document document = state.document != null ? state.document : new Document("_id", id);
        change.accept(document);
        document.put(GuardedUpsert.LAST_SEQUENCE, sequence);
        state.document = document;
        state.recorded = sequence;
        state.dirty = true;
        return true;
    }

    Document findPart(String collection, String documentId, String caseId) {
        return part(collection, documentId, caseId).part;
    }

    boolean updatePart(String collection, String documentId, Document onInsert, String caseId, long sequence,
                       UnaryOperator<Document> change) {
        PartState state = part(collection, documentId, caseId);
        if (sequence <= state.recorded) {
            return false;
        }
        state.part = change.apply(state.part);
        state.recorded = sequence;
        state.dirty = true;
        state.onInsert = onInsert;
        return true;
    }

    private DocumentState document(String collection, String id) {
        return documents.computeIfAbsent(new DocumentKey(collection, id), key -> {
            DocumentState state = new DocumentState();
            state.document = store.collection(collection).find(Filters.eq("_id", id)).first();
            state.recorded = Docs.longValue(state.document, GuardedUpsert.LAST_SEQUENCE, -1);
            return state;
        });
    }

    private PartState part(String collection, String documentId, String caseId) {
        return parts.computeIfAbsent(new PartKey(collection, documentId, caseId), key -> {
            String caseKey = FieldKeys.encode(caseId);
            Document stored = store.collection(collection)
                                   .find(Filters.eq("_id", documentId))
                                   .projection(Projections.include(GuardedUpsert.CASES + "." + caseKey,
                                                                   GuardedUpsert.SEQ + "." + caseKey))
                                   .first();
            PartState state = new PartState();
            Document cases = stored == null ? null : stored.get(GuardedUpsert.CASES, Document.class);
            Document sequences = stored == null ? null : stored.get(GuardedUpsert.SEQ, Document.class);
            state.part = cases == null ? null : cases.get(caseKey, Document.class);
            state.recorded = Docs.longValue(sequences, caseKey, -1);
            return state;
        });
    }

    /**
     * Writes what changed and makes it durable. Shared documents go first and per-case documents
     * last: a per-case document may hold what a replay needs to find the shared ones (e.g. the agency
     * of a pending application), so once it records an event, the shared writes of that event are
     * stored too. Safe to call again; only changes since the last flush are written.
     */
    void flush() {
        boolean serverSide = store.serverSideGuards();
        Map<String, List<WriteModel<Document>>> sharedWrites = new LinkedHashMap<>();
        Map<String, Map<String, List<GuardedUpsert.PartChange>>> changesByDocument = new LinkedHashMap<>();
        Map<String, Map<String, Document>> onInsertByDocument = new LinkedHashMap<>();
        parts.forEach((key, state) -> {
            if (state.dirty) {
                changesByDocument.computeIfAbsent(key.collection(), c -> new LinkedHashMap<>())
                                 .computeIfAbsent(key.documentId(), d -> new ArrayList<>())
                                 .add(new GuardedUpsert.PartChange(key.caseId(), state.part, state.recorded));
                if (state.onInsert != null) {
                    onInsertByDocument.computeIfAbsent(key.collection(), c -> new LinkedHashMap<>())
                                      .put(key.documentId(), state.onInsert);
                }
            }
        });
        changesByDocument.forEach((collection, byDocument) -> byDocument.forEach((documentId, changes) -> {
            Document onInsert = onInsertByDocument.getOrDefault(collection, Map.of()).get(documentId);
            sharedWrites.computeIfAbsent(collection, c -> new ArrayList<>())
                        .addAll(GuardedUpsert.updateParts(documentId, onInsert, changes, serverSide));
        }));

        Map<String, List<WriteModel<Document>>> caseWrites = new LinkedHashMap<>();
        documents.forEach((key, state) -> {
            if (state.dirty) {
                caseWrites.computeIfAbsent(key.collection(), c -> new ArrayList<>())
                          .add(GuardedUpsert.replaceDocument(state.document, serverSide));
            }
        });

        if (sharedWrites.isEmpty() && caseWrites.isEmpty()) {
            return;
        }
        sharedWrites.forEach((collection, writes) -> GuardedUpsert.execute(store.collection(collection), writes));
        caseWrites.forEach((collection, writes) -> GuardedUpsert.execute(store.collection(collection), writes));
        store.makeDurable();
        parts.values().forEach(state -> state.dirty = false);
        documents.values().forEach(state -> state.dirty = false);
    }
}
