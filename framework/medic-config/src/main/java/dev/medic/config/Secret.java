package dev.medic.config;

import java.util.Objects;

/**
 * A password or token read from an environment variable or a file. It never shows its value:
 * {@link #toString()} masks it, so a configuration can be printed or logged safely.
 */
public final class Secret {

    /** What a secret shows instead of its value. */
    public static final String MASK = "******";

    private final String value;
    private final String source;

    private Secret(String value, String source) {
        this.value = Objects.requireNonNull(value, "value");
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * A secret and where it came from.
     *
     * @param value  the secret itself
     * @param source where it was read, such as {@code environment variable MEDIC_INFLUX_TOKEN}; shown in place of the value
     */
    public static Secret of(String value, String source) {
        return new Secret(value, source);
    }

    /** The secret itself, for the one place that must send it; never print it. */
    public String reveal() {
        return value;
    }

    /** Where the secret was read from. */
    public String source() {
        return source;
    }

    /** Replaces every occurrence of the secret in a text with {@link #MASK}. */
    public String maskIn(String text) {
        return text == null || value.isEmpty() ? text : text.replace(value, MASK);
    }

    /** {@code ****** (from environment variable NAME)}: never the value. */
    @Override
    public String toString() {
        return MASK + " (from " + source + ")";
    }
}
