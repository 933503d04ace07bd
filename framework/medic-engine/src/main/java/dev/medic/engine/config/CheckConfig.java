package dev.medic.engine.config;

import java.util.List;
import java.util.Map;

/**
 * The user's configuration for one check.
 *
 * @param options  the check's options
 * @param settings settings that override the package's for this check only
 * @param line     the line of the check's entry in the configuration file, for messages
 * @param maintenance maintenance windows for this check only
 */
public record CheckConfig(CheckOptions options, Map<String, Object> settings, int line,
        List<MaintenanceWindow> maintenance) {

    public CheckConfig {
        settings = Map.copyOf(settings);
        maintenance = List.copyOf(maintenance);
    }

    /** A check's configuration without maintenance windows of its own. */
    public CheckConfig(CheckOptions options, Map<String, Object> settings, int line) {
        this(options, settings, line, List.of());
    }
}
