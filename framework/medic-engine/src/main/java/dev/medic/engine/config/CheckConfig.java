package dev.medic.engine.config;

import java.util.Map;

/**
 * The user's configuration for one check.
 *
 * @param options  the check's options
 * @param settings settings that override the package's for this check only
 * @param line     the line of the check's entry in the configuration file, for messages
 */
public record CheckConfig(CheckOptions options, Map<String, Object> settings, int line) {

    public CheckConfig {
        settings = Map.copyOf(settings);
    }
}
