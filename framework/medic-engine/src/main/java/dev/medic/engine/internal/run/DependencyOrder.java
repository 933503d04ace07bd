package dev.medic.engine.internal.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.medic.api.CheckId;

/**
 * Puts failures in dependency order, so that a check's dependencies are decided (and perhaps
 * repaired) before the check itself. Among independent failures, the run's order is kept; a
 * cycle (which {@code medic validate} rejects) keeps the run's order for the checks in it.
 */
final class DependencyOrder {

    private DependencyOrder() {
    }

    /**
     * A {@code depends-on} reference as a check id: {@code package/Check.name}, or {@code Check.name}
     * in the same package.
     */
    static CheckId resolve(String reference, String ownPackage) {
        int slash = reference.indexOf('/');
        return slash > 0 ? new CheckId(reference.substring(0, slash), reference.substring(slash + 1))
            : new CheckId(ownPackage, reference);
    }

    static <T> List<T> of(List<T> items, Function<T, CheckId> id, Function<T, List<CheckId>> dependencies) {
        List<T> ordered = new ArrayList<>();
        List<T> remaining = new ArrayList<>(items);
        boolean progress = true;
        while (!remaining.isEmpty() && progress) {
            progress = false;
            for (T item : List.copyOf(remaining)) {
                boolean ready = dependencies.apply(item).stream().noneMatch(dependency -> remaining.stream()
                    .anyMatch(other -> other != item && matches(dependency, id.apply(other))));
                if (ready) {
                    ordered.add(item);
                    remaining.remove(item);
                    progress = true;
                }
            }
        }
        ordered.addAll(remaining);
        return ordered;
    }

    /**
     * The cycles in a dependency graph of method-level checks, each listed once, starting at its
     * first check in the graph's order.
     */
    static List<List<CheckId>> cycles(Map<CheckId, List<CheckId>> graph) {
        List<List<CheckId>> cycles = new ArrayList<>();
        java.util.Set<CheckId> reported = new java.util.HashSet<>();
        for (CheckId start : graph.keySet()) {
            walk(start, start, graph, new ArrayList<>(List.of(start)), cycles, reported);
        }
        return cycles;
    }

    private static void walk(CheckId start, CheckId at, Map<CheckId, List<CheckId>> graph, List<CheckId> path,
            List<List<CheckId>> cycles, java.util.Set<CheckId> reported) {
        for (CheckId next : graph.getOrDefault(at, List.of())) {
            if (next.equals(start)) {
                if (path.stream().noneMatch(reported::contains)) {
                    cycles.add(List.copyOf(path));
                    reported.addAll(path);
                }
            } else if (!path.contains(next)) {
                path.add(next);
                walk(start, next, graph, path, cycles, reported);
                path.remove(path.size() - 1);
            }
        }
    }

    /** True when a dependency reference names a check: its full name, or its method name. */
    static boolean matches(CheckId dependency, CheckId check) {
        return dependency.packageId().equals(check.packageId())
            && (dependency.name().equals(check.name()) || dependency.name().equals(check.methodName()));
    }
}
