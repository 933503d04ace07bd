package dev.medic.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.medic.api.internal.TargetInvocations;

/**
 * Runs a check once for each target declared in a list setting, so that operators add targets in
 * YAML instead of code:
 *
 * <pre>{@code
 * @CheckEach("targets")
 * @RepairWith(RestartService.class)
 * void answers(dev.medic.api.Target target) {
 *     assertThat(status(target.get("url"))).isEqualTo(200);
 * }
 * }</pre>
 *
 * <p>Each entry of the list must have a unique {@code name}; it names the check, such as
 * {@code HttpChecks.answers[web]}, in {@code medic list}, the history and the metrics. An entry
 * with {@code enabled: false} is left out. The method takes a {@link dev.medic.api.Target}: the
 * entry's values over the package's settings. A paired repair receives the same values as its
 * {@link RepairContext#settings()}.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith({MedicExtension.class, TargetInvocations.class})
public @interface CheckEach {

    /** The settings key that holds the list of targets. */
    String value();
}
