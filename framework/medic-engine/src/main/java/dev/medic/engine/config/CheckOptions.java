package dev.medic.engine.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link Option}s set at one level: for every check, for a package's checks, or for one
 * check. An option that is not set inherits: a check's options fall back level by level (see
 * {@code ConfiguredPackage}), and finally to each option's built-in default. Immutable.
 */
public final class CheckOptions {

    private static final CheckOptions NONE = new CheckOptions(Map.of());

    private final Map<Option<?>, Object> values;

    private CheckOptions(Map<Option<?>, Object> values) {
        this.values = values;
    }

    /** Options that set nothing. */
    public static CheckOptions inherit() {
        return NONE;
    }

    /** A copy with one option set. */
    public <T> CheckOptions with(Option<T> option, T value) {
        Map<Option<?>, Object> copy = new LinkedHashMap<>(values);
        copy.put(option, value);
        return new CheckOptions(Map.copyOf(copy));
    }

    /** A copy with one option set, or unchanged when the value is empty. */
    public <T> CheckOptions with(Option<T> option, Optional<T> value) {
        return value.map(present -> with(option, present)).orElse(this);
    }

    /** The option's value at this level, if set here. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> find(Option<T> option) {
        return Optional.ofNullable((T) values.get(option));
    }

    /** The option's value, or its built-in default when no level sets it. */
    public <T> T get(Option<T> option) {
        return find(option).orElse(option.builtIn());
    }

    /** These options, with every unset option taken from the fallback. */
    public CheckOptions orElse(CheckOptions fallback) {
        if (fallback.values.isEmpty()) {
            return this;
        }
        Map<Option<?>, Object> merged = new LinkedHashMap<>(fallback.values);
        merged.putAll(values);
        return new CheckOptions(Map.copyOf(merged));
    }

    /** Whether the check runs. */
    public boolean isEnabled() {
        return get(Option.ENABLED);
    }

    /** Whether failures are only reported. */
    public boolean isReportOnly() {
        return get(Option.REPORT_ONLY);
    }

    /** How long one execution of the check may run. */
    public Duration checkTimeout() {
        return get(Option.TIMEOUT);
    }

    /** How long one repair attempt may run. */
    public Duration repairTimeout() {
        return get(Option.REPAIR_TIMEOUT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CheckOptions options && options.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "CheckOptions" + values;
    }
}
