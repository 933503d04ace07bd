package dev.medic.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The summary of one run; also the runner's heartbeat in the metrics.
 *
 * @param runId       the run's id, time-ordered
 * @param mode        what the run did
 * @param host        the host it ran on
 * @param environment the environment name from the configuration
 * @param startedAt   when it started; also the metric timestamp
 * @param duration    how long it took
 * @param healthy     checks that passed
 * @param repaired    checks that were repaired
 * @param unresolved  checks that still fail (including packages that failed to load)
 * @param skipped     checks that did not apply
 * @param interval    how often this runner is expected to run: the shortest {@code interval} of every
 *                    enabled check of every installed package, whatever the run selected;
 *                    {@link Duration#ZERO} when unknown (a history written before Medic recorded it)
 */
public record RunRecord(String runId, RunMode mode, String host, String environment, Instant startedAt,
        Duration duration, int healthy, int repaired, int unresolved, int skipped, Duration interval) {

    public RunRecord {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("interval " + interval + " is negative");
        }
    }

    /** A summary whose runner's interval is unknown ({@link Duration#ZERO}). */
    public RunRecord(String runId, RunMode mode, String host, String environment, Instant startedAt,
            Duration duration, int healthy, int repaired, int unresolved, int skipped) {
        this(runId, mode, host, environment, startedAt, duration, healthy, repaired, unresolved, skipped, Duration.ZERO);
    }

    /** All checks recorded in the run. */
    public int checks() {
        return healthy + repaired + unresolved + skipped;
    }

    /** The process exit code this run calls for: 1 when anything is unresolved, else 0. */
    public int exitCode() {
        return unresolved > 0 ? ExitCodes.UNRESOLVED : ExitCodes.OK;
    }
}
