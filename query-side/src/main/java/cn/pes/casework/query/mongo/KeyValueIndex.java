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
 * from the ordered map: {@code {_id: {$gte|$gt: a, $lt|$lte: b}}}, or an {@code $or} of such ranges.
 * That is how the parts of a shared read-model document are read, each part being a document keyed
 * {@code <document>#<part>} (see {@code SharedDocuments}); the library would scan the whole collection for
 * them. Under the key order strings sit together in {@link String#compareTo} order, so a range holds
 * exactly the strings MongoDB would match for bounds that share a prefix up to a character below
 * U+D800, which is all this is used for; the library still matches every document found against the
 * whole query, so the index need only find a superset.
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
        return super.canHandle(query) || ranges(query) != null;
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        List<StringRange> ranges = ranges(query);
        if (ranges == null) {
            return super.getPositions(query);
        }
        Set<Object> found = new LinkedHashSet<>();
        for (StringRange range : ranges) {
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

    private record StringRange(String lower, boolean lowerIncluded, String upper, boolean upperIncluded) {
    }

    /** The query's string ranges of this single-key index, or null if it is not made of them only. */
    private List<StringRange> ranges(Document query) {
        if (keys().size() != 1 || query.size() != 1) {
            return null;
        }
        String field = keys().get(0);
        if (query.get("$or") instanceof List<?> clauses && !clauses.isEmpty()) {
            List<StringRange> ranges = new ArrayList<>();
            for (Object clause : clauses) {
                StringRange range = clause instanceof Document document && document.size() == 1
                        ? range(document.get(field)) : null;
                if (range == null) {
                    return null;
                }
                ranges.add(range);
            }
            return ranges;
        }
        StringRange range = range(query.get(field));
        return range == null ? null : List.of(range);
    }

    private static StringRange range(Object condition) {
        if (!(condition instanceof Document bounds) || bounds.size() != 2) {
            return null;
        }
        Object lower = bounds.containsKey("$gte") ? bounds.get("$gte") : bounds.get("$gt");
        Object upper = bounds.containsKey("$lt") ? bounds.get("$lt") : bounds.get("$lte");
        if (!(lower instanceof String from) || !(upper instanceof String to)
                || bounds.containsKey("$gte") && bounds.containsKey("$gt")
                || bounds.containsKey("$lt") && bounds.containsKey("$lte")) {
            return null;
        }
        return new StringRange(from, bounds.containsKey("$gte"), to, bounds.containsKey("$lte"));
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
