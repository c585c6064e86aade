package cn.pes.casework.platform;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request cancelled while its worker thread writes or reads the embedded event store interrupts that
 * thread. With H2's plain {@code file:} store the interrupt closes the file channel and with it the
 * whole database, for every other request too, until a restart. The default URLs use a file system
 * that reopens and retries; this test takes the URL prefix each configuration file really uses and
 * writes through it from a thread that is interrupted again and again.
 */
class EmbeddedEventStoreInterruptTest {

    private static final Pattern DEFAULT_URL = Pattern.compile("PES_EVENTSTORE_URL:(jdbc:h2:[a-z]+:)");

    @ParameterizedTest
    @ValueSource(strings = {"platform.yml", "command-side.yml"})
    void anInterruptedWriterLeavesTheEmbeddedEventStoreOpen(String configuration, @TempDir Path dir)
            throws Exception {
        String url = prefixIn(configuration) + dir.resolve("events") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        int rows = 400;
        AtomicInteger failed = new AtomicInteger();
        try (Connection reader = DriverManager.getConnection(url, "sa", "")) {
            reader.createStatement().execute("CREATE TABLE entries (id INT PRIMARY KEY, payload VARCHAR(1000))");
            Thread writer = new Thread(() -> {
                try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
                    for (int i = 0; i < rows; i++) {
                        if (i % 20 == 0) {
                            Thread.currentThread().interrupt();
                        }
                        try {
                            connection.createStatement()
                                    .execute("INSERT INTO entries VALUES (" + i + ", REPEAT('x', 900))");
                        } catch (SQLException e) {
                            failed.incrementAndGet();
                        }
                        Thread.interrupted();
                    }
                } catch (SQLException e) {
                    failed.incrementAndGet();
                }
            });
            writer.start();
            writer.join();

            ResultSet count = reader.createStatement().executeQuery("SELECT COUNT(*) FROM entries");
            count.next();
            assertThat(failed.get()).as("statements that failed because of an interrupt").isZero();
            assertThat(count.getInt(1)).isEqualTo(rows);
        }
    }

    private static String prefixIn(String configuration) throws IOException {
        try (InputStream in = EmbeddedEventStoreInterruptTest.class.getClassLoader().getResourceAsStream(configuration)) {
            assertThat(in).as(configuration).isNotNull();
            Matcher matcher = DEFAULT_URL.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(matcher.find()).as("default event store URL in " + configuration).isTrue();
            return matcher.group(1);
        }
    }
}
