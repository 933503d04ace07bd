package dev.medic.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.medic.api.internal.MapSettings;

/**
 * The settings of a package or a check: the package's defaults overridden, key by key, by the
 * user's configuration.
 *
 * <p>Values are what the configuration holds: text, numbers, booleans, lists and nested sections.
 * The typed getters convert them and throw a {@link SettingException} naming the key, the value
 * and the expected type when they cannot. Instances are immutable.
 */
public interface Settings {

    /** Settings holding the given values; nested maps become sections. */
    static Settings of(Map<String, ?> values) {
        return MapSettings.of(values);
    }

    /** Settings without any value. */
    static Settings empty() {
        return MapSettings.of(Map.of());
    }

    /** The keys that have a value, in configuration order. */
    Set<String> keys();

    /** True when the key has a value. */
    boolean has(String key);

    /** The value of a key converted to a type, or empty when the key has no value. */
    <T> Optional<T> find(String key, Class<T> type);

    /**
     * The value of a key converted to a type.
     *
     * <p>Supported types: {@code String}, {@code Integer}, {@code Long}, {@code Double},
     * {@code Boolean} and their primitives, {@code Duration}, {@code java.nio.file.Path},
     * {@code List}, {@code Map} and {@code Settings}.
     *
     * @throws SettingException when the key has no value or the value does not convert
     */
    <T> T get(String key, Class<T> type);

    /** The value of a key as text. */
    default String get(String key) {
        return get(key, String.class);
    }

    /** The value of a key as an int. */
    default int getInt(String key) {
        return get(key, Integer.class);
    }

    /** The value of a key as a long. */
    default long getLong(String key) {
        return get(key, Long.class);
    }

    /** The value of a key as a boolean ({@code true}/{@code false}, {@code yes}/{@code no}). */
    default boolean getBoolean(String key) {
        return get(key, Boolean.class);
    }

    /** The value of a key as a duration ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}, {@code PT30S}). */
    default Duration getDuration(String key) {
        return get(key, Duration.class);
    }

    /** The value of a key as a list of texts; a single value becomes a one-element list. */
    List<String> getList(String key);

    /** A nested section, such as {@code settings.http.headers}; empty when absent. */
    Settings section(String key);

    /** A list of nested sections, such as a list of targets; empty when absent. */
    List<Settings> sections(String key);

    /** A copy of these settings with the other's values replacing these, key by key. */
    Settings overriddenBy(Settings other);

    /**
     * A copy of these settings without one key. A target built from a list entry uses it to
     * leave out the list itself, which it has no use for.
     */
    Settings without(String key);

    /** The values as an immutable map of plain values (text, numbers, booleans, lists, maps). */
    Map<String, Object> asMap();
}
