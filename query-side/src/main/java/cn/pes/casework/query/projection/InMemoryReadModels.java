package cn.pes.casework.query.projection;

import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.BsonBinaryReader;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.configuration.CodecRegistry;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Read-model documents of one fold, held in memory: the as-of answer runs the live projections over
 * a selection of one case's events into it and reads the result with the live queries' mapping, so a
 * past state is computed by the code that computes today's, without a round trip to any store
 * (issue 10: three folds through a scratch server cost 50-130 ms at p99).
 *
 * <p>Each document is kept as the store would give it back: encoded to BSON and decoded again with
 * the read-model store's codecs, so dates, numbers and nested documents have the types a query reads
 * from the store. Not thread-safe: one fold at a time, on one thread.
 */
public final class InMemoryReadModels implements ProjectionStorage {

    private final Codec<Document> codec;
    private final Map<String, Map<Object, Document>> collections = new HashMap<>();

    public InMemoryReadModels(CodecRegistry codecs) {
        this.codec = codecs.get(Document.class);
    }

    /** The document {@code id} of {@code collection} as stored, or null. */
    public Document find(String collection, String id) {
        Map<Object, Document> documents = collections.get(collection);
        return documents == null ? null : documents.get(id);
    }

    /**
     * Hands over the stored instances, not copies as a store's reads are: a batch changes what it read in
     * place and then writes it back, and here nothing reads a document between the two (one fold at a
     * time, read after its batch wrote), so a copy would only cost.
     */
    @Override
    public void find(String collection, List<String> ids, Consumer<Document> found) {
        ids.forEach(id -> {
            Document document = find(collection, id);
            if (document != null) {
                found.accept(document);
            }
        });
    }

    /**
     * Applies the batch's replacements. The sequence guard was checked by the batch against what it
     * read from here (no server-side guards), so a replacement is stored as it is.
     */
    @Override
    public void write(String collection, List<WriteModel<Document>> writes) {
        Map<Object, Document> documents = collections.computeIfAbsent(collection, c -> new HashMap<>());
        for (WriteModel<Document> write : writes) {
            if (!(write instanceof ReplaceOneModel<Document> replace)) {
                throw new IllegalArgumentException("unexpected read-model write " + write.getClass().getSimpleName());
            }
            Document stored = asStored(replace.getReplacement());
            documents.put(stored.get("_id"), stored);
        }
    }

    /**
     * A deep copy with the types the store gives back. The values projections write are mostly of the
     * types the store decodes to, and those are copied as they are; any other value goes through the
     * codecs and back, as a store round trip would take it. Encoding whole documents to BSON and back
     * was 40 % of an as-of answer's time (issue 10's profile, a 50-event case).
     */
    private Document asStored(Document document) {
        Document stored = new Document();
        document.forEach((key, value) -> stored.put(key, asStoredValue(value)));
        return stored;
    }

    private Object asStoredValue(Object value) {
        if (value == null || value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Double || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Date date) {
            return new Date(date.getTime());
        }
        if (value instanceof Document document) {
            return asStored(document);
        }
        if (value instanceof List<?> list) {
            List<Object> stored = new ArrayList<>(list.size());
            list.forEach(element -> stored.add(asStoredValue(element)));
            return stored;
        }
        return roundTrip(new Document(VALUE, value)).get(VALUE);
    }

    private static final String VALUE = "v";

    private Document roundTrip(Document document) {
        RawBsonDocument encoded = new RawBsonDocument(document, codec);
        try (BsonBinaryReader reader = new BsonBinaryReader(encoded.getByteBuffer().asNIO())) {
            return codec.decode(reader, DecoderContext.builder().build());
        }
    }

    @Override
    public boolean serverSideGuards() {
        return false;
    }

    @Override
    public void commit() {
        // Nothing to make durable: the documents live as long as the fold.
    }

    /** Forgets every document, for the next fold. */
    public void clear() {
        collections.clear();
    }

    @Override
    public void drop(String collection) {
        collections.remove(collection);
    }
}
