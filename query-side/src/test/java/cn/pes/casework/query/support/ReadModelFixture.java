package cn.pes.casework.query.support;

import cn.pes.casework.query.mongo.ReadModelServer;
import cn.pes.casework.query.mongo.ReadModelStore;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real mongo-java-server (H2 backend in memory, as {@code pes.mongo.in-memory=true} gives) with the
 * official driver connected over the wire, counting the write commands it receives.
 */
public final class ReadModelFixture implements AutoCloseable {

    public static final String DATABASE = "casework_test";
    private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findAndModify");

    private final ReadModelServer server;
    private final MongoClient client;
    private final AtomicInteger writeCommands = new AtomicInteger();

    private ReadModelFixture(ReadModelServer server) {
        this.server = server;
        CommandListener counter = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (WRITE_COMMANDS.contains(event.getCommandName())) {
                    writeCommands.incrementAndGet();
                }
            }
        };
        this.client = MongoClients.create(MongoClientSettings.builder()
                                                             .applyConnectionString(new ConnectionString(server.connectionString()))
                                                             .addCommandListener(counter)
                                                             .build());
    }

    public static ReadModelFixture inMemory() {
        return new ReadModelFixture(ReadModelServer.embeddedInMemory(0));
    }

    public ReadModelStore store(boolean serverSideGuards) {
        return new ReadModelStore(database(), server, serverSideGuards);
    }

    public ReadModelServer server() {
        return server;
    }

    public MongoClient client() {
        return client;
    }

    public MongoDatabase database() {
        return client.getDatabase(DATABASE);
    }

    public void reset() {
        database().drop();
        writeCommands.set(0);
    }

    public int writeCommands() {
        return writeCommands.get();
    }

    /** Every document of every collection, for "nothing changed" comparisons. */
    public Map<String, List<Document>> dump() {
        Map<String, List<Document>> dump = new TreeMap<>();
        for (String name : database().listCollectionNames()) {
            List<Document> documents = new ArrayList<>();
            database().getCollection(name).find().sort(new Document("_id", 1)).into(documents);
            dump.put(name, documents);
        }
        return dump;
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
