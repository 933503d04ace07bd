package dev.medic.api.internal;

import java.time.Duration;
import java.util.Optional;

import dev.medic.api.Settings;

/**
 * What the runner tells the {@link dev.medic.api.MedicExtension} about the package whose checks
 * are running: settings and timeouts per check.
 */
public interface PackageRuntime {

    /**
     * The settings for a check method, or the package's settings when no check is named
     * (constructors and class-level lifecycle methods).
     */
    Settings settings(Optional<String> checkName);

    /**
     * How long one invocation of a check (or of a lifecycle method) may run before it is
     * abandoned and fails; empty means no limit beyond JUnit's own {@code @Timeout}.
     */
    Optional<Duration> timeout(Optional<String> checkName);

    /**
     * Whether the run selected a check, by its full name ({@code HttpChecks.answers[web]}); lets
     * a {@code @CheckEach} check run only the selected targets.
     */
    default boolean selects(String checkName) {
        return true;
    }
}
