package cn.pes.casework.command.infrastructure;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Keeps the embedded H2 event store file compact. Durability needs {@code WRITE_DELAY=0} (every
 * commit written before the command is acknowledged), and that switches off H2's background writer,
 * which is also what compacts the append-only file: without this the file grew to about 18 KB per
 * event where the events themselves take about 400 bytes. Does nothing on any other database.
 *
 * <p>Two jobs, both holding H2's store lock, so every commit waits while they run:
 * <ul>
 * <li>Every {@code rewrite-interval-millis} the live data of the emptiest chunks is rewritten while the
 * chunks are filled below {@code fill-rate} percent, which lets the file reuse the space of old chunks
 * instead of growing (a city loaded at 1,100 commands/s without it left a 4.4 GB file for 90,000
 * events, issue 10's benchmark). A run rewrites about as many bytes as the commits wrote since the
 * previous run, because that is the garbage they made; a fixed 16 MB a second stalled the commits of
 * a light load (case views' access-log entries) by up to two seconds. At most
 * {@code max-rewrite-bytes} a run; that much when nothing was committed since the previous run.</li>
 * <li>Every {@code interval-seconds} the file is compacted (chunks moved to shrink it) for at most
 * {@code max-millis}, when no commit landed since the previous run of either job, or when less than
 * {@code fill-rate} percent of the file is in use (after a burst of commits). Not otherwise: every
 * commit waits for it, and a file already that full has little to give back.</li>
 * </ul>
 *
 * <p>Dead chunks are reused at once: the retention time is set to 0 at start. H2's own
 * {@code compactFile} sets it so for good at its first run anyway; waiting for that left H2's default
 * 45 s of dead chunks in the file under a fast load, over a gigabyte at 25 MB/s (3.3 GB against 118 MB
 * for the benchmark's 10,000 persons). H2 warns that a short retention can leave the file inconsistent
 * after a power failure (not after a killed process); production keeps its events in PostgreSQL.
 */
@Component
class EmbeddedEventStoreCompaction implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedEventStoreCompaction.class);
    /** Below this, a run's fixed cost (finding the chunks, committing) outweighs what it frees. */
    static final int MIN_REWRITE_BYTES = 256 * 1024;

    private final DataSource dataSource;
    private final long intervalSeconds;
    private final int maxCompactMillis;
    private final long rewriteIntervalMillis;
    private final int targetFillRate;
    private final int maxRewriteBytes;
    /** Bytes written to the file, as last seen at the end of one of this class's own jobs. */
    private final AtomicLong writtenAfterLastJob = new AtomicLong(-1);
    private volatile boolean committedSinceCompaction = true;
    private ScheduledExecutorService scheduler;

    EmbeddedEventStoreCompaction(DataSource dataSource,
                                 @Value("${pes.eventstore.h2-compaction.interval-seconds:30}") long intervalSeconds,
                                 @Value("${pes.eventstore.h2-compaction.max-millis:500}") int maxCompactMillis,
                                 @Value("${pes.eventstore.h2-compaction.rewrite-interval-millis:1000}") long rewriteIntervalMillis,
                                 @Value("${pes.eventstore.h2-compaction.fill-rate:50}") int targetFillRate,
                                 @Value("${pes.eventstore.h2-compaction.max-rewrite-bytes:16777216}") int maxRewriteBytes) {
        this.dataSource = dataSource;
        this.intervalSeconds = intervalSeconds;
        this.maxCompactMillis = maxCompactMillis;
        this.rewriteIntervalMillis = rewriteIntervalMillis;
        this.targetFillRate = targetFillRate;
        this.maxRewriteBytes = Math.max(MIN_REWRITE_BYTES, maxRewriteBytes);
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class) || (intervalSeconds <= 0 && rewriteIntervalMillis <= 0)) {
                return;
            }
        }
        withStore("setting the embedded event store's retention time", mvStore -> mvStore.setRetentionTime(0));
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "eventstore-compaction");
            thread.setDaemon(true);
            return thread;
        });
        if (intervalSeconds > 0) {
            scheduler.scheduleWithFixedDelay(this::compactIfIdleOrSparse, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
        }
        if (rewriteIntervalMillis > 0) {
            scheduler.scheduleWithFixedDelay(this::rewriteSparseChunks, rewriteIntervalMillis, rewriteIntervalMillis,
                                             TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Rewrites the live data of sparse chunks, as many bytes as commits wrote since the previous job
     * (at least {@value #MIN_REWRITE_BYTES}, at most {@code max-rewrite-bytes}).
     *
     * @return the bytes this run asked H2 to rewrite, 0 when it did not run
     */
    long rewriteSparseChunks() {
        long[] budget = {0};
        withStore("rewriting the embedded event store's sparse chunks", mvStore -> {
            long committed = committedSinceLastJob(mvStore);
            budget[0] = committed == 0 ? maxRewriteBytes : Math.max(MIN_REWRITE_BYTES, Math.min(committed, maxRewriteBytes));
            if (mvStore.compact(targetFillRate, (int) budget[0])) {
                // H2 only marks the rewritten pages dirty; left alone, the next commit, a caseworker's,
                // would write them all.
                mvStore.commit();
            }
        });
        return budget[0];
    }

    /**
     * Compacts the file when no commit landed since the previous job, or when less than
     * {@code fill-rate} percent of it is in use (after a burst of commits); whether it did.
     */
    boolean compactIfIdleOrSparse() {
        boolean[] compacted = {false};
        withStore("compacting the embedded event store", mvStore -> {
            boolean committed = committedSinceLastJob(mvStore) > 0 || committedSinceCompaction;
            committedSinceCompaction = false;
            if (!committed || mvStore.getFillRate() < targetFillRate) {
                compactNow(mvStore);
                compacted[0] = true;
            }
        });
        return compacted[0];
    }

    /** Compacts the file whether or not commits are landing (the tests' way to force it). */
    void compact() {
        withStore("compacting the embedded event store", this::compactNow);
    }

    private void compactNow(MVStore mvStore) {
        mvStore.compactFile(maxCompactMillis);
    }

    /**
     * Bytes written to the file since the end of the previous job of this class; its own writes do not
     * count. Commits that land while a job runs are missed, an underestimate the next run absorbs.
     */
    private long committedSinceLastJob(MVStore mvStore) {
        long now = writtenBytes(mvStore);
        long before = writtenAfterLastJob.get();
        long committed = before < 0 ? 0 : Math.max(0, now - before);
        if (committed > 0) {
            committedSinceCompaction = true;
        }
        return committed;
    }

    private void withStore(String job, Consumer<MVStore> action) {
        try (Connection connection = dataSource.getConnection()) {
            Store store = ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore();
            if (store == null || store.getMvStore().isClosed() || store.getMvStore().getFileStore() == null) {
                return;
            }
            MVStore mvStore = store.getMvStore();
            try {
                action.accept(mvStore);
            } finally {
                writtenAfterLastJob.set(writtenBytes(mvStore));
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("{} failed: {}", job, e.getClass().getName());
        }
    }

    /** H2 keeps the count private and publishes it only among its store statistics. */
    static long writtenBytes(MVStore mvStore) {
        long[] bytes = {0};
        mvStore.getFileStore().populateInfo((key, value) -> {
            if ("info.FILE_WRITE_BYTES".equals(key)) {
                bytes[0] = Long.parseLong(value);
            }
        });
        return bytes[0];
    }

    @Override
    public void destroy() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
