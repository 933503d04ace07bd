package dev.medic.packages.network.internal;

import java.time.Duration;

/** Turns what peers send into text that is safe and short enough for a failure message. */
public final class Texts {

    private static final int MAX_SHOWN = 300;

    private Texts() {
    }

    /**
     * The text with line breaks shown as {@code \r} and {@code \n} and other control bytes as
     * {@code \xNN}, cut after a few hundred characters: a peer may send anything, and the message
     * must stay one readable line.
     */
    public static String printable(CharSequence text) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < text.length() && shown.length() < MAX_SHOWN; i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                shown.append("\\r");
            } else if (c == '\n') {
                shown.append("\\n");
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c > 0xff) {
                shown.append(String.format("\\x%02x", (int) c & 0xff));
            } else {
                shown.append(c);
            }
        }
        if (shown.length() >= MAX_SHOWN) {
            shown.append("...");
        }
        return shown.toString();
    }

    /** A duration as configured: {@code 5s}, {@code 1500ms}, {@code 2m}. */
    public static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0 && millis > 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }

    /** Milliseconds from nanoseconds, with a fraction: loopback answers in well under 1 ms. */
    public static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
