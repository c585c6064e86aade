package cn.pes.casework.query.asof;

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

    /** Runs {@code work} on a new empty store and drops the store afterwards, whatever happens. */
    public <T> T withStore(Function<ReadModelStore, T> work) {
        MongoClient client;
        ReadModelServer server;
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
        }
        MongoDatabase database = client.getDatabase(DATABASE_PREFIX + UUID.randomUUID().toString().replace("-", ""));
        try {
            return work.apply(new ReadModelStore(database, server, false));
        } finally {
            database.drop();
        }
    }

    /** The databases of the scratch server, for checking that none is left behind. */
    synchronized java.util.List<String> databaseNames() {
        MongoClient client = sharedClient != null ? sharedClient : ownClient;
        return client == null ? java.util.List.of() : client.listDatabaseNames().into(new java.util.ArrayList<>());
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
