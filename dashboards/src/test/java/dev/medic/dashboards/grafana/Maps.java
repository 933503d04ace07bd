package dev.medic.dashboards.grafana;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading parsed JSON and YAML: typed access that fails with the path of what is missing. */
public final class Maps {

    private Maps() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object node, String key) {
        Object value = ((Map<String, Object>) node).get(key);
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("'" + key + "' is not an object in " + brief(node));
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> maps(Object node, String key) {
        Object value = ((Map<String, Object>) node).get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?>)) {
            throw new IllegalArgumentException("'" + key + "' is not a list in " + brief(node));
        }
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object node, String key) {
        Object value = ((Map<String, Object>) node).get(key);
        return value == null ? List.of() : (List<Object>) value;
    }

    public static String string(Object node, String key) {
        return optionalString(node, key)
            .orElseThrow(() -> new IllegalArgumentException("'" + key + "' is missing in " + brief(node)));
    }

    @SuppressWarnings("unchecked")
    public static Optional<String> optionalString(Object node, String key) {
        Object value = ((Map<String, Object>) node).get(key);
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
    }

    @SuppressWarnings("unchecked")
    public static boolean bool(Object node, String key) {
        return Boolean.TRUE.equals(((Map<String, Object>) node).get(key));
    }

    @SuppressWarnings("unchecked")
    public static Optional<Number> number(Object node, String key) {
        Object value = ((Map<String, Object>) node).get(key);
        return value instanceof Number n ? Optional.of(n) : Optional.empty();
    }

    private static String brief(Object node) {
        String text = String.valueOf(node);
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
