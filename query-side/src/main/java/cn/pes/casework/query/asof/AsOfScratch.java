package cn.pes.casework.query.asof;

import org.bson.Document;
import cn.pes.casework.query.mongo.ReadModelServer;
import cn.pes.casework.query.mongo.ReadModelStore;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import java.util.UUID;
import java.util.function.Function;

/**
 * Throw-away read-model databases for rebuilding one case at a past moment: each rebuild gets a fresh
 * database of its own (so concurrent rebuilds never meet), dropped as soon as its answer is read.
 *
 * <p>Two places: {@link #inMemory()} starts a private mongo-java-server on the in-memory H2 backend on
 * first use (the same server code as the embedded read-model store, so the projections meet the same
 * behaviour), which keeps scratch writes out of the read-model file and off a production MongoDB;
 * {@link #inReadModelStore} uses databases beside the live read models. Measured in
 * {@code CaseAsOfBenchmark}: 56–137 ms per answer (three rebuilds) in memory against 107–130 ms beside
 * the read models on the H2 file, for cases of 12 to 502 events — the per-database set-up dominates, not
 * the events; mongo-java-server's plain memory backend was no faster (96–156 ms). No clear winner on
 * time, so the in-memory one is the default ({@code pes.as-of.scratch}): it keeps scratch writes out of
 * the read-model file, which is append-only, and off a production MongoDB.
 */
public final class AsOfScratch implements AutoCloseable {

    static final String DATABASE_PREFIX = "asof_";

    private final MongoClient sharedClient;
    private final ReadModelServer sharedServer;
    private ReadModelServer ownServer;
    private MongoClient ownClient;
    /** Emptied scratch databases of the private server, ready for the next rebuild. */
    private final java.util.Deque<String> idle = new java.util.ArrayDeque<>();

    private AsOfScratch(MongoClient sharedClient, ReadModelServer sharedServer) {
        this.sharedClient = sharedClient;
        this.sharedServer = sharedServer;
    }

    public static AsOfScratch inMemory() {
        return new AsOfScratch(null, null);
    }

    public static AsOfScratch inReadModelStore(MongoClient readModelClient, ReadModelServer readModelServer) {
        return new AsOfScratch(readModelClient, readModelServer);
    }

    /**
     * Runs {@code work} on an empty store and empties or drops the store afterwards, whatever happens.
     * On the private in-memory server an emptied database is kept for the next rebuild: creating and
     * dropping a database (its maps and indexes) cost more than the rebuild's own writes (issue 10's
     * benchmark), and deleting the few documents of one case is cheap. Beside the live read models a
     * scratch database is always dropped.
     */
    public <T> T withStore(Function<ReadModelStore, T> work) {
        MongoClient client;
        ReadModelServer server;
        String name;
        boolean reuse;
        synchronized (this) {
            if (sharedClient != null) {
                client = sharedClient;
                server = sharedServer;
            } else {
                if (ownServer == null) {
                    ownServer = ReadModelServer.embeddedInMemory(0);
                    ownClient = MongoClients.create(MongoClientSettings.builder()
                            .applyConnectionString(new ConnectionString(ownServer.connectionString())).build());
                }
                client = ownClient;
                server = ownServer;
            }
            reuse = sharedClient == null;
            name = reuse && !idle.isEmpty() ? idle.pop()
                    : DATABASE_PREFIX + UUID.randomUUID().toString().replace("-", "");
        }
        MongoDatabase database = client.getDatabase(name);
        try {
            return work.apply(new ReadModelStore(database, server, false));
        } finally {
            if (reuse && emptied(database)) {
                synchronized (this) {
                    idle.push(name);
                }
            } else {
                database.drop();
            }
        }
    }

    private static boolean emptied(MongoDatabase database) {
        try {
            for (String collection : database.listCollectionNames()) {
                database.getCollection(collection).deleteMany(new Document());
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Documents left in the scratch databases, for checking that no rebuild leaves anything behind. */
    synchronized long documentsLeft() {
        MongoClient client = sharedClient != null ? sharedClient : ownClient;
        if (client == null) {
            return 0;
        }
        long documents = 0;
        for (String databaseName : client.listDatabaseNames()) {
            if (databaseName.startsWith(DATABASE_PREFIX)) {
                MongoDatabase database = client.getDatabase(databaseName);
                for (String collection : database.listCollectionNames()) {
                    documents += database.getCollection(collection).countDocuments();
                }
            }
        }
        return documents;
    }

    @Override
    public synchronized void close() {
        if (ownClient != null) {
            ownClient.close();
        }
        if (ownServer != null) {
            ownServer.close();
        }
    }
}
