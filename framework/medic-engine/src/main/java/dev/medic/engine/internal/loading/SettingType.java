package dev.medic.engine.internal.loading;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.medic.api.internal.Durations;
import dev.medic.api.internal.ShownValues;

/** The type a package declares for one of its settings. */
public enum SettingType {
    STRING, INTEGER, NUMBER, BOOLEAN, DURATION, PATH, LIST, MAP;

    /** The type a default value has when its declaration gives only the value. */
    static SettingType inferredFrom(Object value) {
        if (value instanceof Long || value instanceof Integer) {
            return INTEGER;
        }
        if (value instanceof Number) {
            return NUMBER;
        }
        if (value instanceof Boolean) {
            return BOOLEAN;
        }
        if (value instanceof List<?>) {
            return LIST;
        }
        if (value instanceof Map<?, ?>) {
            return MAP;
        }
        return STRING;
    }

    /** Why a value does not fit this type, or empty when it does; a secret's value is never shown. */
    Optional<String> problemWith(String key, Object value) {
        boolean fits = switch (this) {
            case STRING, PATH -> !(value instanceof Map<?, ?>) && !(value instanceof List<?>);
            case INTEGER -> value instanceof Long || value instanceof Integer;
            case NUMBER -> value instanceof Number;
            case BOOLEAN -> value instanceof Boolean;
            case DURATION -> value instanceof String text && Durations.parse(text).isPresent();
            case LIST -> value instanceof List<?>;
            case MAP -> value instanceof Map<?, ?>;
        };
        return fits ? Optional.empty()
            : Optional.of("value '" + ShownValues.show(key, value) + "' is not allowed; expected " + describe());
    }

    /** How this type is named in messages. */
    String describe() {
        return switch (this) {
            case STRING -> "a text value";
            case INTEGER -> "a whole number";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case DURATION -> Durations.ALLOWED;
            case PATH -> "a file system path";
            case LIST -> "a list";
            case MAP -> "a mapping of keys to values";
        };
    }
}
