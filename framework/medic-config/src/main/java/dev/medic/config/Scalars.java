package dev.medic.config;

import java.util.Locale;
import java.util.Optional;

/** Reads YAML 1.1 scalars the way SnakeYAML's resolver typed them. */
final class Scalars {

    private Scalars() {
    }

    static Optional<Long> parseLong(String text) {
        String digits = text.replace("_", "").trim();
        try {
            if (digits.startsWith("0x") || digits.startsWith("-0x") || digits.startsWith("+0x")) {
                return Optional.of(Long.decode(digits));
            }
            return Optional.of(Long.parseLong(digits.startsWith("+") ? digits.substring(1) : digits));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<Double> parseDouble(String text) {
        try {
            return Optional.of(Double.parseDouble(text.replace("_", "").trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<Boolean> parseBoolean(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "y" -> Optional.of(Boolean.TRUE);
            case "false", "no", "off", "n" -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        };
    }
}
