package cn.pes.casework.query.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;

/**
 * How the embedded store keeps a document on disk: as BSON, the format it arrived in. The H2 backend's
 * default stores values with Java serialisation, a new {@code ObjectOutputStream} per document, and
 * that was the largest single cost of every projection write (profiled under load, issue 10). Values
 * written before by the default are still read: they start with the default's type tag, ours with
 * {@link #BSON}, so an existing data folder needs no migration and is rewritten document by document.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    /** Not a type tag the default writes for a document (it writes its serialised-object tag). */
    static final byte BSON = (byte) 0xB5;

    private final ObjectDataType legacy = new ObjectDataType();

    @Override
    public int getMemory(Document document) {
        return 64 + estimate(document);
    }

    /** A cheap estimate of the heap a document takes in the page cache (no encoding). */
    private static int estimate(Object value) {
        if (value instanceof Map<?, ?> map) {
            int size = 48;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 48 + 2 * String.valueOf(entry.getKey()).length() + estimate(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> collection) {
            int size = 32;
            for (Object element : collection) {
                size += 8 + estimate(element);
            }
            return size;
        }
        if (value instanceof String string) {
            return 40 + 2 * string.length();
        }
        return 24;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        byte[] bytes = BsonBytes.encode(document);
        buffer.put(BSON).putVarInt(bytes.length).put(bytes);
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return (Document) legacy.read(buffer);
        }
        buffer.get();
        int length = DataUtils.readVarInt(buffer);
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    /** Values are only compared for equality (conditional replace); documents have no order. */
    @Override
    public int compare(Document a, Document b) {
        return a.equals(b) ? 0 : 1;
    }
}
