package dev.medic.engine.internal.junit;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.medic.api.CheckId;

/**
 * One execution of one check (or stats method) as JUnit reported it.
 *
 * @param check     the check
 * @param uniqueId  JUnit's unique id, used to run exactly this check again
 * @param testClass the class the check ran in, when it could be resolved
 * @param method    the check method, when it could be resolved
 * @param status    passed, failed or skipped
 * @param failure   what it failed or was skipped with
 * @param message   the failure or skip text, one paragraph; empty when passed
 * @param startedAt when it started
 * @param duration  how long it ran
 */
public record CheckExecution(CheckId check, String uniqueId, Optional<Class<?>> testClass, Optional<Method> method, Status status,
        Optional<Throwable> failure, String message, Instant startedAt, Duration duration) {

    /** How an execution ended. */
    public enum Status {
        PASSED, FAILED, SKIPPED
    }

    /** True when the check passed. */
    public boolean passed() {
        return status == Status.PASSED;
    }
}
