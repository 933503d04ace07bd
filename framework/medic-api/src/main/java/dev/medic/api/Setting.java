package dev.medic.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects one configuration setting into a check, stats or lifecycle method parameter.
 *
 * <p>The value comes from the user's configuration, falling back to the package's defaults. It is
 * converted to the parameter's type: {@code String}, {@code int}, {@code long}, {@code double},
 * {@code boolean} (or their boxes), {@code java.time.Duration} ({@code 30s}, {@code 5m},
 * {@code PT1H}), {@code java.nio.file.Path}, {@code List} or {@link Settings} (a nested section).
 * Declare the parameter as {@code Optional<T>} when the setting may be absent; otherwise a
 * missing setting fails the check with a message naming the key.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Setting {

    /** The setting's key, as written under {@code settings:} in the configuration. */
    String value();
}
