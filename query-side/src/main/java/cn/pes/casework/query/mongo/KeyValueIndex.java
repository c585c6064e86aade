package cn.pes.casework.query.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A unique index of the embedded store over an H2 map keyed by {@link KeyValueType}. The library's own H2
 * index cannot be given a map of another key type (its constructor is package-private), so this is the
 * same map-backed index over our map: key to the document's position, which is its {@code _id}.
 *
 * <p>Beyond the library's equality and {@code $in} lookups it answers string ranges of {@code _id}
 * from the ordered map: {@code {_id: {$gte|$gt: a, $lt|$lte: b}}}, or an {@code $or} of such ranges
 * ({@link IdRanges}).
 * That is how the parts of a shared read-model document are read, each part being a document keyed
 * {@code <document>#<part>} (see {@code SharedDocuments}); the library would scan the whole collection for
 * them. Under the key order strings sit together in {@link String#compareTo} order, so a range holds
 * exactly the strings MongoDB would match.
 *
 * <p>A partial index ({@link #ofDocumentsWith}) holds only the documents that have a given field: the live
 * parts of shared documents, without the removed ones, which stay stored for their sequence. The library
 * never picks it for a query; the collection pages and counts ranges with it ({@link IdRanges#presentField}).
 */
final class KeyValueIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<KeyValue, Object> positions;
    /** Only documents with this field are indexed; null: every document. */
    private final String requiredField;
    /** Whether a partial index was filled once, so an empty one is not filled again at every opening. */
    private final boolean filled;

    KeyValueIndex(MVMap<KeyValue, Object> positions, String name, List<IndexKey> keys, boolean sparse) {
        this(positions, name, keys, sparse, null, true);
    }

    private KeyValueIndex(MVMap<KeyValue, Object> positions, String name, List<IndexKey> keys, boolean sparse,
                          String requiredField, boolean filled) {
        super(name, keys, sparse);
        this.positions = positions;
        this.requiredField = requiredField;
        this.filled = filled;
    }

    /**
     * An {@code _id} index of the documents that have {@code field}. Sparse to the library, so that a
     * document it does not hold can be removed. {@code filled}: the map already holds every such document;
     * if not, it must be empty, and the collection fills it when the index is added ({@link #isEmpty}).
     */
    static KeyValueIndex ofDocumentsWith(String field, MVMap<KeyValue, Object> positions, String name, boolean filled) {
        return new KeyValueIndex(positions, name, List.of(new IndexKey("_id", true)), true, field, filled);
    }

    /** Whether this holds only the documents that have the field. */
    boolean indexesDocumentsWith(String field) {
        return requiredField != null && requiredField.equals(field);
    }

    private boolean holds(Document document) {
        return requiredField == null || document.containsKey(requiredField);
    }

    // The primary index keeps _id unique; a partial index has nothing of its own to check.
    @Override
    public synchronized void checkAdd(Document document, MongoCollection<Object> collection) {
        if (requiredField == null) {
            super.checkAdd(document, collection);
        }
    }

    @Override
    public synchronized void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        if (requiredField == null) {
            super.checkUpdate(oldDocument, newDocument, collection);
        }
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        if (holds(document)) {
            super.add(document, position, collection);
        }
    }

    /** A replacement keeps the {@code _id}; for a partial index it may add or remove the document. */
    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
                                           MongoCollection<Object> collection) {
        if (requiredField == null) {
            super.updateInPlace(oldDocument, newDocument, position, collection);
            return;
        }
        // It holds exactly the documents with the field, so the old document says whether it is held: no lookup.
        boolean held = holds(oldDocument);
        boolean holds = holds(newDocument);
        if (held && !holds) {
            remove(oldDocument);
        }
        if (holds && !held) {
            super.add(newDocument, position, collection);
        }
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return positions.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return positions.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return positions.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return positions.get(key);
    }

    /** A partial index answers only the collection's own range queries, never the library's. */
    @Override
    public synchronized boolean canHandle(Document query) {
        if (requiredField != null) {
            return false;
        }
        return super.canHandle(query) || keys().size() == 1 && IdRanges.parse(query, keys().get(0)) != null;
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        IdRanges ranges = keys().size() == 1 ? IdRanges.parse(query, keys().get(0)) : null;
        return ranges == null ? super.getPositions(query) : positions(ranges);
    }

    /** Whether this is the index of the one field given, over every document. */
    boolean indexes(String field) {
        return requiredField == null && keys().equals(List.of(field));
    }

    /**
     * The positions of the documents in the ranges, without reading a document: range by range, each in
     * key order, a position found twice listed once.
     */
    synchronized List<Object> positions(IdRanges ranges) {
        Set<Object> found = new LinkedHashSet<>();
        for (IdRanges.Range range : ranges.ranges()) {
            Cursor<KeyValue, Object> cursor = positions.cursor(new KeyValue(range.lower()));
            while (cursor.hasNext()) {
                KeyValue key = cursor.next();
                // Keys of a single-field index have one value; past the last string come other types.
                if (!(key.get(0) instanceof String value)) {
                    break;
                }
                int toUpper = value.compareTo(range.upper());
                if (toUpper > 0 || toUpper == 0 && !range.upperIncluded()) {
                    break;
                }
                if (range.lowerIncluded() || !value.equals(range.lower())) {
                    found.add(cursor.getValue());
                }
            }
        }
        return new ArrayList<>(found);
    }

    /**
     * How many keys disjoint ranges hold, from the indexes of their bounds in the B-tree, whose pages count
     * their keys: no key is read, however many parts a shared document has.
     */
    synchronized long count(IdRanges ranges) {
        long count = 0;
        for (IdRanges.Range range : ranges.ranges()) {
            count += Math.max(0, end(range) - start(range));
        }
        return count;
    }

    /**
     * The positions of disjoint ranges' keys in key order, from the {@code skip}th, at most {@code limit} of
     * them (0: all). The first is found by its index in the B-tree, so the keys skipped are not read: a
     * tracking ledger's last page costs what its first does.
     */
    synchronized List<Object> positions(IdRanges ranges, long skip, int limit) {
        List<Object> page = new ArrayList<>();
        long toSkip = skip;
        for (IdRanges.Range range : ranges.ranges()) {
            long start = start(range);
            long end = end(range);
            if (toSkip >= end - start) {
                toSkip -= Math.max(0, end - start);
                continue;
            }
            long from = start + toSkip;
            toSkip = 0;
            Cursor<KeyValue, Object> cursor = positions.cursor(positions.getKey(from));
            for (long index = from; index < end && cursor.hasNext(); index++) {
                if (limit > 0 && page.size() == limit) {
                    return page;
                }
                cursor.next();
                page.add(cursor.getValue());
            }
        }
        return page;
    }

    /** The index of a range's first key, or where it would be. */
    private long start(IdRanges.Range range) {
        long index = positions.getKeyIndex(new KeyValue(range.lower()));
        return index >= 0 ? (range.lowerIncluded() ? index : index + 1) : -(index + 1);
    }

    /** The index after a range's last key. */
    private long end(IdRanges.Range range) {
        long index = positions.getKeyIndex(new KeyValue(range.upper()));
        return index >= 0 ? (range.upperIncluded() ? index + 1 : index) : -(index + 1);
    }

    @Override
    public long getCount() {
        return positions.sizeAsLong();
    }

    /** The library fills an index it finds empty when it is added to a collection: a partial one until filled once. */
    @Override
    public boolean isEmpty() {
        return requiredField != null ? !filled : positions.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
