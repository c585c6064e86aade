package cn.pes.casework.platform.support;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waits for the read models to catch up with the events: they are updated asynchronously. A row that is not there
 * yet ({@code JsonNode.get(0)} is null, a list is empty) counts as not caught up, like a failed assertion.
 */
public final class Eventually {

    private Eventually() {
    }

    public static void eventually(Duration timeout, Runnable assertion) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Throwable last;
        do {
            try {
                assertion.run();
                return;
            } catch (AssertionError | NullPointerException | IndexOutOfBoundsException e) {
                last = e;
            }
            sleep();
        } while (System.nanoTime() < deadline);
        if (last instanceof RuntimeException notThere) {
            throw new AssertionError("still not there after " + timeout, notThere);
        }
        throw (AssertionError) last;
    }

    public static void eventually(Runnable assertion) {
        eventually(Duration.ofSeconds(20), assertion);
    }

    public static <T> T get(Supplier<T> supplier) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        RuntimeException last;
        do {
            try {
                return supplier.get();
            } catch (RuntimeException | AssertionError e) {
                last = e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
            sleep();
        } while (System.nanoTime() < deadline);
        throw last;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
