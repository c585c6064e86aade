package cn.pes.casework.query.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded read-model store after a real {@code kill -9} (a child JVM): every token-like write
 * that survived implies that the read-model writes before it survived too, because the projection
 * writer commits the H2 store before the token is written.
 */
class ReadModelKillNineTest {

    @TempDir
    Path dataDir;
    private Process child;

    @AfterEach
    void stop() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    private Process startChild(String... args) throws Exception {
        String javaExecutable = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(javaExecutable, "-Xmx256m", "-cp",
                                                       System.getProperty("java.class.path"),
                                                       ReadModelKillChild.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Reads the child's output up to a marker line, then kills the child after the pause. */
    private void killAfter(String marker, long pauseMillis) throws Exception {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null && !line.contains(marker)) {
                // skip the child's start-up log
            }
            assertThat(line).as("child printed " + marker).isNotNull();
            Thread.sleep(pauseMillis);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void whatAFlushWroteSurvivesAKillRightAfterIt() throws Exception {
        Path file = dataDir.resolve("readmodels").resolve("readmodels.mv");
        child = startChild(file.toString(), "200");
        killAfter("DONE", 0);

        try (ReadModelServer reopened = ReadModelServer.embeddedFile(file, 0);
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            assertThat(client.getDatabase("casework").getCollection("docs").countDocuments()).isEqualTo(200);
        }
    }

    @Test
    void aSurvivingTokenImpliesItsReadModelWritesSurvived() throws Exception {
        Path file = dataDir.resolve("readmodels").resolve("readmodels.mv");
        child = startChild(file.toString());
        killAfter("WRITING", 700);

        try (ReadModelServer reopened = ReadModelServer.embeddedFile(file, 0);
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            MongoDatabase database = client.getDatabase("casework");
            Document token = database.getCollection("tokens").find(Filters.eq("_id", "token")).first();
            assertThat(token).as("some token progress survived").isNotNull();
            int position = token.getInteger("position");
            assertThat(position).isGreaterThanOrEqualTo(20);
            for (int i = 0; i <= position; i++) {
                assertThat(database.getCollection("docs").find(Filters.eq("_id", "case-" + i)).first())
                        .as("read model of position %d, token at %d", i, position).isNotNull();
            }
        }
    }
}
