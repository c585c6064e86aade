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
 */
@Component
class EmbeddedEventStoreCompaction implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedEventStoreCompaction.class);

    private final DataSource dataSource;
    private final long intervalSeconds;
    private final int maxCompactMillis;
    private ScheduledExecutorService scheduler;

    EmbeddedEventStoreCompaction(DataSource dataSource,
                                 @Value("${pes.eventstore.h2-compaction.interval-seconds:30}") long intervalSeconds,
                                 @Value("${pes.eventstore.h2-compaction.max-millis:500}") int maxCompactMillis) {
        this.dataSource = dataSource;
        this.intervalSeconds = intervalSeconds;
        this.maxCompactMillis = maxCompactMillis;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class) || intervalSeconds <= 0) {
                return;
            }
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "eventstore-compaction");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::compact, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
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
