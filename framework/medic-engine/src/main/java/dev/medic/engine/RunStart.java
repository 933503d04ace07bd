package dev.medic.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * The start of a run, as listeners learn of it.
 *
 * @param runId       the run's id, time-ordered
 * @param mode        what the run does
 * @param host        the host it runs on
 * @param environment the environment name from the configuration
 * @param startedAt   when it started
 */
public record RunStart(String runId, RunMode mode, String host, String environment, Instant startedAt) {

    public RunStart {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
