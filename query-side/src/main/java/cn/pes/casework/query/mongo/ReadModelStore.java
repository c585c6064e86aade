package cn.pes.casework.query.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.conversions.Bson;

/**
 * The read-model database as the projections and query handlers see it.
 *
 * <p>{@code serverSideGuards}: the embedded server answers a filter by index only when it names
 * exactly the indexed keys ({@code AbstractUniqueIndex.canHandle} compares key sets), so a filter of
 * {@code _id} plus a sequence condition scans the whole collection. In the embedded shape one JVM
 * owns every segment and each case is written by one thread, so the sequence guard is checked in
 * memory and writes filter on {@code _id} alone. Against a real MongoDB, where nodes share segments
 * and a node may lose its claim mid-batch, the guard also goes into the filter (cheap there).
 */
public final class ReadModelStore {

    /**
     * The field that holds a part of a shared read-model document ({@code SharedDocuments}). A removed part
     * stays stored without it, keeping its sequence for the projections' guard; the embedded store keeps an
     * {@code _id} index of the documents that have it, so that a list of live parts
     * ({@code {_id: <range>, part: {$exists: true}}}) reads none of the removed ones.
     */
    public static final String PART_FIELD = "part";

    private final MongoDatabase database;
    private final ReadModelServer server;
    private final boolean serverSideGuards;

    public ReadModelStore(MongoDatabase database, ReadModelServer server, boolean serverSideGuards) {
        this.database = database;
        this.server = server;
        this.serverSideGuards = serverSideGuards;
    }

    public MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }

    /**
     * The documents matching the filter, by the {@code count} command: on MongoDB an index count, on
     * the embedded store a count of index keys for {@code _id} ranges ({@link ReadModelCollection}).
     * The driver's {@code countDocuments} is an aggregation, which the embedded store answers by
     * reading the whole collection.
     */
    public long count(String collection, Bson filter) {
        Document answer = database.runCommand(new Document("count", collection)
                .append("query", filter.toBsonDocument(Document.class, database.getCodecRegistry())));
        return ((Number) answer.get("n")).longValue();
    }

    /** The codecs documents are encoded and decoded with on their way to and from the store. */
    public CodecRegistry codecRegistry() {
        return database.getCodecRegistry();
    }

    public boolean serverSideGuards() {
        return serverSideGuards;
    }

    /** See {@link ReadModelServer#makeDurable()}. */
    public void makeDurable() {
        server.makeDurable();
    }
}
