package dev.medic.api;

/**
 * A setting is missing or its value cannot be converted to the type asked for.
 *
 * <p>The message names the key, the value found and what is allowed.
 */
public final class SettingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SettingException(String message) {
        super(message);
    }
}
