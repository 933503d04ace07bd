package dev.medic.engine.internal.loading;

import java.util.Optional;

/**
 * One setting a package declares in its {@code medic-package.yml}.
 *
 * @param name         the key
 * @param type         the type its values must have
 * @param defaultValue the value used when the configuration sets none
 * @param required     whether the configuration must set it (when there is no default)
 * @param description  what it is for, shown by {@code medic package info}
 */
public record SettingSpec(String name, SettingType type, Optional<Object> defaultValue, boolean required,
        String description) {
}
