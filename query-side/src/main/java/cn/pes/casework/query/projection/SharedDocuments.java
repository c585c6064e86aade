package cn.pes.casework.query.projection;

import cn.pes.casework.query.common.Docs;
import cn.pes.casework.query.mongo.ReadModelStore;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a shared read-model document (an agency's month of the tracking ledger, a street's caseload, a
 * search key's cases) is stored: each case's part is a small document of its own, keyed
 * {@code <document>#<part key>}, so that a change to one case rewrites one small document, and the
 * shared document is read back as the string range of its parts' {@code _id}s (an index range on MongoDB
 * and on the embedded store alike).
 *
 * <p>A stored part: {@code {_id: "<document>#<key>", <fields given on insert>, seq: n, part: {...}}}, with
 * the document's ID escaped ({@code %} and {@code #} as {@code %25}, {@code %23}) and the part's key (the
 * case, or whatever else the read model parts a document by) as it is. A removed part keeps its
 * {@code seq} and loses {@code part}, so that a redelivered older event cannot bring it back; the
 * projections find it by its {@code _id}, and the queries never read it: they ask for the parts that have
 * a {@code part} (on the embedded store, an index of those alone: {@link ReadModelStore#PART_FIELD}), so
 * that a list of an agency's pending applications does not read every one it ever decided. Read back, the
 * live parts of a document form the shape queries fold: {@code {_id: <document>, <fields given on insert>,
 * cases: {<encoded key>: part}, seq: {<encoded key>: n}}}.
 *
 * <p>Until issue 10's fifth slice the shared document was one document holding every part, rewritten
 * and re-encoded whole by the embedded store at every change ({@link ReadModelLayout} rebuilds read
 * models kept in that shape).
 */
public final class SharedDocuments {

    /** The last event sequence applied to the part. */
    public static final String SEQ = "seq";
    /** The part itself; absent once removed. */
    public static final String PART = ReadModelStore.PART_FIELD;

    private static final Set<String> RESERVED = Set.of("_id", SEQ, PART);
    /** Ranges per query; one query reads every document of a ledger page or a year of statistics. */
    private static final int RANGES_PER_QUERY = 200;

    private SharedDocuments() {
    }

    /**
     * The {@code _id} of a part. The document's ID is escaped so that it holds no {@code #}: the first
     * {@code #} ends it, and no other document's parts fall in its range.
     */
    public static String partId(String documentId, String key) {
        return prefix(documentId) + key;
    }

    /** The stored form of a part; {@code part == null} records its removal. */
    static Document stored(String documentId, String key, Document part, long sequence, Document onInsert) {
        Document stored = new Document("_id", partId(documentId, key));
        if (onInsert != null) {
            onInsert.forEach((field, value) -> {
                if (RESERVED.contains(field)) {
                    throw new IllegalArgumentException("A shared document cannot have a field named " + field);
                }
                stored.put(field, value);
            });
        }
        stored.append(SEQ, sequence);
        if (part != null) {
            stored.append(PART, part);
        }
        return stored;
    }

    /** The fields a stored part was given on insert, or null if none. */
    static Document insertedFields(Document stored) {
        Document fields = new Document();
        stored.forEach((field, value) -> {
            if (!RESERVED.contains(field)) {
                fields.put(field, value);
            }
        });
        return fields.isEmpty() ? null : fields;
    }

    /** The shared document, assembled from its live parts; null if it has none. */
    public static Document find(MongoCollection<Document> collection, String documentId) {
        List<Document> found = find(collection, List.of(documentId));
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * The shared documents with the given IDs that have live parts, assembled, in the order asked; IDs asked
     * twice are answered once.
     */
    public static List<Document> find(MongoCollection<Document> collection, Collection<String> documentIds) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(documentIds));
        Map<String, String> byPrefix = new HashMap<>();
        Map<String, Document> assembled = new LinkedHashMap<>();
        ids.forEach(id -> {
            byPrefix.put(prefix(id), id);
            assembled.put(id, null);
        });
        for (int from = 0; from < ids.size(); from += RANGES_PER_QUERY) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + RANGES_PER_QUERY));
            collection.find(ranges(chunk)).forEach(stored -> {
                String partId = stored.getString("_id");
                int separator = partId.indexOf('#');
                String of = byPrefix.get(partId.substring(0, separator + 1));
                if (of == null) {
                    return;
                }
                Document document = assembled.get(of);
                if (document == null) {
                    document = new Document("_id", of);
                    Document inserted = insertedFields(stored);
                    if (inserted != null) {
                        document.putAll(inserted);
                    }
                    document.put(GuardedUpsert.CASES, new Document());
                    document.put(GuardedUpsert.SEQ, new Document());
                    assembled.put(of, document);
                }
                String key = FieldKeys.encode(partId.substring(separator + 1));
                document.get(GuardedUpsert.CASES, Document.class).put(key, Docs.subDocument(stored, PART));
                document.get(GuardedUpsert.SEQ, Document.class).put(key, stored.get(SEQ));
            });
        }
        List<Document> found = new ArrayList<>();
        assembled.values().forEach(document -> {
            if (document != null) {
                found.add(document);
            }
        });
        return found;
    }

    /**
     * The live parts of one shared document in the order of their keys, from the {@code skip}th, at most
     * {@code limit} of them (0: all): for read models whose part keys are their reading order (a tracking
     * ledger's rows).
     */
    public static List<Document> parts(MongoCollection<Document> collection, String documentId, int skip, int limit) {
        List<Document> parts = new ArrayList<>();
        collection.find(partsOf(documentId)).sort(new Document("_id", 1)).skip(skip).limit(limit)
                  .forEach(stored -> parts.add(Docs.subDocument(stored, PART)));
        return parts;
    }

    /** The filter for the live parts of the document, for counting them. */
    public static Bson partsOf(String documentId) {
        return live(range(documentId));
    }

    /**
     * {@code {_id: {$gte: "<prefix>#", $lt: "<prefix>$"}, part: {$exists: true}}}, or an {@code $or} of the
     * ranges with the same condition: written out, since the driver renders {@code Filters.and} as
     * {@code $and}, which the embedded store's index does not take.
     */
    static Bson ranges(List<String> documentIds) {
        List<Document> ranges = documentIds.stream().map(SharedDocuments::range).toList();
        return live(ranges.size() == 1 ? ranges.get(0) : new Document("$or", ranges));
    }

    private static Document live(Document ranges) {
        return ranges.append(PART, new Document("$exists", true));
    }

    /** Every {@code _id} that starts with the document's prefix, and nothing else: '$' follows '#'. */
    private static Document range(String documentId) {
        String prefix = prefix(documentId);
        String end = prefix.substring(0, prefix.length() - 1) + '$';
        return new Document("_id", new Document("$gte", prefix).append("$lt", end));
    }

    private static String prefix(String documentId) {
        StringBuilder prefix = new StringBuilder(documentId.length() + 1);
        for (int i = 0; i < documentId.length(); i++) {
            char c = documentId.charAt(i);
            switch (c) {
                case '%' -> prefix.append("%25");
                case '#' -> prefix.append("%23");
                default -> prefix.append(c);
            }
        }
        return prefix.append('#').toString();
    }
}
