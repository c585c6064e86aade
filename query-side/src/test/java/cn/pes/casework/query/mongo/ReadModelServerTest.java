package cn.pes.casework.query.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadModelServerTest {

    @TempDir
    Path dataDir;

    @Test
    void theFileStoreKeepsItsDocumentsAcrossARestartAndCreatesItsFolder() {
        Path file = dataDir.resolve("nested").resolve("readmodels").resolve("readmodels.mv");
        try (ReadModelServer server = ReadModelServer.embeddedFile(file, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(server.isEmbedded()).isTrue();
            assertThat(server.connectionString()).startsWith("mongodb://127.0.0.1:");
            client.getDatabase("casework").getCollection("cases").insertOne(new Document("_id", "case-1"));
        }
        try (ReadModelServer server = ReadModelServer.embeddedFile(file, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(client.getDatabase("casework").getCollection("cases").countDocuments()).isEqualTo(1);
        }
    }

    @Test
    void theFileStoreKeepsTheConfiguredPageCache() {
        try (ReadModelServer defaults = ReadModelServer.embeddedFile(dataDir.resolve("a").resolve("readmodels.mv"), 0);
             ReadModelServer other = ReadModelServer.embeddedFile(dataDir.resolve("b").resolve("readmodels.mv"), 0, 64,
                     ReadModelServer.DEFAULT_FILL_RATE)) {
            assertThat(defaults.pageCacheMegabytes()).isEqualTo(ReadModelServer.DEFAULT_CACHE_MB);
            assertThat(other.pageCacheMegabytes()).isEqualTo(64);
        }
        assertThatThrownBy(() -> ReadModelServer.embeddedFile(dataDir.resolve("c").resolve("readmodels.mv"), 0, 0,
                                                              ReadModelServer.DEFAULT_FILL_RATE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReadModelServer.embeddedFile(dataDir.resolve("d").resolve("readmodels.mv"), 0, 8, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("embedded-fill-rate");
    }

    @Test
    void aFailedStartLeavesNoServerThreadsBehind() throws Exception {
        // Servers of other tests (a cached Spring context) may run in this JVM: look at new threads only.
        Set<Thread> before = serverThreads();
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> ReadModelServer.embeddedInMemory(taken.getLocalPort()))
                    .hasMessageContaining("Cannot start the embedded read-model store");
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (!newServerThreads(before).isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(newServerThreads(before)).isEmpty();
    }

    @Test
    void anExternalStoreIsJustItsUri() {
        ReadModelServer external = ReadModelServer.external("mongodb://db.example:27017");
        assertThat(external.isEmbedded()).isFalse();
        assertThat(external.connectionString()).isEqualTo("mongodb://db.example:27017");
        external.makeDurable();
        external.close();
    }

    private static Set<Thread> serverThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                     .filter(thread -> thread.isAlive() && thread.getName().startsWith("mongo-server-"))
                     .collect(Collectors.toSet());
    }

    private static Set<Thread> newServerThreads(Set<Thread> before) {
        Set<Thread> now = serverThreads();
        now.removeAll(before);
        return now;
    }
}
