package cn.pes.casework.query.entrepreneurship;

import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.projection.Buckets;
import cn.pes.casework.query.projection.ProjectionWriter;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A per-case document holding the person and a list of items (loans, trainings), and the case's parts
 * of shared documents keyed by a value of the item that never changes (the handling agency; the
 * institution and month): each part is copied from the case document as it stands after the change,
 * so a list can never drift from the case. The shared documents are spread over {@value #BUCKETS}
 * per key by case ID, as the other per-agency lists are.
 */
final class CaseParts {

    /** Fixed: changing it needs a rebuild of the read models using it (reset their tokens). */
    static final int BUCKETS = 16;

    private final ProjectionWriter writer;
    private final String cases;
    private final String shared;
    private final String listKey;
    private final Function<Document, String> keyOf;
    private final Function<String, Document> onInsert;

    /**
     * @param keyOf    the shared document's key of an item
     * @param onInsert the fields a shared document of a key gets when it is created
     */
    CaseParts(ProjectionWriter writer, String cases, String shared, String listKey, Function<Document, String> keyOf,
              Function<String, Document> onInsert) {
        this.writer = writer;
        this.cases = cases;
        this.shared = shared;
        this.listKey = listKey;
        this.keyOf = keyOf;
        this.onInsert = onInsert;
    }

    static String id(String key, String caseId) {
        return Buckets.of(key, caseId, BUCKETS);
    }

    static List<String> ids(String key) {
        return Buckets.all(key, BUCKETS);
    }

    /** Changes the case document, then rewrites the case's part under every key its items have. */
    void changeCase(String caseId, long sequence, Consumer<Document> change) {
        if (writer.updateDocument(cases, caseId, sequence, change)) {
            writeParts(caseId, sequence, keysOf(writer.findDocument(cases, caseId)));
        }
    }

    /** Changes one item; an event about an item never recorded (a broken stream) changes nothing. */
    void changeItem(String caseId, String itemId, String idField, long sequence, Consumer<Document> change) {
        String[] key = new String[1];
        boolean applied = writer.updateDocument(cases, caseId, sequence, doc -> {
            Document item = EntrepreneurshipDocs.item(doc, listKey, idField, itemId);
            if (item != null) {
                change.accept(item);
                key[0] = key(item);
            }
        });
        if (applied && key[0] != null) {
            writeParts(caseId, sequence, Set.of(key[0]));
        }
    }

    private void writeParts(String caseId, long sequence, Set<String> keys) {
        Document caseDoc = writer.findDocument(cases, caseId);
        if (caseDoc == null) {
            return;
        }
        Document person = Docs.subDocument(caseDoc, "person");
        for (String key : keys) {
            List<Document> items = new ArrayList<>();
            for (Document item : caseDoc.getList(listKey, Document.class, List.of())) {
                if (key.equals(key(item))) {
                    items.add(EntrepreneurshipDocs.copy(item));
                }
            }
            Document part = new Document("caseId", caseId).append("person", EntrepreneurshipDocs.copy(person))
                                                          .append(listKey, items);
            writer.updatePart(shared, id(key, caseId), onInsert.apply(key), caseId, sequence,
                              current -> part);
        }
    }

    private Set<String> keysOf(Document caseDoc) {
        Set<String> keys = new LinkedHashSet<>();
        if (caseDoc != null) {
            caseDoc.getList(listKey, Document.class, List.of()).stream().map(this::key).filter(Objects::nonNull)
                   .forEach(keys::add);
        }
        return keys;
    }

    private String key(Document item) {
        return keyOf.apply(item);
    }
}
