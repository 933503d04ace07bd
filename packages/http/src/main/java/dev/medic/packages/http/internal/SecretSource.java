package dev.medic.packages.http.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where a secret comes from: an environment variable ({@code {env: NAME}}) or a file
 * ({@code {file: PATH}}). Never the secret itself: a configuration file is read by many and
 * copied often, so a secret written into it inline is refused.
 *
 * <p>Only the reference is ever shown ({@link #toString()}); the value is read when a request is
 * made and goes into its header, nowhere else.
 */
public record SecretSource(Kind kind, String reference) {

    /** The two places a secret may live. */
    public enum Kind { ENV, FILE }

    /**
     * Reads a secret's reference from a setting's raw value.
     *
     * @throws IllegalArgumentException when the value is anything else, without repeating the
     *                                  value, since it may be an inline secret
     */
    public static SecretSource from(String key, Object raw) {
        if (raw instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<?, ?> entry = map.entrySet().iterator().next();
            String reference = entry.getValue() instanceof String text ? text.trim() : "";
            if (!reference.isEmpty() && "env".equals(entry.getKey())) {
                return new SecretSource(Kind.ENV, reference);
            }
            if (!reference.isEmpty() && "file".equals(entry.getKey())) {
                return new SecretSource(Kind.FILE, reference);
            }
        }
        throw new IllegalArgumentException("setting '" + key + "' must be {env: NAME} or {file: PATH}; a secret is"
            + " never written into the configuration itself");
    }

    /**
     * The secret, with the line break a file usually ends with removed.
     *
     * @param environment looks up environment variables ({@code System::getenv} in production)
     * @throws IllegalStateException when the variable is unset or the file cannot be read or is
     *                               empty; the message names the reference, never the value
     */
    public String read(UnaryOperator<String> environment) {
        String value;
        if (kind == Kind.ENV) {
            value = environment.apply(reference);
            if (value == null) {
                throw new IllegalStateException("environment variable " + reference + " is not set");
            }
        } else {
            try {
                value = Files.readString(Path.of(reference), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("cannot read secret file " + reference + " ("
                    + e.getClass().getSimpleName() + ")", e);
            }
        }
        value = value.replaceAll("[\\r\\n]+$", "");
        if (value.isEmpty()) {
            throw new IllegalStateException(this + " is empty");
        }
        return value;
    }

    @Override
    public String toString() {
        return "{" + kind.name().toLowerCase(java.util.Locale.ROOT) + ": " + reference + "}";
    }
}
