package cn.pes.casework.platform.support;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for the read models to catch up with the events: they are updated asynchronously. */
public final class Eventually {

    private Eventually() {
    }

    public static void eventually(Duration timeout, Runnable assertion) {
        long deadline = System.nanoTime() + timeout.toNanos();
        AssertionError last;
        do {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                last = e;
            }
            sleep();
        } while (System.nanoTime() < deadline);
        throw last;
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
