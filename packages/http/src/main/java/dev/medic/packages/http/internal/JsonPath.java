package dev.medic.packages.http.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.medic.packages.http.internal.Json.JsonException;

/**
 * A JSON path that names exactly one value: {@code $}, then any number of {@code .name},
 * {@code ['name']} and {@code [index]} steps (a negative index counts from the end), as in
 * {@code $.status}, {@code $.checks[0].state} or {@code $['db.primary'].ok}.
 *
 * <p>That is the part of JSONPath (RFC 9535) a health check needs. Wildcards, recursive descent,
 * slices and filters select several values, which an equality check cannot compare honestly, so
 * they are refused when the path is read instead of being half-supported.
 */
public final class JsonPath {

    /** Member names that read well after a dot; others are shown as ['name']. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

    private final String text;
    private final List<Object> steps;

    private JsonPath(String text, List<Object> steps) {
        this.text = text;
        this.steps = List.copyOf(steps);
    }

    /**
     * Reads a path.
     *
     * @throws JsonException when the path is not of the supported form, saying why
     */
    public static JsonPath parse(String text) {
        if (!text.startsWith("$")) {
            throw invalid(text, "it must start with '$'");
        }
        List<Object> steps = new ArrayList<>();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                if (text.startsWith("..", i)) {
                    throw invalid(text, "recursive descent '..' is not supported; name each step");
                }
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                String name = text.substring(i + 1, end);
                if (name.isEmpty()) {
                    throw invalid(text, "a '.' must be followed by a member name");
                }
                if (name.equals("*")) {
                    throw invalid(text, "wildcards are not supported; name each step");
                }
                steps.add(name);
                i = end;
            } else if (c == '[') {
                i = bracket(text, i, steps);
            } else {
                throw invalid(text, "unexpected '" + c + "' at character " + (i + 1));
            }
        }
        return new JsonPath(text, steps);
    }

    /** Reads a {@code ['name']} or {@code [index]} step starting at {@code open}; returns the index after it. */
    private static int bracket(String text, int open, List<Object> steps) {
        int i = open + 1;
        if (i < text.length() && (text.charAt(i) == '\'' || text.charAt(i) == '"')) {
            char quote = text.charAt(i);
            StringBuilder name = new StringBuilder();
            i++;
            while (i < text.length() && text.charAt(i) != quote) {
                if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                    i++;
                }
                name.append(text.charAt(i));
                i++;
            }
            if (i + 1 >= text.length() || text.charAt(i + 1) != ']') {
                throw invalid(text, "a quoted name must end with " + quote + "]");
            }
            steps.add(name.toString());
            return i + 2;
        }
        int close = text.indexOf(']', i);
        if (close < 0) {
            throw invalid(text, "'[' at character " + (open + 1) + " is not closed");
        }
        String inside = text.substring(i, close).trim();
        if (!inside.matches("-?\\d+")) {
            throw invalid(text, "[" + inside + "] is not supported; use [index] or ['name'] (wildcards, slices and"
                + " filters select several values)");
        }
        try {
            steps.add(Integer.valueOf(inside));
        } catch (NumberFormatException e) {
            throw invalid(text, "index " + inside + " is too large");
        }
        return close + 1;
    }

    /**
     * Looks the path up in a document: the value it names (possibly JSON null), or why it names
     * nothing, given as the deepest step that exists and what is there instead, so that an
     * operator can tell whether the path or the service is wrong.
     */
    public Lookup lookup(Object document) {
        Object current = document;
        StringBuilder walked = new StringBuilder("$");
        for (Object step : steps) {
            if (step instanceof String name) {
                if (!(current instanceof Map<?, ?> object)) {
                    return new Lookup.Missing(walked + " is " + JsonValues.describe(current)
                        + ", not an object with member '" + name + "'");
                }
                if (!object.containsKey(name)) {
                    return new Lookup.Missing(walked + " has no member '" + name + "'" + (object.isEmpty()
                        ? "" : " (its members: " + String.join(", ", object.keySet().stream().map(String::valueOf).toList())
                        + ")"));
                }
                current = object.get(name);
                walked.append(NAME.matcher(name).matches() ? "." + name : "['" + name + "']");
            } else {
                int index = (Integer) step;
                if (!(current instanceof List<?> array)) {
                    return new Lookup.Missing(walked + " is " + JsonValues.describe(current) + ", not an array");
                }
                int effective = index < 0 ? array.size() + index : index;
                if (effective < 0 || effective >= array.size()) {
                    return new Lookup.Missing(walked + " has " + array.size() + " items, so no [" + index + "]");
                }
                current = array.get(effective);
                walked.append('[').append(index).append(']');
            }
        }
        return new Lookup.Found(current);
    }

    @Override
    public String toString() {
        return text;
    }

    private static JsonException invalid(String text, String why) {
        return new JsonException("JSON path '" + text + "' is not supported: " + why);
    }

    /** What a path names in a document. */
    public sealed interface Lookup {

        /** The value the path names; {@code null} for JSON null. */
        record Found(Object value) implements Lookup {
        }

        /** The path names nothing; {@code why} says where it stopped. */
        record Missing(String why) implements Lookup {
        }
    }
}
