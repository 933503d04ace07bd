package dev.medic.engine.internal.junit;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import dev.medic.api.CheckId;

/**
 * A check or stats method found in a test plan.
 *
 * @param id            its method-level name
 * @param displayName   its JUnit display name
 * @param tags          its JUnit tags
 * @param parameterized whether it is a test template or factory
 * @param testClass     the class it runs in
 * @param method        the method
 */
public record PlannedMethod(CheckId id, String displayName, List<String> tags, boolean parameterized,
        Optional<Class<?>> testClass, Optional<Method> method) {

    /**
     * The methods of a plan. Call with the package's class loader as the context class loader,
     * because resolving the methods loads their classes.
     */
    public static List<PlannedMethod> of(String packageId, TestPlan plan) {
        List<PlannedMethod> methods = new ArrayList<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier identifier : plan.getDescendants(root)) {
                String type = identifier.getUniqueIdObject().getLastSegment().getType();
                boolean parameterized = type.equals("test-template") || type.equals("test-factory");
                if (!(identifier.getSource().orElse(null) instanceof MethodSource source)
                        || !(type.equals("method") || parameterized)) {
                    continue;
                }
                CheckId id = CheckNaming.checkId(packageId, plan, identifier).orElseThrow();
                methods.add(new PlannedMethod(id, identifier.getDisplayName(),
                    identifier.getTags().stream().map(tag -> tag.getName()).sorted().toList(), parameterized,
                    resolve(source::getJavaClass), resolve(source::getJavaMethod)));
            }
        }
        return methods;
    }

    private static <T> Optional<T> resolve(java.util.function.Supplier<T> supplier) {
        try {
            return Optional.of(supplier.get());
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}
