package dev.medic.api.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.medic.api.SettingException;
import dev.medic.api.Settings;

/**
 * {@link Settings} over an immutable map of plain values. A relative {@code Path} setting is read
 * against a base directory: the configuration file's, when the runner set one, so that a path in
 * {@code medic.yml} means the same whatever directory Medic was started from.
 */
public final class MapSettings implements Settings {

    private final Map<String, Object> values;
    private final Path base;

    private MapSettings(Map<String, Object> values, Path base) {
        this.values = values;
        this.base = base;
    }

    /** Settings over a copy of the given values; nested maps and lists are copied too. Relative paths stay relative. */
    public static MapSettings of(Map<String, ?> values) {
        return of(values, Path.of(""));
    }

    private static MapSettings of(Map<String, ?> values, Path base) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (value != null) {
                copy.put(String.valueOf(key), freeze(value));
            }
        });
        return new MapSettings(Collections.unmodifiableMap(copy), base);
    }

    /**
     * The same settings, with relative paths (here and in every section and target taken from
     * them) read against {@code directory}, and {@code ~} as the home directory.
     */
    public static Settings withPathsFrom(Settings settings, Path directory) {
        return of(settings.asMap(), directory);
    }

    @SuppressWarnings("unchecked")
    private static Object freeze(Object value) {
        if (value instanceof Settings settings) {
            return settings.asMap();
        }
        if (value instanceof Map<?, ?> map) {
            return of((Map<String, ?>) map).values;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(item == null ? null : freeze(item)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    @Override
    public Set<String> keys() {
        return values.keySet();
    }

    @Override
    public boolean has(String key) {
        return values.containsKey(key);
    }

    @Override
    public <T> Optional<T> find(String key, Class<T> type) {
        return has(key) ? Optional.of(get(key, type)) : Optional.empty();
    }

    @Override
    public <T> T get(String key, Class<T> type) {
        Object value = values.get(key);
        if (value == null) {
            throw new SettingException("setting '" + key + "' has no value; set it under 'settings:' in the configuration"
                + (values.isEmpty() ? "" : " (settings present: " + String.join(", ", values.keySet()) + ")"));
        }
        return convert(key, value, boxedType(type));
    }

    @Override
    public List<String> getList(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (Object item : value instanceof List<?> list ? list : List.of(value)) {
            if (item instanceof Map<?, ?>) {
                throw wrongType(key, value, "a list of texts");
            }
            texts.add(String.valueOf(item));
        }
        return List.copyOf(texts);
    }

    @Override
    public Settings section(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Settings.empty();
        }
        return convert(key, value, Settings.class);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Settings> sections(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw wrongType(key, value, "a list of sections");
        }
        List<Settings> sections = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> map)) {
                throw wrongType(key, value, "a list of sections (each item a map of keys to values)");
            }
            sections.add(of((Map<String, ?>) map, base));
        }
        return List.copyOf(sections);
    }

    @Override
    public Settings overriddenBy(Settings other) {
        Map<String, Object> merged = new LinkedHashMap<>(values);
        merged.putAll(other.asMap());
        return of(merged, base);
    }

    @Override
    public Settings without(String key) {
        Map<String, Object> rest = new LinkedHashMap<>(values);
        rest.remove(key);
        return new MapSettings(Collections.unmodifiableMap(rest), base);
    }

    @Override
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return "Settings" + values.keySet();
    }

    @SuppressWarnings("unchecked")
    private <T> T convert(String key, Object value, Class<T> type) {
        Object converted;
        if (type == String.class) {
            converted = value instanceof Map<?, ?> || value instanceof List<?> ? null : String.valueOf(value);
        } else if (type == Integer.class) {
            Long number = toLong(value);
            converted = number != null && number == number.intValue() ? Integer.valueOf(number.intValue()) : null;
        } else if (type == Long.class) {
            converted = toLong(value);
        } else if (type == Double.class) {
            converted = toDouble(value);
        } else if (type == Boolean.class) {
            converted = toBoolean(value);
        } else if (type == Duration.class) {
            converted = value instanceof Map<?, ?> || value instanceof List<?>
                ? null : Durations.parse(String.valueOf(value)).orElse(null);
        } else if (type == Path.class) {
            converted = value instanceof String text ? path(text) : null;
        } else if (type == List.class) {
            converted = value instanceof List<?> ? value : List.of(value);
        } else if (type == Map.class) {
            converted = value instanceof Map<?, ?> ? value : null;
        } else if (type == Settings.class) {
            converted = value instanceof Map<?, ?> map ? of((Map<String, ?>) map, base) : null;
        } else {
            throw new SettingException("setting '" + key + "' cannot be read as " + type.getSimpleName()
                + "; supported types: String, int, long, double, boolean, Duration, Path, List, Map, Settings");
        }
        if (converted == null) {
            throw wrongType(key, value, describe(type));
        }
        return (T) converted;
    }

    /** As medic-config reads paths in medic.yml: {@code ~} is $HOME, relative paths start at the base. */
    private Path path(String text) {
        String value = text.strip();
        if (value.equals("~") || value.startsWith("~/")) {
            String home = System.getenv("HOME");
            value = (home != null && !home.isBlank() ? home : System.getProperty("user.home")) + value.substring(1);
        }
        return base.resolve(value).normalize();
    }

    private static Long toLong(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof String text) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Double toDouble(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof String text) {
            try {
                return Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Boolean toBoolean(Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> Boolean.TRUE;
                case "false", "no", "off" -> Boolean.FALSE;
                default -> null;
            };
        }
        return null;
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class) {
            return "a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE;
        }
        if (type == Long.class) {
            return "a whole number";
        }
        if (type == Double.class) {
            return "a number";
        }
        if (type == Boolean.class) {
            return "true or false";
        }
        if (type == Duration.class) {
            return Durations.ALLOWED;
        }
        if (type == Settings.class || type == Map.class) {
            return "a section of keys and values";
        }
        return "a text value";
    }

    private static SettingException wrongType(String key, Object value, String expected) {
        return new SettingException("setting '" + key + "' has value '" + ShownValues.show(key, value) + "'; expected " + expected);
    }

    static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) {
            return Integer.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        return type;
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<T> boxedType(Class<T> type) {
        return (Class<T>) boxed(type);
    }
}
