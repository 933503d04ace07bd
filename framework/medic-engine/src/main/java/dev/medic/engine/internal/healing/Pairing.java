package dev.medic.engine.internal.healing;

import java.lang.reflect.Method;
import java.util.Optional;

import org.junit.platform.commons.support.AnnotationSupport;

import dev.medic.api.Repair;
import dev.medic.api.RepairWith;

/**
 * Finds the repair paired with a check: on the method, else on its class (inherited from
 * superclasses), else on an enclosing class of a {@code @Nested} class.
 */
public final class Pairing {

    private Pairing() {
    }

    /** The repair class for a check method in a test class, if any. */
    public static Optional<Class<? extends Repair>> repairFor(Optional<Class<?>> testClass, Optional<Method> method) {
        Optional<RepairWith> annotation = method.flatMap(m -> AnnotationSupport.findAnnotation(m, RepairWith.class));
        Class<?> current = testClass.orElse(method.map(Method::getDeclaringClass).orElse(null));
        while (annotation.isEmpty() && current != null) {
            annotation = AnnotationSupport.findAnnotation(current, RepairWith.class);
            current = current.getEnclosingClass();
        }
        return annotation.map(RepairWith::value);
    }
}
