package cn.pes.casework.query.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Where the read models live: an external MongoDB given by URI, or a mongo-java-server started in
 * this JVM on the H2 backend (a file under the data folder, or memory for tests). The embedded one
 * listens on 127.0.0.1 only and is reached with the ordinary driver over the wire, so that the code
 * above it does not know which one it talks to.
 *
 * <p>Durability of the embedded store: {@code H2Backend(String fileName)} opens its MVStore with H2's
 * default auto-commit delay of one second, i.e. writes stay in memory for up to a second and a
 * {@code kill -9} loses them. Losing a suffix of writes alone would be harmless (projections are
 * idempotent and replay from their token), but the background commit may catch a token update whose
 * read-model writes of the same batch are not in the snapshot, and after a restart those events would
 * never be applied. So we build the MVStore ourselves and {@link #makeDurable()} commits it
 * synchronously at the end of every projection batch, after the batch's read-model writes and before
 * Axon stores the batch's token. A token on disk therefore always implies its read models on disk.
 * The token writes themselves ride on a short background auto-commit delay: losing one only means
 * replaying a batch, which the sequence guards turn into no-ops. An MVStore commit writes the chunk
 * through to the operating system (not fsync), which is what survives a killed process; surviving a
 * power cut would need an fsync per batch, which we do not pay for.
 */
public final class ReadModelServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadModelServer.class);

    /** Bounds how much token progress a crash can lose; read models are committed explicitly. */
    static final int TOKEN_AUTO_COMMIT_DELAY_MILLIS = 200;
    /**
     * A housekeeping round every 5 s rewriting at most 2 MB: about the pace of the 16 MB a turn every 30 s that
     * H2's compactFile was given until the seventeenth slice, in rounds short enough that the read models'
     * writers seldom fill H2's write buffer meanwhile (0.1-0.5 s at 200 contacts/s, where compactFile's took 1-4 s).
     */
    static final long HOUSEKEEPING_INTERVAL_MILLIS = 5_000;
    static final int HOUSEKEEPING_REWRITE_BYTES = 2 * 1024 * 1024;
    /** Less written in a round's interval than this (token and claim updates) lets the round shrink the file. */
    static final long HOUSEKEEPING_QUIET_BYTES = 1024 * 1024;
    static final int COMPACTION_MAX_MILLIS = 500;
    /**
     * The embedded file's page cache (decoded documents), {@code pes.mongo.embedded-cache-mb}: small on
     * purpose. A page the cache takes in outlives the young collection after it, so the collector copies
     * what the cache took in since the last one, object by object, while every thread waits. With 256 MB,
     * at 112,000 persons and 200 queries a second, that was ~120 MB a collection, about one a second, each
     * pausing the queries for 0.1-0.2 s (their p99); with 8 MB the pauses average 25 ms and the p99 is
     * 29-36 ms (issue 10's benchmark, twelfth and thirteenth slices). A full build is faster too (1,911
     * events/s against 1,446 at 10,000 persons): since shared documents are split into parts the pages it
     * rereads are small, and the file's pages stay in the operating system's cache.
     */
    public static final int DEFAULT_CACHE_MB = 8;
    /**
     * How full, in percent, H2 keeps the file's chunks, {@code pes.mongo.embedded-fill-rate}. H2's
     * default of 90 has its background writer rewrite the live pages of any chunk below 81 % under
     * load, and a rewrite decodes and re-encodes every document on the page: at 50 queries and 10
     * contacts a second that was three quarters of all the memory the platform allocated, a young
     * collection every second, each pausing the queries for 80-250 ms (issue 10's benchmark). At 50
     * it rewrites only when idle or below a quarter, for a file up to about twice its live data.
     */
    public static final int DEFAULT_FILL_RATE = 50;

    private final String connectionString;
    private final MongoServer server;
    private final H2Backend backend;
    private final String description;
    private ScheduledExecutorService compaction;
    private MVStore fileStore;
    private final Object tickets = new Object();
    private final Object committing = new Object();
    /** Guarded by {@link #tickets}: how many durability requests were made. */
    private long requested;
    /** Guarded by {@link #committing}: every request up to this one is on disk. */
    private long committed;

    private ReadModelServer(String connectionString, MongoServer server, H2Backend backend, String description) {
        this.connectionString = connectionString;
        this.server = server;
        this.backend = backend;
        this.description = description;
    }

    /** Runs {@link ReadModelHousekeeping} on a thread of its own, a round every {@code intervalMillis}. */
    private void housekeepEvery(MVStore store, long intervalMillis, int fillRate) {
        if (intervalMillis <= 0) {
            return;
        }
        ReadModelHousekeeping housekeeping = new ReadModelHousekeeping(store, fillRate, HOUSEKEEPING_REWRITE_BYTES,
                HOUSEKEEPING_QUIET_BYTES, COMPACTION_MAX_MILLIS);
        compaction = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "readmodel-compaction");
            thread.setDaemon(true);
            return thread;
        });
        compaction.scheduleWithFixedDelay(() -> {
            try {
                housekeeping.round();
            } catch (RuntimeException e) {
                log.warn("Compacting the read-model store failed: {}", e.getClass().getName());
            }
        }, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    public static ReadModelServer external(String uri) {
        return new ReadModelServer(uri, null, null, "external MongoDB");
    }

    /** Starts the embedded server on an H2 file, creating its folder, with the default page cache and fill rate. */
    public static ReadModelServer embeddedFile(Path file, int port) {
        return embeddedFile(file, port, DEFAULT_CACHE_MB, DEFAULT_FILL_RATE);
    }

    /** Starts the embedded server on an H2 file, creating its folder. */
    public static ReadModelServer embeddedFile(Path file, int port, int cacheMegabytes, int fillRate) {
        if (cacheMegabytes < 1) {
            throw new IllegalArgumentException("pes.mongo.embedded-cache-mb must be at least 1");
        }
        if (fillRate < 1 || fillRate > 100) {
            throw new IllegalArgumentException("pes.mongo.embedded-fill-rate must be a percentage from 1 to 100");
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the read-model folder " + file.getParent(), e);
        }
        MVStore store = new MVStore.Builder().fileName(file.toAbsolutePath().toString()).cacheSize(cacheMegabytes)
                .autoCompactFillRate(fillRate).open();
        H2Backend backend;
        try {
            store.setAutoCommitDelay(TOKEN_AUTO_COMMIT_DELAY_MILLIS);
            // Dead chunks reused at once, so that the file need not be shrunk to stay bounded (what H2's
            // compactFile set at the housekeeping's first round until the seventeenth slice).
            store.setRetentionTime(0);
            backend = new ReadModelBackend(store);
        } catch (RuntimeException e) {
            store.closeImmediately();
            throw e;
        }
        ReadModelServer server = start(backend, port, "embedded H2 file " + file.toAbsolutePath());
        server.fileStore = store;
        server.housekeepEvery(store, HOUSEKEEPING_INTERVAL_MILLIS, fillRate);
        return server;
    }

    /** The same H2 backend in memory, so fast tests meet the same server behaviour as production. */
    public static ReadModelServer embeddedInMemory(int port) {
        return start(new ReadModelBackend(new MVStore.Builder().open()), port, "embedded in-memory");
    }

    private static ReadModelServer start(H2Backend backend, int port, String description) {
        MongoServer server = new MongoServer(backend);
        try {
            server.bind("127.0.0.1", port);
            InetSocketAddress address = server.getLocalAddress();
            String uri = "mongodb://127.0.0.1:" + address.getPort();
            log.info("Read-model store: {} listening on 127.0.0.1:{}", description, address.getPort());
            return new ReadModelServer(uri, server, backend, description);
        } catch (Exception e) {
            // Netty rethrows the BindException undeclared, which MongoServer.bind's own clean-up
            // (RuntimeException only) misses; its threads would keep the JVM alive.
            server.shutdownNow();
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Cannot start the embedded read-model store on 127.0.0.1:" + port, e);
        } catch (Error e) {
            server.shutdownNow();
            throw e;
        }
    }

    public String connectionString() {
        return connectionString;
    }

    /** The embedded file's page cache in MB, or 0 when the store is not an embedded file. */
    int pageCacheMegabytes() {
        return fileStore == null ? 0 : fileStore.getCacheSize();
    }

    public boolean isEmbedded() {
        return server != null;
    }

    /**
     * Makes every write acknowledged so far survive a killed process. For an external MongoDB this
     * is the server's business (journal, write concern), so there is nothing to do here.
     */
    public void makeDurable() {
        if (backend == null) {
            return;
        }
        long ticket;
        synchronized (tickets) {
            ticket = ++requested;
        }
        // Group commit: every processor's work package asks at the end of each batch, often at the same
        // moment. A commit that began after a caller's ticket covers that caller's writes (they were
        // acknowledged before it asked), so the callers queued behind a running commit share the next
        // one instead of writing a chunk each, re-serialising the same hot pages every time.
        synchronized (committing) {
            if (committed >= ticket) {
                return;
            }
            long covers;
            synchronized (tickets) {
                covers = requested;
            }
            backend.commit();
            committed = covers;
        }
    }

    @Override
    public void close() {
        if (compaction != null) {
            compaction.shutdownNow();
        }
        if (server != null) {
            log.info("Stopping read-model store: {}", description);
            // shutdownNow also closes the backend, which commits and closes the MVStore.
            server.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "ReadModelServer[" + description + "]";
    }
}
