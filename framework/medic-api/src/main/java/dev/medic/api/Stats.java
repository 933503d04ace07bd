package dev.medic.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a method as a stats collector: it records numbers through a {@link Measurements}
 * parameter instead of asserting a state.
 *
 * <p>Stats run after the checks of a {@code medic run} (and on their own interval under the
 * daemon). A stats method that throws loses its measurements for that run and is logged; it is
 * never counted as a failing check and never triggers a repair.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@Tag(Stats.TAG)
@ExtendWith(MedicExtension.class)
public @interface Stats {

    /** The JUnit tag that tells stats methods apart from checks. */
    String TAG = "medic-stats";
}
