package dev.medic.api.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.medic.api.Measurements;

/**
 * Encodes a measurement as a JUnit report entry and back.
 *
 * <p>Report entries are JUnit's own channel from a running test to its listeners, so a
 * measurement reaches the runner without shared state, and an IDE shows it in the test output.
 */
public final class MeasurementEntries {

    /** The entry key that marks an entry as a measurement and holds its name. */
    public static final String NAME = "medic.measurement";
    static final String VALUE = "medic.value";
    static final String TAG_PREFIX = "medic.tag.";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_.\\-]{1,128}");

    private MeasurementEntries() {
    }

    /** A decoded measurement. */
    public record Entry(String name, double value, Map<String, String> tags) {
    }

    /**
     * Encodes a measurement, checking its name and tags first.
     *
     * @throws IllegalArgumentException naming the offending name, tag or value
     */
    public static Map<String, String> encode(String name, double value, Map<String, String> tags) {
        requireIdentifier("measurement name", name);
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("measurement '" + name + "' has value " + value + "; expected a finite number");
        }
        if (tags.size() > Measurements.MAX_TAGS) {
            throw new IllegalArgumentException("measurement '" + name + "' has " + tags.size()
                + " tags; at most " + Measurements.MAX_TAGS + " are allowed");
        }
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put(NAME, name);
        entry.put(VALUE, Double.toString(value));
        tags.forEach((key, tagValue) -> {
            requireIdentifier("tag key of measurement '" + name + "'", key);
            if (tagValue == null || tagValue.isBlank() || tagValue.length() > 256) {
                throw new IllegalArgumentException("tag '" + key + "' of measurement '" + name
                    + "' has value '" + tagValue + "'; expected 1 to 256 characters");
            }
            entry.put(TAG_PREFIX + key, tagValue);
        });
        return entry;
    }

    /** Decodes a report entry, or returns empty when it is not a measurement. */
    public static Optional<Entry> decode(Map<String, String> entry) {
        String name = entry.get(NAME);
        String value = entry.get(VALUE);
        if (name == null || value == null) {
            return Optional.empty();
        }
        Map<String, String> tags = new LinkedHashMap<>();
        entry.forEach((key, tagValue) -> {
            if (key.startsWith(TAG_PREFIX)) {
                tags.put(key.substring(TAG_PREFIX.length()), tagValue);
            }
        });
        try {
            return Optional.of(new Entry(name, Double.parseDouble(value), Map.copyOf(tags)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void requireIdentifier(String what, String text) {
        if (text == null || !IDENTIFIER.matcher(text).matches()) {
            throw new IllegalArgumentException(what + " '" + text
                + "' is not allowed; use 1 to 128 letters, digits, '_', '.' or '-'");
        }
    }
}
