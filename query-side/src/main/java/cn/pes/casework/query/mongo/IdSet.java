package cn.pes.casework.query.mongo;

import de.bwaldvogel.mongo.bson.Document;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A query that asks for documents by a list of string keys, {@code {f: {$in: ["a", "b", ...]}}}: how a
 * projection batch reads the documents of its cases, and the parts of shared documents it changes
 * ({@code ProjectionBatch}, up to 500 keys a query). The store finds them by its index and matches them
 * here, by a hash set; the library's matcher compares every document found with every key of the list,
 * which for a batch of n cases is n² comparisons per collection (with the read models fed live by one read
 * of the stream, the largest share of the store's CPU at 200 contacts a second: issue 10's profile).
 *
 * <p>Only lists of strings are taken. A string matches only the equal string, as in MongoDB, where
 * strings compare by their bytes and equal no value of another type; an {@code _id} is never an array.
 */
record IdSet(Set<String> keys) {

    /** The keys of {@code field} the query asks for, or null if it is anything else. */
    static IdSet parse(Document query, String field) {
        if (query.size() != 1 || !(query.get(field) instanceof Document condition) || condition.size() != 1
                || !(condition.get("$in") instanceof List<?> values)) {
            return null;
        }
        Set<String> keys = new HashSet<>(values.size() * 2);
        for (Object value : values) {
            if (!(value instanceof String key)) {
                return null;
            }
            keys.add(key);
        }
        return new IdSet(Set.copyOf(keys));
    }

    /** Whether the document's {@code idField} is one of the keys. */
    boolean matches(Document document, String idField) {
        return document.get(idField) instanceof String id && keys.contains(id);
    }
}
