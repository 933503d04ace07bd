package dev.medic.packages.system.internal;

import java.util.Optional;

import dev.medic.api.SettingException;
import dev.medic.api.Settings;

/** Reads the limits a target sets, refusing values that could never mean anything. */
public final class Thresholds {

    private Thresholds() {
    }

    /** A size limit such as {@code min-free-bytes: 10G}, when the target sets one. */
    public static Optional<Long> bytes(Settings target, String key) {
        return target.find(key, String.class).map(value -> ByteSize.parse(key, value));
    }

    /** A percentage limit between 0 and 100, when the target sets one. */
    public static Optional<Double> percent(Settings target, String key) {
        Optional<Double> percent = target.find(key, Double.class);
        percent.filter(value -> value < 0 || value > 100).ifPresent(value -> {
            throw new SettingException("setting '" + key + "' has value " + value + "; expected a percentage from 0 to 100");
        });
        return percent;
    }

    /** A limit that must not be negative, when the target sets one. */
    public static Optional<Double> nonNegative(Settings target, String key) {
        Optional<Double> limit = target.find(key, Double.class);
        limit.filter(value -> value < 0).ifPresent(value -> {
            throw new SettingException("setting '" + key + "' has value " + value + "; expected a number of 0 or more");
        });
        return limit;
    }

    /** Fails with a message naming the keys when a target sets none of them. */
    public static void requireAny(String targetName, boolean anySet, String... keys) {
        if (!anySet) {
            throw new SettingException("target '" + targetName + "' sets none of " + String.join(", ", keys)
                + "; set at least one");
        }
    }
}
