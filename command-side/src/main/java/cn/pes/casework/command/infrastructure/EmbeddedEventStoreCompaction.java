package cn.pes.casework.command.infrastructure;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
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

/**
 * Keeps the embedded H2 event store file compact. Durability needs {@code WRITE_DELAY=0} (every
 * commit written before the command is acknowledged), and that switches off H2's background writer,
 * which is also what compacts the append-only file: without this the file grew to about 18 KB per
 * event where the events themselves take about 400 bytes. Does nothing on any other database.
 *
 * <p>Two jobs: every {@code rewrite-interval-millis} the live data of chunks filled below
 * {@code fill-rate} percent is rewritten (what H2's own writer does, but only when the store is idle, so
 * never under a steady load), which lets the file reuse the space of old chunks instead of growing; and
 * every {@code interval-seconds} the file is compacted for at most {@code max-millis}. Without the first,
 * a city loaded at 1,100 commands/s left a 4.4 GB file for 90,000 events (issue 10's benchmark).
 */
@Component
class EmbeddedEventStoreCompaction implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedEventStoreCompaction.class);
    static final int REWRITE_BYTES = 16 * 1024 * 1024;

    private final DataSource dataSource;
    private final long intervalSeconds;
    private final int maxCompactMillis;
    private final long rewriteIntervalMillis;
    private final int targetFillRate;
    private ScheduledExecutorService scheduler;

    EmbeddedEventStoreCompaction(DataSource dataSource,
                                 @Value("${pes.eventstore.h2-compaction.interval-seconds:30}") long intervalSeconds,
                                 @Value("${pes.eventstore.h2-compaction.max-millis:500}") int maxCompactMillis,
                                 @Value("${pes.eventstore.h2-compaction.rewrite-interval-millis:1000}") long rewriteIntervalMillis,
                                 @Value("${pes.eventstore.h2-compaction.fill-rate:50}") int targetFillRate) {
        this.dataSource = dataSource;
        this.intervalSeconds = intervalSeconds;
        this.maxCompactMillis = maxCompactMillis;
        this.rewriteIntervalMillis = rewriteIntervalMillis;
        this.targetFillRate = targetFillRate;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class) || (intervalSeconds <= 0 && rewriteIntervalMillis <= 0)) {
                return;
            }
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "eventstore-compaction");
            thread.setDaemon(true);
            return thread;
        });
        if (intervalSeconds > 0) {
            scheduler.scheduleWithFixedDelay(this::compact, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
        }
        if (rewriteIntervalMillis > 0) {
            scheduler.scheduleWithFixedDelay(this::rewriteSparseChunks, rewriteIntervalMillis, rewriteIntervalMillis,
                                             TimeUnit.MILLISECONDS);
        }
    }

    /** Rewrites the live data of sparse chunks, at most {@value #REWRITE_BYTES} bytes a run. */
    void rewriteSparseChunks() {
        try (Connection connection = dataSource.getConnection()) {
            Store store = ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore();
            if (store != null && !store.getMvStore().isClosed()) {
                store.getMvStore().compact(targetFillRate, REWRITE_BYTES);
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("rewriting the embedded event store's sparse chunks failed: {}", e.getClass().getName());
        }
    }

    void compact() {
        try (Connection connection = dataSource.getConnection()) {
            Store store = ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore();
            if (store != null) {
                store.compactFile(maxCompactMillis);
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("compacting the embedded event store failed: {}", e.getClass().getName());
        }
    }

    @Override
    public void destroy() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
