package dev.medic.api.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Shows setting values in messages without showing secrets: the value of a key that looks like
 * a secret (password, token, secret, credential, api key, private key) is hidden, also inside
 * lists and nested sections.
 */
public final class ShownValues {

    private static final List<String> SECRET_WORDS =
        List.of("password", "passwd", "secret", "token", "credential", "apikey", "api-key", "api_key", "private-key");

    private ShownValues() {
    }

    /** True when a key's values should never appear in a message. */
    public static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(lower::contains);
    }

    /** The value as a message may show it. */
    public static String show(String key, Object value) {
        if (isSecret(key)) {
            return "(hidden)";
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(entry -> entry.getKey() + "=" + show(String.valueOf(entry.getKey()), entry.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> show("", item)).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }
}
