package dev.medic.engine.config;

import java.time.Duration;
import java.util.Optional;

/**
 * The options that can be set for every check, for a package's checks, or for one check. An
 * empty field means "inherit": a check's options fall back level by level (see
 * {@code ConfiguredPackage}), and finally to {@link #BUILT_IN}.
 *
 * @param enabled       whether the check runs at all
 * @param reportOnly    whether failures are only reported, never repaired
 * @param timeout       how long one execution of the check may take
 * @param repairTimeout how long one repair attempt may take
 * @param interval      how often the daemon runs the check
 */
public record CheckOptions(Optional<Boolean> enabled, Optional<Boolean> reportOnly, Optional<Duration> timeout,
        Optional<Duration> repairTimeout, Optional<Duration> interval) {

    /** Medic's defaults: enabled, repairs allowed, 30 s per check, 2 min per repair, every 5 min. */
    public static final CheckOptions BUILT_IN = builder().enabled(true).reportOnly(false)
        .timeout(Duration.ofSeconds(30)).repairTimeout(Duration.ofMinutes(2)).interval(Duration.ofMinutes(5)).build();

    /** Options that set nothing. */
    public static CheckOptions inherit() {
        return builder().build();
    }

    /** Starts building options; every option not set inherits. */
    public static Builder builder() {
        return new Builder();
    }

    /** These options, with every unset field taken from the fallback. */
    public CheckOptions orElse(CheckOptions fallback) {
        return new CheckOptions(enabled.or(fallback::enabled), reportOnly.or(fallback::reportOnly),
            timeout.or(fallback::timeout), repairTimeout.or(fallback::repairTimeout), interval.or(fallback::interval));
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

    /** The daemon's interval, or the built-in one. */
    public Duration intervalOrDefault() {
        return interval.orElseGet(() -> BUILT_IN.interval().orElseThrow());
    }

    /** Builds {@link CheckOptions}. */
    public static final class Builder {

        private Optional<Boolean> enabled = Optional.empty();
        private Optional<Boolean> reportOnly = Optional.empty();
        private Optional<Duration> timeout = Optional.empty();
        private Optional<Duration> repairTimeout = Optional.empty();
        private Optional<Duration> interval = Optional.empty();

        private Builder() {
        }

        public Builder enabled(boolean value) {
            return enabled(Optional.of(value));
        }

        public Builder enabled(Optional<Boolean> value) {
            this.enabled = value;
            return this;
        }

        public Builder reportOnly(boolean value) {
            return reportOnly(Optional.of(value));
        }

        public Builder reportOnly(Optional<Boolean> value) {
            this.reportOnly = value;
            return this;
        }

        public Builder timeout(Duration value) {
            return timeout(Optional.of(value));
        }

        public Builder timeout(Optional<Duration> value) {
            this.timeout = value;
            return this;
        }

        public Builder repairTimeout(Duration value) {
            return repairTimeout(Optional.of(value));
        }

        public Builder repairTimeout(Optional<Duration> value) {
            this.repairTimeout = value;
            return this;
        }

        public Builder interval(Duration value) {
            return interval(Optional.of(value));
        }

        public Builder interval(Optional<Duration> value) {
            this.interval = value;
            return this;
        }

        public CheckOptions build() {
            return new CheckOptions(enabled, reportOnly, timeout, repairTimeout, interval);
        }
    }
}
