package cn.pes.casework.platform.bench;

import java.util.Arrays;
import java.util.Locale;

/** Latencies of one measured operation, in nanoseconds, recorded from many threads. */
final class Latencies {

    private final String name;
    private long[] values = new long[1024];
    private int size;
    private int errors;

    Latencies(String name) {
        this.name = name;
    }

    synchronized void record(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized void error() {
        errors++;
    }

    synchronized int count() {
        return size;
    }

    synchronized int errors() {
        return errors;
    }

    /** The p-th percentile (0..100) in milliseconds, nearest rank; NaN when nothing was recorded. */
    synchronized double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }

    /** One line without a rate: count, errors, p50, p99, max. */
    String latencySummary() {
        return String.format(Locale.ROOT, "%s: %d ok, %d failed; p50 %.2f ms, p99 %.2f ms, max %.2f ms", name, count(),
                errors(), percentileMillis(50), percentileMillis(99), percentileMillis(100));
    }

    /** One line: count, errors, rate over {@code seconds}, p50, p99, max. */
    String summary(double seconds) {
        return String.format(Locale.ROOT, "%s: %d ok, %d failed in %.1f s = %.0f/s; p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                name, count(), errors(), seconds, count() / seconds, percentileMillis(50), percentileMillis(99),
                percentileMillis(100));
    }
}
