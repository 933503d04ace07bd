package dev.medic.api.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.medic.api.Settings;

/**
 * Settings whose scalar values may be overridden by a lookup that cannot list its keys, such as
 * JUnit configuration parameters.
 */
final class ParameterSettings implements Settings {

    private final Settings base;
    private final Function<String, Optional<String>> lookup;

    ParameterSettings(Settings base, Function<String, Optional<String>> lookup) {
        this.base = base;
        this.lookup = lookup;
    }

    private Settings withOverride(String key) {
        return lookup.apply(key).map(value -> base.overriddenBy(Settings.of(Map.of(key, value)))).orElse(base);
    }

    @Override
    public Set<String> keys() {
        return base.keys();
    }

    @Override
    public boolean has(String key) {
        return base.has(key) || lookup.apply(key).isPresent();
    }

    @Override
    public <T> Optional<T> find(String key, Class<T> type) {
        return withOverride(key).find(key, type);
    }

    @Override
    public <T> T get(String key, Class<T> type) {
        return withOverride(key).get(key, type);
    }

    @Override
    public List<String> getList(String key) {
        return lookup.apply(key)
            .map(value -> Arrays.stream(value.split(",")).map(String::strip).toList())
            .orElseGet(() -> base.getList(key));
    }

    @Override
    public Settings section(String key) {
        return base.section(key);
    }

    @Override
    public List<Settings> sections(String key) {
        return base.sections(key);
    }

    @Override
    public Settings overriddenBy(Settings other) {
        return new ParameterSettings(base.overriddenBy(other), lookup);
    }

    @Override
    public Settings without(String key) {
        return new ParameterSettings(base.without(key), name -> name.equals(key) ? Optional.empty() : lookup.apply(name));
    }

    @Override
    public Map<String, Object> asMap() {
        return base.asMap();
    }
}
