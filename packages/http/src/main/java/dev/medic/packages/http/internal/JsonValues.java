package dev.medic.packages.http.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compares a value read from JSON with one written in YAML, and shows values in messages.
 *
 * <p>Types must match: the string {@code "200"} is not the number {@code 200}, because a service
 * that changes one into the other has changed its contract. Numbers compare by value
 * ({@code 1}, {@code 1.0} and {@code 1e0} are equal), objects by their members, arrays item by
 * item.
 */
public final class JsonValues {

    /** Longer renderings are cut, so that one huge body cannot flood a failure message. */
    private static final int MAX_RENDERED = 200;

    private JsonValues() {
    }

    /** Whether a JSON value equals an expected value from the configuration. */
    public static boolean matches(Object expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == actual;
        }
        if (isNumber(expected) && isNumber(actual)) {
            return toDecimal(expected).compareTo(toDecimal(actual)) == 0;
        }
        if (expected instanceof List<?> wanted && actual instanceof List<?> found) {
            if (wanted.size() != found.size()) {
                return false;
            }
            Iterator<?> items = found.iterator();
            return wanted.stream().allMatch(item -> matches(item, items.next()));
        }
        if (expected instanceof Map<?, ?> wanted && actual instanceof Map<?, ?> found) {
            return wanted.size() == found.size() && wanted.entrySet().stream().allMatch(entry ->
                found.containsKey(String.valueOf(entry.getKey()))
                    && matches(entry.getValue(), found.get(String.valueOf(entry.getKey()))));
        }
        if (expected instanceof String || expected instanceof Boolean) {
            return expected.equals(actual);
        }
        return false;
    }

    /** A value as JSON text with its kind, such as {@code "200" (a string)} or {@code 200 (a number)}. */
    public static String describe(Object value) {
        return render(value) + " (" + kind(value) + ")";
    }

    /** A value as JSON text, cut after a few hundred characters. */
    public static String render(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.length() > MAX_RENDERED ? out.substring(0, MAX_RENDERED) + "..." : out.toString();
    }

    private static String kind(Object value) {
        if (value == null) {
            return "null";
        }
        if (isNumber(value)) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "an array";
        }
        return "a string";
    }

    private static void write(Object value, StringBuilder out) {
        if (out.length() > MAX_RENDERED) {
            return;
        }
        if (value == null || value instanceof Boolean) {
            out.append(value);
        } else if (isNumber(value)) {
            out.append(toDecimal(value).toPlainString());
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(separator);
                quote(String.valueOf(entry.getKey()), out);
                out.append(':');
                write(entry.getValue(), out);
                separator = ",";
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            String separator = "";
            for (Object item : list) {
                out.append(separator);
                write(item, out);
                separator = ",";
            }
            out.append(']');
        } else {
            quote(String.valueOf(value), out);
        }
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Numbers that have a decimal value; YAML's .nan and .inf have none and match nothing. */
    private static boolean isNumber(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return Double.isFinite(((Number) value).doubleValue());
        }
        return value instanceof Number;
    }

    private static BigDecimal toDecimal(Object number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (number instanceof Double || number instanceof Float) {
            // valueOf keeps what the YAML said (0.1), not the binary fraction new BigDecimal(0.1) holds.
            return BigDecimal.valueOf(((Number) number).doubleValue());
        }
        return BigDecimal.valueOf(((Number) number).longValue());
    }
}
