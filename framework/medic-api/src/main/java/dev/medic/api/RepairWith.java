package dev.medic.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Pairs a check with the repair that fixes what it detects.
 *
 * <p>On a method it pairs that check; on a class it pairs every check in the class (and in its
 * subclasses and {@code @Nested} classes) that does not name its own repair. Because the repair
 * is a class literal, the compiler checks the pairing, and {@code medic validate} reports a
 * repair that cannot be instantiated.
 *
 * <p>The repair class needs a public or package-private constructor without parameters.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface RepairWith {

    /** The repair to run when the check fails. */
    Class<? extends Repair> value();
}
