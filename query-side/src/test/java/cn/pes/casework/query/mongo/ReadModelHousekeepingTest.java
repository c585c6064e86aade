package cn.pes.casework.query.mongo;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReadModelHousekeepingTest {

    private static final int FILL_RATE = 50;
    private static final int REWRITE_BYTES = 1024 * 1024;
    private static final long QUIET_BYTES = 256 * 1024;

    @TempDir
    Path dir;

    private Path file;
    private MVStore store;
    private MVMap<Integer, String> documents;

    @BeforeEach
    void openStoreWithMostlyDeadChunks() {
        file = dir.resolve("readmodels.mv");
        store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        store.setRetentionTime(0);
        documents = store.openMap("documents");
        // Every document written three times over, a commit each time: two thirds of the file is dead pages.
        for (int version = 0; version < 3; version++) {
            for (int key = 0; key < 20_000; key++) {
                documents.put(key, "document " + key + " version " + version + " " + "x".repeat(200));
            }
            store.commit();
        }
        // Half of them changed again, a commit per batch, as read models are kept: chunks between full and empty.
        for (int key = 0; key < 20_000; key += 2) {
            documents.put(key, "document " + key + " changed " + "y".repeat(200));
            if (key % 1_000 == 0) {
                store.commit();
            }
        }
        store.commit();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void roundsUnderWritesRewriteSparseChunksWithoutShrinkingTheFile() throws Exception {
        ReadModelHousekeeping housekeeping = housekeeping();
        int chunksFillRateBefore = store.getFileStore().getChunksFillRate();
        long sizeBefore = Files.size(file);

        for (int round = 0; round < 8; round++) {
            // The first round has nothing to compare with: it counts as one under writes.
            assertThat(housekeeping.round()).isNotEqualTo(ReadModelHousekeeping.Round.SHRANK);
            writeSomeDocumentsAgain(round);
        }

        assertThat(store.getFileStore().getChunksFillRate()).isGreaterThan(chunksFillRateBefore + 10);
        assertThat(Files.size(file)).isGreaterThanOrEqualTo(sizeBefore);
        assertEveryDocumentIsItsLatestVersion();
    }

    @Test
    void aRoundAfterAQuietIntervalShrinksTheFile() throws Exception {
        ReadModelHousekeeping housekeeping = housekeeping();
        for (int round = 0; round < 8; round++) {
            housekeeping.round();
            writeSomeDocumentsAgain(round);
        }
        housekeeping.round();
        long sizeBefore = Files.size(file);

        assertThat(housekeeping.round()).isEqualTo(ReadModelHousekeeping.Round.SHRANK);

        assertThat(Files.size(file)).isLessThan(sizeBefore * 3 / 4);
        assertEveryDocumentIsItsLatestVersion();
    }

    @Test
    void aClosedStoreIsLeftAlone() {
        ReadModelHousekeeping housekeeping = housekeeping();
        store.close();

        assertThat(housekeeping.round()).isEqualTo(ReadModelHousekeeping.Round.NOTHING);
    }

    /** About 600 KB of changed documents, more than a quiet interval's writes, committed in batches. */
    private void writeSomeDocumentsAgain(int round) {
        for (int key = round; key < 20_000; key += 7) {
            documents.put(key, "document " + key + " round " + round + " " + "z".repeat(200));
            if (key % 700 == round) {
                store.commit();
            }
        }
        store.commit();
        latestRound = round;
    }

    private int latestRound = -1;

    private void assertEveryDocumentIsItsLatestVersion() {
        for (int key = 0; key < 20_000; key++) {
            int lastRound = -1;
            for (int round = 0; round <= latestRound; round++) {
                if (key >= round && (key - round) % 7 == 0) {
                    lastRound = round;
                }
            }
            String expected = lastRound >= 0 ? "document " + key + " round " + lastRound + " "
                    : key % 2 == 0 ? "document " + key + " changed " : "document " + key + " version 2 ";
            assertThat(documents.get(key)).startsWith(expected);
        }
    }

    private ReadModelHousekeeping housekeeping() {
        return new ReadModelHousekeeping(store, FILL_RATE, REWRITE_BYTES, QUIET_BYTES, 500);
    }
}
