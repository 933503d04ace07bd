package dev.medic.influxdb.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes one point of InfluxDB line protocol, escaped the way both InfluxDB 1.x and 2.x/3.x parse
 * it: {@code measurement,tag=value field=1i,text="x" 1700000000000} with a millisecond timestamp.
 */
public final class LineProtocol {

    private final String measurement;
    private final Map<String, String> tags = new TreeMap<>();
    private final StringBuilder fields = new StringBuilder();

    private LineProtocol(String measurement) {
        this.measurement = measurement;
    }

    /** Starts a point of a measurement. */
    public static LineProtocol point(String measurement) {
        return new LineProtocol(measurement);
    }

    /** A tag; an empty value is left out, because line protocol has no empty tag values. */
    public LineProtocol tag(String key, String value) {
        if (value != null && !value.isEmpty()) {
            tags.put(key, value);
        }
        return this;
    }

    /** An integer field, written {@code 12i} so that InfluxDB keeps it an integer. */
    public LineProtocol field(String key, long value) {
        field(key).append(value).append('i');
        return this;
    }

    /**
     * A float field, written without an exponent.
     *
     * @throws IllegalArgumentException for NaN and infinities, which line protocol cannot carry
     */
    public LineProtocol field(String key, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("line protocol has no way to write " + value);
        }
        String text = Double.toString(value);
        if (text.indexOf('E') >= 0) {
            text = BigDecimal.valueOf(value).toPlainString();
        }
        field(key).append(text);
        return this;
    }

    /** A string field: quoted, with backslashes and double quotes escaped; line breaks are kept. */
    public LineProtocol field(String key, String value) {
        StringBuilder out = field(key).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
        return this;
    }

    /** The finished line, without a line feed, timestamped in milliseconds. */
    public String at(Instant time) {
        if (fields.length() == 0) {
            throw new IllegalStateException("a point needs at least one field");
        }
        StringBuilder line = new StringBuilder(measurement.length() + fields.length() + 64);
        escape(measurement, ",", line);
        tags.forEach((key, value) -> {
            line.append(',');
            escape(key, ",= ", line);
            line.append('=');
            escape(value, ",= ", line);
        });
        return line.append(' ').append(fields).append(' ').append(time.toEpochMilli()).toString();
    }

    private StringBuilder field(String key) {
        if (fields.length() > 0) {
            fields.append(',');
        }
        escape(key, ",= ", fields);
        return fields.append('=');
    }

    /**
     * Escapes names and tag values: the given characters and spaces get a backslash; line breaks,
     * which no name may hold, become spaces; a trailing backslash is doubled so that it cannot
     * escape the separator after it.
     */
    private static void escape(String text, String special, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.append("\\ ");
            } else {
                if (c == ' ' || special.indexOf(c) >= 0) {
                    out.append('\\');
                }
                out.append(c);
            }
        }
        if (text.endsWith("\\")) {
            out.append('\\');
        }
    }
}
