package cn.pes.casework.query.replay;

import cn.pes.casework.query.projection.ProjectionWriter;
import cn.pes.casework.query.replay.ReplayRecords.Progress;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Feeds the event history to one fresh projection instance, the way a pooled streaming processor
 * feeds a live one: in batches, each in a {@code BatchingUnitOfWork} with the writer's flush at its
 * end ({@link ProjectionWriter#deliverBatch}), so the projection's changes are one bulk write per collection and batch.
 *
 * <p>The history is read from the tail up to the head captured when the replay starts; events
 * appended later are not part of it. A cut-off ({@code recordedUpTo}) filters rather than stops:
 * events are stored in the order they were appended, which is not strictly the order of their
 * timestamps (concurrent transactions, clocks of several command-side nodes), so an event recorded
 * before the cut-off may follow one recorded after it.
 */
public final class ReplayRunner {

    /** How an event counts: read from the history, and of those, applied (up to the cut-off). */
    public interface Listener {
        /** Called about every second while running, and once at the end; returns false to stop. */
        boolean progress(Progress progress);
    }

    private static final Duration REPORT_EVERY = Duration.ofSeconds(1);
    /** An empty poll this long after the last event, before the head was reached, ends the read (e.g. a purged head). */
    private static final long IDLE_LIMIT_MILLIS = 10_000;

    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final int batchSize;

    public ReplayRunner(StreamableMessageSource<TrackedEventMessage<?>> events, int batchSize) {
        this.events = events;
        this.batchSize = Math.max(1, batchSize);
    }

    /** What a run ended with. */
    public record Outcome(boolean completed, Progress progress) {
    }

    /**
     * @param projection   the target's fresh instance, writing through {@code writer} to the replay's database
     * @param recordedUpTo the cut-off, or null
     * @param started      called once with the total estimate before the first event
     * @param keepGoing    asked between batches (cheap: an in-memory flag)
     */
    public Outcome run(Object projection, ProjectionWriter writer, Instant recordedUpTo, Consumer<Long> started,
                       BooleanSupplier keepGoing, Listener listener) throws InterruptedException {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        TrackingToken head = events.createHeadToken();
        long headPosition = position(head);
        TrackingToken tail = events.createTailToken();
        long tailPosition = tail == null ? -1 : position(tail);
        long total = headPosition < 0 ? 0 : Math.max(0, headPosition - Math.max(tailPosition, -1));
        started.accept(total);

        // Rates from the monotonic clock: the platform's Clock says what time it is, not how long things take.
        long start = System.nanoTime();
        long lastReport = start;
        long read = 0;
        long applied = 0;
        List<EventMessage<?>> batch = new ArrayList<>(batchSize);
        boolean completed = headPosition < 0;
        if (!completed) {
            try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
                long idleSince = System.currentTimeMillis();
                while (true) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedException();
                    }
                    long now = System.nanoTime();
                    if (now - lastReport >= REPORT_EVERY.toNanos()) {
                        lastReport = now;
                        if (!listener.progress(progress(read, applied, total, start, now, false))
                                || !keepGoing.getAsBoolean()) {
                            break;
                        }
                    }
                    if (!stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)) {
                        if (!keepGoing.getAsBoolean()) {
                            break;
                        }
                        if (System.currentTimeMillis() - idleSince > IDLE_LIMIT_MILLIS) {
                            completed = true;
                            break;
                        }
                        continue;
                    }
                    idleSince = System.currentTimeMillis();
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    read++;
                    if (recordedUpTo == null || !event.getTimestamp().isAfter(recordedUpTo)) {
                        batch.add(event);
                        applied++;
                    }
                    boolean atHead = position(event.trackingToken()) >= headPosition;
                    if (batch.size() >= batchSize || atHead) {
                        deliver(adapter, writer, batch);
                        batch.clear();
                        if (!atHead && !keepGoing.getAsBoolean()) {
                            break;
                        }
                    }
                    if (atHead) {
                        completed = true;
                        break;
                    }
                }
            }
        }
        if (completed && !batch.isEmpty()) {
            deliver(adapter, writer, batch);
        }
        // Once the head is reached the count read is the exact total (the estimate counts gaps too).
        Progress last = progress(read, applied, completed ? read : total, start, System.nanoTime(), completed);
        listener.progress(last);
        return new Outcome(completed, last);
    }

    private static Progress progress(long read, long applied, long total, long start, long now, boolean done) {
        double seconds = Math.max(now - start, 1_000_000L) / 1e9;
        double perSecond = read / seconds;
        Long eta;
        if (done || perSecond <= 0) {
            eta = null;
        } else {
            eta = total <= read ? 0L : Long.valueOf(Math.round((total - read) / perSecond));
        }
        return new Progress(read, applied, Math.max(total, read), Math.round(perSecond * 10) / 10.0, eta);
    }

    /** The batch as a processor runs it ({@link ProjectionWriter#deliverBatch}); a failure is the replay's. */
    private static void deliver(AnnotationEventHandlerAdapter adapter, ProjectionWriter writer, List<EventMessage<?>> batch) {
        try {
            writer.deliverBatch(adapter, batch);
        } catch (ProjectionWriter.BatchFailedException e) {
            throw new ReplayFailedException(e.getCause());
        }
    }

    static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    /** A projection failed on an event of the history. */
    public static final class ReplayFailedException extends RuntimeException {
        ReplayFailedException(Throwable cause) {
            super(cause == null ? "replay failed" : cause.getClass().getName(), cause);
        }
    }
}
