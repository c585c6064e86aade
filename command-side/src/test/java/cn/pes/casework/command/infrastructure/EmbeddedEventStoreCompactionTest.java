package cn.pes.casework.command.infrastructure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** With every commit written at once (WRITE_DELAY=0), only the scheduled compaction keeps the file small. */
class EmbeddedEventStoreCompactionTest {

    @Test
    void compactionShrinksAFileGrownByManySmallCommits(@TempDir Path dir) throws IOException {
        SingleConnectionDataSource dataSource = store(dir, "");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        try {
            insert(jdbc, 3_000);
            Path file = dir.resolve("events.mv.db");
            long grown = Files.size(file);

            EmbeddedEventStoreCompaction compaction = new EmbeddedEventStoreCompaction(dataSource, 0, 2_000, 0, 50, 16 << 20);
            compaction.compact();

            assertThat(Files.size(file)).isLessThan(grown / 3);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM entry", Integer.class)).isEqualTo(3_000);
        } finally {
            jdbc.execute("SHUTDOWN");
            dataSource.destroy();
        }
    }

    @Test
    void rewritingSparseChunksKeepsTheFileFromGrowingUnderSteadyCommits(@TempDir Path dir) throws IOException {
        long without = fileSizeAfterSteadyCommits(dir.resolve("plain"), false);
        long with = fileSizeAfterSteadyCommits(dir.resolve("rewritten"), true);

        // At the 50 % fill rate the file settles near twice the live data, plus holes: 0.46 of the file
        // without rewriting here, and the share shrinks the longer the commits go on.
        assertThat(with).isLessThan(without * 6 / 10);
    }

    @Test
    void aRewriteRewritesAboutWhatTheCommitsSinceTheLastRunWrote(@TempDir Path dir) throws SQLException {
        SingleConnectionDataSource dataSource = steadyStore(dir);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        int max = 8 << 20;
        EmbeddedEventStoreCompaction compaction = new EmbeddedEventStoreCompaction(dataSource, 0, 0, 0, 50, max);
        try {
            insert(jdbc, 3_000);
            assertThat(compaction.rewriteSparseChunks()).as("the first run knows of no commits: the store looks idle")
                    .isEqualTo(max);

            insert(jdbc, 3);
            assertThat(compaction.rewriteSparseChunks()).as("three commits made little garbage")
                    .isEqualTo(EmbeddedEventStoreCompaction.MIN_REWRITE_BYTES);

            MVStore mvStore = mvStore(dataSource);
            long before = EmbeddedEventStoreCompaction.writtenBytes(mvStore);
            insert(jdbc, 400);
            long committed = EmbeddedEventStoreCompaction.writtenBytes(mvStore) - before;
            assertThat(committed).as("the test's premise").isBetween((long) EmbeddedEventStoreCompaction.MIN_REWRITE_BYTES, (long) max);
            assertThat(compaction.rewriteSparseChunks()).as("its own writes do not count, only the commits'")
                    .isEqualTo(committed);

            assertThat(compaction.rewriteSparseChunks()).as("nothing committed since: idle again").isEqualTo(max);

            long beforeNextCommit = EmbeddedEventStoreCompaction.writtenBytes(mvStore);
            insert(jdbc, 1);
            assertThat(EmbeddedEventStoreCompaction.writtenBytes(mvStore) - beforeNextCommit)
                    .as("the rewritten pages were written by the job, not left to the next commit (a caseworker's)")
                    .isLessThan(64 * 1024);
        } finally {
            shutDown(jdbc, dataSource);
        }
    }

    @Test
    void compactsAFileInUseWhenNoCommitLandedSinceTheLastJob(@TempDir Path dir) {
        SingleConnectionDataSource dataSource = steadyStore(dir);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // At a fill rate of 0 no file counts as sparse, so only idleness lets the compaction run.
        EmbeddedEventStoreCompaction compaction = new EmbeddedEventStoreCompaction(dataSource, 0, 500, 0, 0, 16 << 20);
        try {
            insert(jdbc, 200);
            assertThat(compaction.compactIfIdleOrSparse()).as("nothing seen yet: commits may be landing").isFalse();
            assertThat(compaction.compactIfIdleOrSparse()).isTrue();

            insert(jdbc, 1);
            assertThat(compaction.compactIfIdleOrSparse()).isFalse();

            insert(jdbc, 1);
            compaction.rewriteSparseChunks();
            assertThat(compaction.compactIfIdleOrSparse()).as("a commit the rewriting saw counts too").isFalse();
            assertThat(compaction.compactIfIdleOrSparse()).isTrue();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM entry", Integer.class)).isEqualTo(202);
        } finally {
            shutDown(jdbc, dataSource);
        }
    }

