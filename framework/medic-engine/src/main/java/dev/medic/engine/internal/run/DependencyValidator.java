package dev.medic.engine.internal.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.medic.api.CheckId;
import dev.medic.config.ConfigProblem;
import dev.medic.engine.Selection;
import dev.medic.engine.config.CheckConfig;
import dev.medic.engine.config.MedicConfig;
import dev.medic.engine.config.Option;
import dev.medic.engine.config.PackageConfig;
import dev.medic.engine.internal.loading.LoadedPackage;

/** Finds {@code depends-on} references that name no check, and dependency cycles, for {@code medic validate}. */
final class DependencyValidator {

    private DependencyValidator() {
    }

    /**
     * @param checks the method-level checks of every loaded package
     */
    static List<ConfigProblem> problems(MedicConfig config, Map<LoadedPackage, List<CheckId>> checks) {
        String file = config.source().map(Path::toString).orElse("configuration");
        List<CheckId> known = checks.values().stream().flatMap(List::stream).toList();
        Map<CheckId, List<CheckId>> graph = new LinkedHashMap<>();
        Map<CheckId, Integer> lines = new LinkedHashMap<>();
        List<ConfigProblem> problems = new ArrayList<>();
        checks.forEach((loaded, ids) -> {
            ConfiguredPackage pkg = new ConfiguredPackage(loaded, config, Selection.all());
            PackageConfig packageConfig = config.packageConfig(loaded.id());
            for (CheckId id : ids) {
                int line = packageConfig.check(id.name(), id.name()).map(CheckConfig::line).orElse(packageConfig.line());
                List<CheckId> dependencies = new ArrayList<>();
                for (String reference : pkg.options(id).get(Option.DEPENDS_ON)) {
                    CheckId dependency = DependencyOrder.resolve(reference, loaded.id());
                    CheckId method = new CheckId(dependency.packageId(), dependency.methodName());
                    if (known.stream().noneMatch(check -> DependencyOrder.matches(method, check))) {
                        problems.add(new ConfigProblem(file, line, 0, "packages." + loaded.id() + ".checks." + id.name()
                            + ".depends-on", "'" + reference + "' names no check; write Check.name for a check of the "
                            + "same package, or package/Check.name"));
                    } else {
                        dependencies.add(method);
                    }
                }
                graph.put(id, dependencies);
                lines.put(id, line);
            }
        });
        for (List<CheckId> cycle : DependencyOrder.cycles(graph)) {
            CheckId first = cycle.get(0);
            problems.add(new ConfigProblem(file, lines.getOrDefault(first, 0), 0, "packages." + first.packageId()
                + ".checks." + first.name() + ".depends-on", "dependency cycle: " + String.join(" -> ",
                    cycle.stream().map(CheckId::toString).toList()) + " -> " + first + "; a check cannot wait for itself"));
        }
        return problems;
    }
}
