package dev.medic.engine;

import java.util.Optional;

/**
 * A setting a package declares in its {@code medic-package.yml}.
 *
 * @param name         the key
 * @param type         its type: string, integer, number, boolean, duration, path, list or map
 * @param defaultValue its default, if any
 * @param required     whether the configuration must set it
 * @param description  what it is for
 */
public record SettingInfo(String name, String type, Optional<Object> defaultValue, boolean required,
        String description) {
}
