package dev.medic.engine.internal.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import dev.medic.api.CheckId;
import dev.medic.api.internal.CheckNames;

/**
 * Names the checks in a JUnit test plan: {@code Class.method} for a method, plus the display
 * names of parameterized invocations and dynamic tests in brackets.
 */
final class CheckNaming {

    private static final Set<String> INVOCATION_SEGMENTS = Set.of(
        "test-template-invocation", "dynamic-test", "dynamic-container", "class-template-invocation");

    private CheckNaming() {
    }

    /** The method that declares a test or container: its own source or its nearest ancestor's. */
    static Optional<MethodSource> methodSource(TestPlan plan, TestIdentifier identifier) {
        TestIdentifier current = identifier;
        while (current != null) {
            if (current.getSource().orElse(null) instanceof MethodSource source) {
                return Optional.of(source);
            }
            current = plan.getParent(current).orElse(null);
        }
        return Optional.empty();
    }

    /** The check a test or method-level container stands for; empty for classes and engines. */
    static Optional<CheckId> checkId(String packageId, TestPlan plan, TestIdentifier identifier) {
        return methodSource(plan, identifier).map(source -> {
            String base = CheckNames.of(source.getClassName(), source.getMethodName());
            List<String> invocations = new ArrayList<>();
            UniqueId uniqueId = identifier.getUniqueIdObject();
            List<UniqueId.Segment> segments = uniqueId.getSegments();
            UniqueId prefix = UniqueId.root(segments.get(0).getType(), segments.get(0).getValue());
            for (int i = 1; i < segments.size(); i++) {
                prefix = prefix.append(segments.get(i));
                if (INVOCATION_SEGMENTS.contains(segments.get(i).getType())) {
                    invocations.add(CheckNames.label(displayName(plan, prefix)));
                }
            }
            String name = invocations.isEmpty() ? base : base + "[" + String.join(" / ", invocations) + "]";
            return new CheckId(packageId, name);
        });
    }

    private static String displayName(TestPlan plan, UniqueId uniqueId) {
        try {
            return plan.getTestIdentifier(uniqueId).getDisplayName();
        } catch (RuntimeException e) {
            return uniqueId.getLastSegment().getValue();
        }
    }
}
