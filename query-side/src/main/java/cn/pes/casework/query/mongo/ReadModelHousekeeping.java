package cn.pes.casework.query.mongo;

import org.h2.mvstore.MVStore;

/**
 * One round of the embedded read-model file's housekeeping, run on a schedule beside H2's own. Read
 * models are rewritten all the time and the file is append-only: H2's background writer falls far
 * behind under steady writes, so the live pages of the emptiest chunks are rewritten here as well.
 *
 * <p>Under writes a round only rewrites, at most {@code rewriteBytes}, and commits what it rewrote. It
 * does not move chunks to shrink the file: H2's {@code compactFile}, which this replaced, does that in a
 * loop of rewriting, syncing the whole file to disk and moving, holding the store lock throughout and
 * checking its time limit only after each turn. At 112,000 persons a round of it asked for 500 ms held
 * the lock for 1–4 s. The read models' writers then filled H2's write buffer and blocked on the lock
 * inside the store's worker threads, and every query waited with them (issue 10's benchmark, seventeenth
 * slice: a 2.5-s stall of all queries during a 4.2-s round). A file whose dead chunks are reused at once
 * (retention time 0) does not grow while its chunks are kept half full, so shrinking waits for a quiet
 * interval: a round that finds less than {@code quietBytes} written since the previous one compacts the
 * file for at most {@code maxCompactMillis} (a turn or so more).
 */
final class ReadModelHousekeeping {

    private final MVStore store;
    private final int fillRate;
    private final int rewriteBytes;
    private final long quietBytes;
    private final int maxCompactMillis;
    /** Bytes written to the file when the previous round ended; its own writes do not count. */
    private long writtenAfterLastRound = -1;

    /**
     * @param fillRate     the percentage of live data below which chunks are rewritten (H2's fill rate)
     * @param rewriteBytes the most a round rewrites under writes
     * @param quietBytes   less than this written since the previous round lets a round shrink the file
     */
    ReadModelHousekeeping(MVStore store, int fillRate, int rewriteBytes, long quietBytes, int maxCompactMillis) {
        this.store = store;
        this.fillRate = fillRate;
        this.rewriteBytes = rewriteBytes;
        this.quietBytes = quietBytes;
        this.maxCompactMillis = maxCompactMillis;
    }

    /** What a round did. */
    enum Round { SHRANK, REWROTE, NOTHING }

    Round round() {
        if (store.isClosed()) {
            return Round.NOTHING;
        }
        long written = writtenBytes();
        boolean quiet = writtenAfterLastRound >= 0 && written - writtenAfterLastRound < quietBytes;
        try {
            if (quiet) {
                store.compactFile(maxCompactMillis);
                return Round.SHRANK;
            }
            if (store.compact(fillRate, rewriteBytes)) {
                // H2 only marks the rewritten pages dirty; the read models' next commit would write them.
                store.commit();
                return Round.REWROTE;
            }
            return Round.NOTHING;
        } finally {
            writtenAfterLastRound = store.isClosed() ? writtenAfterLastRound : writtenBytes();
        }
    }

    /** H2 keeps the count private and publishes it only among its store statistics. */
    private long writtenBytes() {
        long[] bytes = {0};
        store.getFileStore().populateInfo((key, value) -> {
            if ("info.FILE_WRITE_BYTES".equals(key)) {
                bytes[0] = Long.parseLong(value);
            }
        });
        return bytes[0];
    }
}
