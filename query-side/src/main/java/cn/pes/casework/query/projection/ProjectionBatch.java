package cn.pes.casework.query.projection;

import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.mongo.ReadModelStore;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The read-model changes of one event batch: documents are read once, changed in memory event by
 * event, and written with one bulk write per collection at the end.
 *
 * <p>Reads are what makes a replay slow (one round trip each), so they are batched too. Per-case
 * documents, which handlers read while handling, are fetched for every case of the batch on the
 * first access to a collection ({@code $in} on {@code _id}, an index lookup also on the embedded
 * server). Changes to parts of shared documents are only queued while handling and applied, with
 * their sequence guard, at the flush, after one read of all the shared documents they touch.
 */
final class ProjectionBatch {

    /** Keeps the $in lists of one read to a reasonable size. */
    private static final int READ_CHUNK = 500;
    /**
     * Up to this many parts, shared documents are read projected to just those parts (live traffic);
     * above, whole (a replay). The embedded server checks projection fields pairwise, so hundreds of
     * them cost more than the documents.
     */
    private static final int PROJECTED_PARTS = 8;

    private record DocumentKey(String collection, String id) {
    }

    private record PartKey(String collection, String documentId, String caseId) {
    }

    private record PendingChange(long sequence, UnaryOperator<Document> change) {
    }

    private static final class DocumentState {
        Document document;
        long recorded;
        boolean dirty;
    }

    private static final class PartState {
        boolean loaded;
        Document part;
        long recorded;
        boolean dirty;
        Document onInsert;
        final List<PendingChange> pending = new ArrayList<>();

        void apply(long sequence, UnaryOperator<Document> change) {
            if (sequence > recorded) {
                part = change.apply(part);
                recorded = sequence;
                dirty = true;
            }
        }
    }

    private final ReadModelStore store;
    private final Set<String> batchCaseIds;
    private final Map<DocumentKey, DocumentState> documents = new LinkedHashMap<>();
    private final Map<PartKey, PartState> parts = new LinkedHashMap<>();
    private final Set<String> prefetchedCollections = new HashSet<>();

    /**
     * @param batchCaseIds the cases the batch's events belong to, whose per-case documents are
     *                     fetched together
     */
    ProjectionBatch(ReadModelStore store, Set<String> batchCaseIds) {
        this.store = store;
        this.batchCaseIds = batchCaseIds;
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
        PartState state = parts.computeIfAbsent(new PartKey(collection, documentId, caseId), key -> new PartState());
        if (!state.loaded) {
            loadParts(collection, Map.of(new PartKey(collection, documentId, caseId), state));
        }
        return state.part;
    }

    void updatePart(String collection, String documentId, Document onInsert, String caseId, long sequence,
                    UnaryOperator<Document> change) {
        PartState state = parts.computeIfAbsent(new PartKey(collection, documentId, caseId), key -> new PartState());
        if (onInsert != null) {
            state.onInsert = onInsert;
        }
        if (state.loaded) {
            state.apply(sequence, change);
        } else {
            state.pending.add(new PendingChange(sequence, change));
        }
    }

    private DocumentState document(String collection, String id) {
        DocumentKey key = new DocumentKey(collection, id);
        DocumentState state = documents.get(key);
        if (state == null && batchCaseIds.contains(id) && prefetchedCollections.add(collection)) {
            prefetchDocuments(collection);
            state = documents.get(key);
        }
        if (state == null) {
            state = documentState(store.collection(collection).find(Filters.eq("_id", id)).first());
            documents.put(key, state);
        }
        return state;
    }

