package dev.medic.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a method as a state check: a JUnit test that asserts how a system should be.
 *
 * <p>A check is an ordinary JUnit Jupiter test, so it runs in an IDE and under Maven like any
 * other test. The message of the assertion that fails becomes the failure text Medic records.
 * A failed assumption ({@code Assumptions.assumeTrue}) means "not applicable on this host" and
 * is recorded as {@code SKIPPED}. Pair a check with a repair through {@link RepairWith}.
 *
 * <p>Any other JUnit test method in a package, such as a {@code @ParameterizedTest} or a
 * {@code @TestFactory}, is a check too; {@code @Check} is the plain case and also registers the
 * {@link MedicExtension} so that {@link Setting} parameters resolve in an IDE.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(MedicExtension.class)
public @interface Check {
}
