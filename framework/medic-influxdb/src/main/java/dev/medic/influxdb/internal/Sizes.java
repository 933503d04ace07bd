package dev.medic.influxdb.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads sizes in bytes: {@code 104857600}, {@code 512KB}, {@code 100MB}, {@code 1GB}, 1024-based. */
final class Sizes {

    static final String ALLOWED = "a size in bytes such as 104857600, 512KB, 100MB or 1GB (1KB = 1024 bytes)";
    private static final Pattern FORM = Pattern.compile("(\\d{1,15})\\s*(|b|kb|kib|mb|mib|gb|gib)");

    private Sizes() {
    }

    static Optional<Long> parse(String text) {
        Matcher matcher = FORM.matcher(text.strip().toLowerCase(Locale.ROOT).replace("_", ""));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long number = Long.parseLong(matcher.group(1));
        long unit = switch (matcher.group(2)) {
            case "kb", "kib" -> 1024L;
            case "mb", "mib" -> 1024L * 1024;
            case "gb", "gib" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        try {
            return Optional.of(Math.multiplyExact(number, unit));
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }
}