    private void prefetchDocuments(String collection) {
        List<String> ids = batchCaseIds.stream()
                                       .filter(id -> !documents.containsKey(new DocumentKey(collection, id)))
                                       .toList();
        for (int from = 0; from < ids.size(); from += READ_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + READ_CHUNK));
            Set<String> missing = new HashSet<>(chunk);
            store.collection(collection).find(Filters.in("_id", chunk)).forEach(document -> {
                String id = document.getString("_id");
                missing.remove(id);
                documents.put(new DocumentKey(collection, id), documentState(document));
            });
            missing.forEach(id -> documents.put(new DocumentKey(collection, id), documentState(null)));
        }
    }

    private static DocumentState documentState(Document stored) {
        DocumentState state = new DocumentState();
        state.document = stored;
        state.recorded = Docs.longValue(stored, GuardedUpsert.LAST_SEQUENCE, -1);
        return state;
    }

    /** Reads the stored parts and sequences of the given (not yet loaded) parts of one collection. */
    private void loadParts(String collection, Map<PartKey, PartState> toLoad) {
        List<String> documentIds = toLoad.keySet().stream().map(PartKey::documentId).distinct().toList();
        for (int from = 0; from < documentIds.size(); from += READ_CHUNK) {
            List<String> chunk = documentIds.subList(from, Math.min(documentIds.size(), from + READ_CHUNK));
            Set<String> chunkIds = new HashSet<>(chunk);
            List<String> fields = new ArrayList<>();
            if (toLoad.size() <= PROJECTED_PARTS) {
                toLoad.keySet().forEach(key -> {
                    String caseKey = FieldKeys.encode(key.caseId());
                    fields.add(GuardedUpsert.CASES + "." + caseKey);
                    fields.add(GuardedUpsert.SEQ + "." + caseKey);
                });
            } else {
                fields.add(GuardedUpsert.CASES);
                fields.add(GuardedUpsert.SEQ);
            }
            Map<String, Document> stored = new LinkedHashMap<>();
            store.collection(collection)
                 .find(Filters.in("_id", chunk))
                 .projection(Projections.include(fields))
                 .forEach(document -> stored.put(document.getString("_id"), document));
            toLoad.forEach((key, state) -> {
                if (!chunkIds.contains(key.documentId())) {
                    return;
                }
                Document document = stored.get(key.documentId());
                String caseKey = FieldKeys.encode(key.caseId());
                Document cases = document == null ? null : document.get(GuardedUpsert.CASES, Document.class);
                Document sequences = document == null ? null : document.get(GuardedUpsert.SEQ, Document.class);
                state.part = cases == null ? null : cases.get(caseKey, Document.class);
                state.recorded = Docs.longValue(sequences, caseKey, -1);
                state.loaded = true;
                state.pending.forEach(pending -> state.apply(pending.sequence(), pending.change()));
                state.pending.clear();
            });
        }
    }

    /**
     * Writes what changed and makes it durable. Shared documents go first and per-case documents
     * last: a per-case document may hold what a replay needs to find the shared ones (e.g. the agency
     * of a pending application), so once it records an event, the shared writes of that event are
     * stored too. Safe to call again; only changes since the last flush are written.
     */
    void flush() {
        Map<String, Map<PartKey, PartState>> unloaded = new LinkedHashMap<>();
        parts.forEach((key, state) -> {
            if (!state.loaded) {
                unloaded.computeIfAbsent(key.collection(), c -> new LinkedHashMap<>()).put(key, state);
            }
        });
        unloaded.forEach(this::loadParts);

        boolean serverSide = store.serverSideGuards();
        Map<String, Map<String, List<GuardedUpsert.PartChange>>> changesByDocument = new LinkedHashMap<>();
        Map<DocumentKey, Document> onInsertByDocument = new LinkedHashMap<>();
        parts.forEach((key, state) -> {
            if (state.dirty) {
                changesByDocument.computeIfAbsent(key.collection(), c -> new LinkedHashMap<>())
                                 .computeIfAbsent(key.documentId(), d -> new ArrayList<>())
                                 .add(new GuardedUpsert.PartChange(key.caseId(), state.part, state.recorded));
                if (state.onInsert != null) {
                    onInsertByDocument.put(new DocumentKey(key.collection(), key.documentId()), state.onInsert);
                }
            }
        });
        Map<String, List<WriteModel<Document>>> sharedWrites = new LinkedHashMap<>();
        changesByDocument.forEach((collection, byDocument) -> byDocument.forEach((documentId, changes) ->
                sharedWrites.computeIfAbsent(collection, c -> new ArrayList<>())
                            .addAll(GuardedUpsert.updateParts(documentId,
                                                              onInsertByDocument.get(new DocumentKey(collection, documentId)),
                                                              changes, serverSide))));

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
