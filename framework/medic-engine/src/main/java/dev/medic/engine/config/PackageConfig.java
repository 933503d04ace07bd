package dev.medic.engine.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user's configuration for one package.
 *
 * @param options  options for every check of the package
 * @param settings settings that override the package's defaults, key by key
 * @param checks   configuration of single checks, by check name
 * @param line     the line of the package's entry in the configuration file, for messages
 * @param maintenance maintenance windows for every check of the package
 */
public record PackageConfig(CheckOptions options, Map<String, Object> settings, Map<String, CheckConfig> checks,
        int line, List<MaintenanceWindow> maintenance) {

    public PackageConfig {
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
        checks = Map.copyOf(checks);
        maintenance = List.copyOf(maintenance);
    }

    /** A package's configuration without maintenance windows of its own. */
    public PackageConfig(CheckOptions options, Map<String, Object> settings, Map<String, CheckConfig> checks, int line) {
        this(options, settings, checks, line, List.of());
    }

    /** A package configured with nothing. */
    public static PackageConfig none() {
        return new PackageConfig(CheckOptions.inherit(), Map.of(), Map.of(), 0);
    }

    /**
     * The configuration of a check: the entry for its full name, else the entry for its method
     * name (which covers every invocation of a parameterized check).
     */
    public Optional<CheckConfig> check(String name, String methodName) {
        return Optional.ofNullable(checks.get(name)).or(() -> Optional.ofNullable(checks.get(methodName)));
    }
}
