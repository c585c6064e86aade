package cn.pes.casework.query.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The update every shared read model sends for its parts on the embedded store: by {@code _id} alone,
 * {@code $set} and {@code $unset} of dotted paths through documents ({@code cases.<case>}, {@code seq.<case>}),
 * and {@code $setOnInsert}, which applies only when the update inserts. Anything else (other operators,
 * paths through arrays or into a value that is not a document, paths that overlap, {@code _id} itself,
 * field names starting with {@code $}) is not taken here, so that the library applies it, with its own
 * errors where MongoDB would refuse it.
 */
final class PartUpdate {

    private static final Set<String> OPERATORS = Set.of("$set", "$unset", "$setOnInsert");
    /** A BSON document's own bytes: its length (4) and its terminating zero (1). */
    private static final int DOCUMENT_OVERHEAD = 5;

    private final Map<String, Object> set;
    private final Set<String> unset;

    private PartUpdate(Map<String, Object> set, Set<String> unset) {
        this.set = set;
        this.unset = unset;
    }

    /** The changed document; its size difference in BSON bytes, for the collection's data size. */
    record Applied(Document document, boolean changed, int sizeDelta) {
    }

    static Optional<PartUpdate> parse(Document selector, Document update) {
        if (selector.size() != 1 || !selector.containsKey("_id") || !isPlainValue(selector.get("_id"))
                || update.isEmpty() || !OPERATORS.containsAll(update.keySet())) {
            return Optional.empty();
        }
        Map<String, Object> set = new LinkedHashMap<>();
        Set<String> unset = new HashSet<>();
        if (!collect(update.get("$set"), set) || !collectUnset(update.get("$unset"), unset)
                || !(update.get("$setOnInsert") == null || update.get("$setOnInsert") instanceof Document)) {
            return Optional.empty();
        }
        Set<String> paths = new HashSet<>(set.keySet());
        for (String path : unset) {
            if (!paths.add(path)) {
                return Optional.empty();
            }
        }
        for (String path : paths) {
            if (!isPlainPath(path) || overlapsAnother(path, paths) || !hasPlainFieldNames(set.get(path))) {
                return Optional.empty();
            }
        }
        return Optional.of(new PartUpdate(set, unset));
    }

    /** An {@code _id} compared by equality; operators, regular expressions and compound keys go to the library. */
    private static boolean isPlainValue(Object id) {
        return id instanceof String || id instanceof Number || id instanceof ObjectId || id instanceof UUID;
    }

    private static boolean collect(Object operand, Map<String, Object> into) {
        if (operand == null) {
            return true;
        }
        if (!(operand instanceof Document document)) {
            return false;
        }
        into.putAll(document);
        return true;
    }

    private static boolean collectUnset(Object operand, Set<String> into) {
        if (operand == null) {
            return true;
        }
        if (!(operand instanceof Document document)) {
            return false;
        }
        into.addAll(document.keySet());
        return true;
    }

    private static boolean isPlainPath(String path) {
        if (path.equals("_id") || path.startsWith("_id.")) {
            return false;
        }
        for (String segment : path.split("\\.", -1)) {
            if (segment.isEmpty() || segment.startsWith("$")) {
                return false;
            }
        }
        return true;
    }

    /** "a" and "a.b" in one update: MongoDB refuses it as a conflict, and so does the library. */
    private static boolean overlapsAnother(String path, Set<String> paths) {
        int dot = path.indexOf('.');
        while (dot >= 0) {
            if (paths.contains(path.substring(0, dot))) {
                return true;
            }
            dot = path.indexOf('.', dot + 1);
        }
        return false;
    }

    private static boolean hasPlainFieldNames(Object value) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (String.valueOf(entry.getKey()).startsWith("$") || !hasPlainFieldNames(entry.getValue())) {
                    return false;
                }
            }
        } else if (value instanceof Collection<?> values) {
            for (Object element : values) {
                if (!hasPlainFieldNames(element)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The stored document with the update applied, the stored one and everything in it left as it is: a
     * document on a changed path is copied (shallowly) before it changes, once per update. Empty when a
     * path runs into a value that is not a document, which the library answers with MongoDB's error.
     */
    Optional<Applied> applyTo(Document stored) {
        Document updated = stored.clone();
        Set<Document> copies = Collections.newSetFromMap(new IdentityHashMap<>());
        copies.add(updated);
        int sizeDelta = 0;
        boolean changed = false;
        for (Map.Entry<String, Object> change : set.entrySet()) {
            String[] segments = change.getKey().split("\\.");
            Document parent = updated;
            for (int i = 0; i < segments.length - 1; i++) {
                Object child = parent.get(segments[i]);
                if (child == null && !parent.containsKey(segments[i])) {
                    Document created = new Document();
                    copies.add(created);
                    parent.put(segments[i], created);
                    sizeDelta += elementSize(segments[i], created);
                    changed = true;
                    parent = created;
                } else if (child instanceof Document document) {
                    parent = copyOnce(parent, segments[i], document, copies);
                } else {
                    return Optional.empty();
                }
            }
            String field = segments[segments.length - 1];
            boolean had = parent.containsKey(field);
            Object old = parent.get(field);
            if (!had || !Objects.equals(old, change.getValue())) {
                sizeDelta += elementSize(field, change.getValue()) - (had ? elementSize(field, old) : 0);
                parent.put(field, change.getValue());
                changed = true;
            }
        }
        for (String path : unset) {
            String[] segments = path.split("\\.");
            Document parent = updated;
            for (int i = 0; i < segments.length - 1 && parent != null; i++) {
                Object child = parent.get(segments[i]);
                if (child == null) {
                    parent = null;
                } else if (child instanceof Document document) {
                    parent = copyOnce(parent, segments[i], document, copies);
                } else {
                    return Optional.empty();
                }
            }
            String field = segments[segments.length - 1];
            if (parent != null && parent.containsKey(field)) {
                sizeDelta -= elementSize(field, parent.remove(field));
                changed = true;
            }
        }
        return Optional.of(new Applied(updated, changed, sizeDelta));
    }

    private static Document copyOnce(Document parent, String field, Document child, Set<Document> copies) {
        if (copies.contains(child)) {
            return child;
        }
        Document copy = child.clone();
        copies.add(copy);
        parent.put(field, copy);
        return copy;
    }

    /** The bytes a field takes in its document's BSON: type, name, value. */
    private static int elementSize(String field, Object value) {
        Document single = new Document();
        single.put(field, value);
        return BsonBytes.encode(single).length - DOCUMENT_OVERHEAD;
    }
}