    @Test
    void compactsAMostlyFreeFileWhileCommitsLand(@TempDir Path dir) throws SQLException {
        SingleConnectionDataSource dataSource = store(dir, "");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        EmbeddedEventStoreCompaction compaction = new EmbeddedEventStoreCompaction(dataSource, 0, 2_000, 0, 50, 16 << 20);
        try {
            // Dead chunks kept for H2's retention time, then freed: holes all through the file, the
            // newest chunk at its end, as a fast load leaves it.
            insert(jdbc, 3_000);
            MVStore mvStore = mvStore(dataSource);
            mvStore.setRetentionTime(0);
            insert(jdbc, 1);
            compaction.rewriteSparseChunks();
            insert(jdbc, 1);
            assertThat(mvStore.getFillRate()).as("the test's premise").isLessThan(10);

            assertThat(compaction.compactIfIdleOrSparse()).as("mostly free, though a commit just landed").isTrue();
        } finally {
            shutDown(jdbc, dataSource);
        }
    }

    @Test
    void reusesDeadChunksAtOnceFromTheStart(@TempDir Path dir) throws SQLException {
        SingleConnectionDataSource dataSource = store(dir, "");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        EmbeddedEventStoreCompaction compaction = new EmbeddedEventStoreCompaction(dataSource, 30, 500, 1_000, 50, 16 << 20);
        try {
            assertThat(mvStore(dataSource).getRetentionTime()).as("H2's default").isPositive();
            compaction.afterPropertiesSet();
            assertThat(mvStore(dataSource).getRetentionTime()).isZero();
        } finally {
            compaction.destroy();
            shutDown(jdbc, dataSource);
        }
    }

    private static SingleConnectionDataSource steadyStore(Path dir) {
        return store(dir, ";RETENTION_TIME=0");
    }

    /** One connection kept open, as the pool does: closing the last one would compact the file anyway. */
    private static SingleConnectionDataSource store(Path dir, String settings) {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
                "jdbc:h2:file:" + dir.resolve("events") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE" + settings,
                "sa", "", true);
        new JdbcTemplate(dataSource).execute(
                "CREATE TABLE entry (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, payload VARCHAR(400))");
        return dataSource;
    }

    private static void insert(JdbcTemplate jdbc, int commits) {
        for (int i = 0; i < commits; i++) {
            jdbc.update("INSERT INTO entry (payload) VALUES (?)", "x".repeat(300));
        }
    }

    private static MVStore mvStore(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        return ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore().getMvStore();
    }

    private static void shutDown(JdbcTemplate jdbc, SingleConnectionDataSource dataSource) {
        jdbc.execute("SHUTDOWN IMMEDIATELY");
        dataSource.destroy();
    }

    /**
     * Space of chunks made dead is reused once H2's retention time has passed (45 s by default); the
     * test sets it to 0 in both runs so that it does not have to wait.
     */
    private static long fileSizeAfterSteadyCommits(Path dir, boolean rewrite) throws IOException {
        SingleConnectionDataSource dataSource = steadyStore(dir);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        EmbeddedEventStoreCompaction compaction = new EmbeddedEventStoreCompaction(dataSource, 0, 0, 0, 50, 16 << 20);
        try {
            for (int i = 0; i < 12_000; i++) {
                jdbc.update("INSERT INTO entry (payload) VALUES (?)", "x".repeat(300));
                if (rewrite && i % 200 == 199) {
                    compaction.rewriteSparseChunks();
                }
            }
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM entry", Integer.class)).isEqualTo(12_000);
            return Files.size(dir.resolve("events.mv.db"));
        } finally {
            jdbc.execute("SHUTDOWN IMMEDIATELY");
            dataSource.destroy();
        }
    }
}
