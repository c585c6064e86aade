package cn.pes.casework.query.mongo;

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
 */
final class KeyValueIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<KeyValue, Object> positions;

    KeyValueIndex(MVMap<KeyValue, Object> positions, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.positions = positions;
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

    @Override
    public synchronized boolean canHandle(Document query) {
        return super.canHandle(query) || keys().size() == 1 && IdRanges.parse(query, keys().get(0)) != null;
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        IdRanges ranges = keys().size() == 1 ? IdRanges.parse(query, keys().get(0)) : null;
        return ranges == null ? super.getPositions(query) : positions(ranges);
    }

    /** Whether this is the index of the one field given. */
    boolean indexes(String field) {
        return keys().equals(List.of(field));
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

    @Override
    public boolean isEmpty() {
        return positions.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
