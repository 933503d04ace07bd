package dev.medic.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that went wrong in a run outside any single check's outcome.
 *
 * @param runId   the run
 * @param kind    what kind of thing went wrong
 * @param subject what it happened to: a package id or file, a stats method, a listener
 * @param message what happened
 * @param time    when
 */
public record RunProblem(String runId, Kind kind, String subject, String message, Instant time) {

    /** What kind of thing went wrong. */
    public enum Kind {
        /** A package could not be loaded; its checks did not run. */
        PACKAGE,
        /** A stats method failed; its measurements are missing for this run. */
        STATS,
        /** A listener (store, sink, reporter) failed to take an event. */
        LISTENER
    }

    public RunProblem {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(time, "time");
    }
}
