package dev.medic.config;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A mapping read from a configuration file, with typed readers that report wrong values instead
 * of throwing.
 */
public final class ConfigMap {

    private final ConfigNode owner;
    private final Map<String, ConfigNode> entries;

    ConfigMap(ConfigNode owner, Map<String, ConfigNode> entries) {
        this.owner = owner;
        this.entries = entries;
    }

    ConfigMap only(List<String> keys) {
        Map<String, ConfigNode> kept = new LinkedHashMap<>(entries);
        kept.keySet().retainAll(keys);
        return new ConfigMap(owner, kept);
    }

    /** The node this mapping was read from. */
    public ConfigNode node() {
        return owner;
    }

    /** The entries in file order. */
    public Map<String, ConfigNode> entries() {
        return entries;
    }

    /** The value of a key, if present and not null. */
    public Optional<ConfigNode> get(String key) {
        ConfigNode value = entries.get(key);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    /** True when the key is present, even with an empty value. */
    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** A text value. Numbers and booleans are read as their text. */
    public Optional<String> string(String key) {
        return get(key).flatMap(ConfigNode::asText);
    }

    /** A whole number within bounds. */
    public Optional<Integer> integer(String key, int min, int max) {
        return get(key).flatMap(value -> {
            Optional<Long> number = value.isInteger() ? value.asText().flatMap(Scalars::parseLong) : Optional.empty();
            if (number.isEmpty() || number.get() < min || number.get() > max) {
                value.report("expected a whole number from " + min + " to " + max + ", found " + value.describe());
                return Optional.empty();
            }
            return Optional.of(number.get().intValue());
        });
    }

    /** A whole number of at least {@code min}. */
    public Optional<Long> longValue(String key, long min) {
        return get(key).flatMap(value -> {
            Optional<Long> number = value.isInteger() ? value.asText().flatMap(Scalars::parseLong) : Optional.empty();
            if (number.isEmpty() || number.get() < min) {
                value.report("expected a whole number of at least " + min + ", found " + value.describe());
                return Optional.empty();
            }
            return number;
        });
    }

    /** A number (whole or decimal) within bounds. */
    public Optional<Double> number(String key, double min, double max) {
        return get(key).flatMap(value -> {
            Optional<Double> number = value.isNumber() ? value.asText().flatMap(Scalars::parseDouble) : Optional.empty();
            if (number.isEmpty() || number.get() < min || number.get() > max) {
                value.report("expected a number from " + min + " to " + max + ", found " + value.describe());
                return Optional.empty();
            }
            return number;
        });
    }

    /** A boolean: {@code true} or {@code false}. */
    public Optional<Boolean> bool(String key) {
        return get(key).flatMap(value -> {
            if (!value.isBoolean()) {
                value.report("expected true or false, found " + value.describe());
                return Optional.empty();
            }
            return value.asText().flatMap(Scalars::parseBoolean);
        });
    }

    /**
     * A text value converted by a parser; {@code allowed} describes the accepted forms in the
     * report when the parser returns empty.
     */
    public <T> Optional<T> parsed(String key, Function<String, Optional<T>> parser, String allowed) {
        return get(key).flatMap(value -> value.asText().flatMap(text -> {
            Optional<T> parsed = parser.apply(text);
            if (parsed.isEmpty()) {
                value.report("value '" + text + "' is not allowed; expected " + allowed);
            }
            return parsed;
        }));
    }

    /**
     * One of an enum's constants, written in lower case with dashes ({@code REPORT_ONLY} is
     * {@code report-only}).
     */
    public <E extends Enum<E>> Optional<E> choice(String key, Class<E> type) {
        List<String> allowed = Arrays.stream(type.getEnumConstants()).map(ConfigMap::spelling).toList();
        return parsed(key, text -> Arrays.stream(type.getEnumConstants())
                .filter(constant -> spelling(constant).equals(text.trim().toLowerCase(Locale.ROOT)))
                .findFirst(),
            "one of " + String.join(", ", allowed));
    }

    /** How an enum constant is written in a configuration file. */
    public static String spelling(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A nested mapping that allows only the given keys; empty when absent. */
    public ConfigMap map(String key, List<String> allowedKeys) {
        return get(key).map(value -> value.asMap(allowedKeys)).orElseGet(() -> empty(key));
    }

    /** A nested mapping with any keys; empty when absent. */
    public ConfigMap map(String key) {
        return get(key).map(ConfigNode::asMap).orElseGet(() -> empty(key));
    }

    /** A list of texts; a single value is read as a one-element list. */
    public List<String> strings(String key) {
        return get(key).map(value -> value.asList().stream()
                .map(ConfigNode::asText).flatMap(Optional::stream).toList())
            .orElse(List.of());
    }

    /** Records a problem about a key of this mapping (at the key's value if present). */
    public void report(String key, String message) {
        ConfigNode value = entries.get(key);
        if (value != null) {
            value.report(message);
        } else {
            owner.report(message);
        }
    }

    private ConfigMap empty(String key) {
        return new ConfigMap(owner, Map.of());
    }
}
