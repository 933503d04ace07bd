package dev.medic.packages.system.internal;

import java.time.Duration;
import java.time.Instant;

/** Small duration helpers for messages and deadlines. */
public final class Durations {

    private Durations() {
    }

    /** A duration as configured: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}. */
    public static String text(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 86_400_000 == 0 && millis > 0) {
            return millis / 86_400_000 + "d";
        }
        if (millis % 3_600_000 == 0 && millis > 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }

    /** The shorter of a wanted duration and the time left until a deadline (never negative). */
    public static Duration capped(Duration wanted, Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative()) {
            return Duration.ZERO;
        }
        return wanted.compareTo(left) < 0 ? wanted : left;
    }
}
