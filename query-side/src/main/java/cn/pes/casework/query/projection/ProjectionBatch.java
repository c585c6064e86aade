package cn.pes.casework.query.projection;

import cn.pes.casework.query.common.Docs;
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
 * their sequence guard, at the flush, after one read of all the parts they touch; each part is a
 * document of its own ({@link SharedDocuments}), read and replaced by {@code _id}.
 */
final class ProjectionBatch {

    /** Keeps the $in lists of one read to a reasonable size. */
    private static final int READ_CHUNK = 500;

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
        /** The fields the stored part was given when inserted, kept when a change brings none. */
        Document inserted;
        final List<PendingChange> pending = new ArrayList<>();

        void apply(long sequence, UnaryOperator<Document> change) {
            if (sequence > recorded) {
                part = change.apply(part);
                recorded = sequence;
                dirty = true;
            }
        }
    }

    private final ProjectionStorage store;
    private final Set<String> batchCaseIds;
    private final Map<DocumentKey, DocumentState> documents = new LinkedHashMap<>();
    private final Map<PartKey, PartState> parts = new LinkedHashMap<>();
    private final Set<String> prefetchedCollections = new HashSet<>();

    /**
     * @param batchCaseIds the cases the batch's events belong to, whose per-case documents are
     *                     fetched together
     */
    ProjectionBatch(ProjectionStorage store, Set<String> batchCaseIds) {
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
            Document[] stored = new Document[1];
            store.find(collection, List.of(id), found -> stored[0] = found);
            state = documentState(stored[0]);
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
            store.find(collection, chunk, document -> {
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
        Map<String, PartState> byId = new LinkedHashMap<>();
        toLoad.forEach((key, state) -> {
            byId.put(SharedDocuments.partId(key.documentId(), key.caseId()), state);
            state.recorded = -1;
        });
        List<String> ids = new ArrayList<>(byId.keySet());
        for (int from = 0; from < ids.size(); from += READ_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + READ_CHUNK));
            store.find(collection, chunk, stored -> {
                PartState state = byId.get(stored.getString("_id"));
                if (state != null) {
                    state.part = Docs.subDocument(stored, SharedDocuments.PART);
                    state.recorded = Docs.longValue(stored, SharedDocuments.SEQ, -1);
                    state.inserted = SharedDocuments.insertedFields(stored);
                }
            });
        }
        toLoad.values().forEach(state -> {
            state.loaded = true;
            state.pending.forEach(pending -> state.apply(pending.sequence(), pending.change()));
            state.pending.clear();
        });
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
        Map<String, List<WriteModel<Document>>> sharedWrites = new LinkedHashMap<>();
        parts.forEach((key, state) -> {
            if (state.dirty) {
                Document onInsert = state.onInsert != null ? state.onInsert : state.inserted;
                Document stored = SharedDocuments.stored(key.documentId(), key.caseId(), state.part, state.recorded,
                                                         onInsert);
                sharedWrites.computeIfAbsent(key.collection(), c -> new ArrayList<>())
                            .add(GuardedUpsert.replacePart(stored, serverSide));
            }
        });

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
        sharedWrites.forEach(store::write);
        caseWrites.forEach(store::write);
        store.commit();
        parts.values().forEach(state -> state.dirty = false);
        documents.values().forEach(state -> state.dirty = false);
    }
}
