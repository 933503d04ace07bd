package dev.medic.packages.network.internal;

import java.time.Duration;

/** A point in time by which a step of a check must be done, read from the monotonic clock. */
public final class Deadline {

    private final long endNanos;
    private final Duration length;

    private Deadline(long endNanos, Duration length) {
        this.endNanos = endNanos;
        this.length = length;
    }

    /** The deadline that falls {@code length} from now. */
    public static Deadline after(Duration length) {
        return new Deadline(System.nanoTime() + length.toNanos(), length);
    }

    /** What is left, in whole milliseconds; at least 1 while time is left, 0 once it has passed. */
    public int remainingMillis() {
        long nanos = endNanos - System.nanoTime();
        if (nanos <= 0) {
            return 0;
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, nanos / 1_000_000));
    }

    public boolean hasPassed() {
        return endNanos - System.nanoTime() <= 0;
    }

    /** The length it was created with, as the messages show it: {@code 5s}, {@code 500ms}. */
    public String describeLength() {
        return Texts.duration(length);
    }
}
