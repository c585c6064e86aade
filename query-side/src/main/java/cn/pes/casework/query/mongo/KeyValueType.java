package cn.pes.casework.query.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * How the embedded store keeps the keys of a unique index ({@code _id} for every read model): as BSON,
 * compared in memory. The H2 backend's default type knows nothing of the library's {@link KeyValue}, which
 * is not {@link Comparable}, so it compared two keys by Java-serialising both, a new
 * {@code ObjectOutputStream} for each, at every step of every B-tree descent: each upsert by {@code _id}
 * paid some forty serialisations before it touched its document (profiled under load, issue 10).
 *
 * <p>The order is a total order consistent with {@link KeyValue#equals}: element by element, values of
 * one class by their natural order (strings, numbers, booleans, object IDs, instants), documents and lists
 * structurally, and values of different classes by class name. It is not MongoDB's sort order and need
 * not be: the library answers range queries by scanning, and only finds keys by equality. Keys reaching
 * the index are normalised by the library (numbers as doubles, missing as null) and come from the wire,
 * so every value is one the BSON encoder writes.
 */
final class KeyValueType extends BasicDataType<KeyValue> {

    /** The format's tag, so that a later format can tell this one apart. */
    static final byte BSON = (byte) 0xB6;

    @Override
    public int getMemory(KeyValue key) {
        int size = 48;
        for (Object value : key) {
            size += 16 + (value instanceof String string ? 40 + 2 * string.length() : 32);
        }
        return size;
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        Document elements = new Document();
        int position = 0;
        for (Object value : key) {
            elements.put(Integer.toString(position++), value);
        }
        byte[] bytes = BsonBytes.encode(elements);
        buffer.put(BSON).putVarInt(bytes.length).put(bytes);
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        byte tag = buffer.get();
        if (tag != BSON) {
            throw new IllegalStateException("Not an index key of the read-model store: tag " + tag);
        }
        byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(bytes);
        Document elements = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
        return new KeyValue(new ArrayList<>(elements.values()));
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        if (a == b) {
            return 0;
        }
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int order = compareValues(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == null || b == null) {
            return a == null ? -1 : 1;
        }
        if (a.getClass() != b.getClass()) {
            if (a instanceof Map<?, ?> && b instanceof Map<?, ?>) {
                return compareDocuments((Map<?, ?>) a, (Map<?, ?>) b);
            }
            if (a instanceof List<?> && b instanceof List<?>) {
                return compareSequences((List<?>) a, (List<?>) b);
            }
            return a.getClass().getName().compareTo(b.getClass().getName());
        }
        if (a instanceof Map<?, ?> left) {
            return compareDocuments(left, (Map<?, ?>) b);
        }
        if (a instanceof Collection<?> left) {
            return compareSequences(left, (Collection<?>) b);
        }
        if (a instanceof Comparable comparable) {
            return comparable.compareTo(b);
        }
        // Binary data and the rarer BSON types: equal values have equal encodings.
        return compareEncoded(a, b);
    }

    /** Field order counts, as it does for a MongoDB {@code _id}. */
    private static int compareDocuments(Map<?, ?> a, Map<?, ?> b) {
        Iterator<? extends Map.Entry<?, ?>> left = a.entrySet().iterator();
        Iterator<? extends Map.Entry<?, ?>> right = b.entrySet().iterator();
        while (left.hasNext() && right.hasNext()) {
            Map.Entry<?, ?> l = left.next();
            Map.Entry<?, ?> r = right.next();
            int order = String.valueOf(l.getKey()).compareTo(String.valueOf(r.getKey()));
            if (order == 0) {
                order = compareValues(l.getValue(), r.getValue());
            }
            if (order != 0) {
                return order;
            }
        }
        return Boolean.compare(left.hasNext(), right.hasNext());
    }

    private static int compareSequences(Collection<?> a, Collection<?> b) {
        Iterator<?> left = a.iterator();
        Iterator<?> right = b.iterator();
        while (left.hasNext() && right.hasNext()) {
            int order = compareValues(left.next(), right.next());
            if (order != 0) {
                return order;
            }
        }
        return Boolean.compare(left.hasNext(), right.hasNext());
    }

    private static int compareEncoded(Object a, Object b) {
        return Arrays.compare(BsonBytes.encode(new Document("v", a)), BsonBytes.encode(new Document("v", b)));
    }
}
