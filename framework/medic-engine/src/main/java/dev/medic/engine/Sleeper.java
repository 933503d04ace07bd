package dev.medic.engine;

import java.time.Duration;

/**
 * Waits, as the healing policy must between a failure and its recheck, and between retests.
 * Tests give the engine one that advances a manual clock instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {

    /** The real one: {@link Thread#sleep}. */
    Sleeper SYSTEM = duration -> {
        if (!duration.isZero() && !duration.isNegative()) {
            Thread.sleep(duration.toMillis());
        }
    };

    /** Waits for the duration. */
    void sleep(Duration duration) throws InterruptedException;
}
