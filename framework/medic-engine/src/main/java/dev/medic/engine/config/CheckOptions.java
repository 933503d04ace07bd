package dev.medic.engine.config;

import java.time.Duration;
import java.util.Optional;

/**
 * The options that can be set for every check, for a package's checks, or for one check. An
 * empty field means "inherit": a check's options fall back to its package's, then to the global
 * defaults, then to the package's own defaults, then to {@link #BUILT_IN}.
 *
 * @param enabled       whether the check runs at all
 * @param reportOnly    whether failures are only reported, never repaired
 * @param timeout       how long one execution of the check may take
 * @param repairTimeout how long one repair attempt may take
 */
public record CheckOptions(Optional<Boolean> enabled, Optional<Boolean> reportOnly, Optional<Duration> timeout,
        Optional<Duration> repairTimeout) {

    /** Medic's defaults: enabled, repairs allowed, 30 s per check, 2 min per repair. */
    public static final CheckOptions BUILT_IN = new CheckOptions(Optional.of(true), Optional.of(false),
        Optional.of(Duration.ofSeconds(30)), Optional.of(Duration.ofMinutes(2)));

    /** Options that set nothing. */
    public static CheckOptions inherit() {
        return new CheckOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** These options, with every unset field taken from the fallback. */
    public CheckOptions orElse(CheckOptions fallback) {
        return new CheckOptions(enabled.or(fallback::enabled), reportOnly.or(fallback::reportOnly),
            timeout.or(fallback::timeout), repairTimeout.or(fallback::repairTimeout));
    }

    /** Whether the check runs; true unless set otherwise. */
    public boolean isEnabled() {
        return enabled.orElse(true);
    }

    /** Whether repairs are suppressed; false unless set otherwise. */
    public boolean isReportOnly() {
        return reportOnly.orElse(false);
    }

    /** The check timeout, or the built-in one. */
    public Duration checkTimeout() {
        return timeout.orElseGet(() -> BUILT_IN.timeout().orElseThrow());
    }

    /** The repair timeout, or the built-in one. */
    public Duration repairTimeoutOrDefault() {
        return repairTimeout.orElseGet(() -> BUILT_IN.repairTimeout().orElseThrow());
    }
}
