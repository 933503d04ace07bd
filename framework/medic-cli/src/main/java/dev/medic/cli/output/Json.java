package dev.medic.cli.output;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Writes plain values as JSON: maps (in their order), collections, text, numbers, booleans,
 * null, instants (ISO-8601) and enum constants (their names).
 */
public final class Json {

    private Json() {
    }

    /** The value as indented JSON. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            writeMap(map, out, depth);
        } else if (value instanceof Collection<?> items) {
            writeList(items, out, depth);
        } else if (value instanceof Number number) {
            writeNumber(number, out);
        } else if (value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Instant instant) {
            quote(instant.toString(), out);
        } else if (value instanceof Enum<?> constant) {
            quote(constant.name(), out);
        } else {
            quote(value.toString(), out);
        }
    }

    private static void writeMap(Map<?, ?> map, StringBuilder out, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            out.append(first ? "" : ",").append('\n').append("  ".repeat(depth + 1));
            quote(String.valueOf(entry.getKey()), out);
            out.append(": ");
            write(entry.getValue(), out, depth + 1);
            first = false;
        }
        out.append('\n').append("  ".repeat(depth)).append('}');
    }

    private static void writeList(Collection<?> items, StringBuilder out, int depth) {
        if (items.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        boolean first = true;
        for (Object item : items) {
            out.append(first ? "" : ",").append('\n').append("  ".repeat(depth + 1));
            write(item, out, depth + 1);
            first = false;
        }
        out.append('\n').append("  ".repeat(depth)).append(']');
    }

    private static void writeNumber(Number number, StringBuilder out) {
        if (number instanceof Double || number instanceof Float) {
            double value = number.doubleValue();
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                out.append("null");
            } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                out.append((long) value);
            } else {
                out.append(value);
            }
        } else {
            out.append(number);
        }
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
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
}
