package dev.medic.cli.daemon;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.medic.api.internal.Durations;
import dev.medic.config.ConfigMap;

/**
 * The {@code daemon:} section of medic.yml.
 *
 * @param workers       how many package runs may go at once
 * @param splay         the most a check's first run is delayed, at random, so that a fleet does not stampede
 * @param shutdownGrace how long running repairs may finish after SIGTERM
 * @param reloadCheck   how often to look for changes to the configuration and the packages (zero: only on SIGHUP)
 */
public record DaemonSettings(int workers, Duration splay, Duration shutdownGrace, Duration reloadCheck) {

    /** The section's key. */
    public static final String KEY = "daemon";

    private static final List<String> KEYS = List.of("workers", "splay", "shutdown-grace", "reload-check");

    /** Reads the section; problems are reported to the file's collector. */
    public static DaemonSettings read(ConfigMap root) {
        ConfigMap map = root.map(KEY, KEYS);
        return new DaemonSettings(
            map.integer("workers", 1, 64).orElse(4),
            duration(map, "splay").orElse(Duration.ofMinutes(1)),
            duration(map, "shutdown-grace").orElse(Duration.ofSeconds(30)),
            duration(map, "reload-check").orElse(Duration.ofSeconds(2)));
    }

    private static Optional<Duration> duration(ConfigMap map, String key) {
        return map.parsed(key, text -> Durations.parse(text).filter(value -> !value.isNegative()),
            Durations.ALLOWED + ", zero or more");
    }
}
