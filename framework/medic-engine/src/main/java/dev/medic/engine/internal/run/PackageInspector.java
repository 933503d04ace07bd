package dev.medic.engine.internal.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import dev.medic.api.CheckEach;
import dev.medic.api.CheckId;
import dev.medic.api.Repair;
import dev.medic.api.SettingException;
import dev.medic.api.Target;
import dev.medic.api.Stats;
import dev.medic.api.internal.TargetInvocations;
import dev.medic.config.ConfigProblem;
import dev.medic.engine.CheckInfo;
import dev.medic.engine.PackageInfo;
import dev.medic.engine.Selection;
import dev.medic.engine.SettingInfo;
import dev.medic.engine.config.CheckConfig;
import dev.medic.engine.config.MedicConfig;
import dev.medic.engine.config.Option;
import dev.medic.engine.config.PackageConfig;
import dev.medic.engine.internal.healing.Pairing;
import dev.medic.engine.internal.healing.RepairRunner;
import dev.medic.engine.internal.junit.Failures;
import dev.medic.engine.internal.junit.PackageRunner;
import dev.medic.engine.internal.junit.PlannedMethod;
import dev.medic.engine.internal.loading.LoadFailure;
import dev.medic.engine.internal.loading.LoadedPackage;
import dev.medic.engine.internal.loading.LoadedPackages;

/**
 * Looks at packages and the configuration without running any check: what {@code medic list}
 * shows and what {@code medic validate} reports.
 */
public final class PackageInspector {

    private final MedicConfig config;
    private final LoadedPackages packages;
    private final PackageRunner runner;
    private final Map<String, Discovered> discovered = new LinkedHashMap<>();

    public PackageInspector(MedicConfig config, LoadedPackages packages, Clock clock) {
        this.config = config;
        this.packages = packages;
        this.runner = new PackageRunner(clock);
    }

    private record Discovered(List<PlannedMethod> methods, List<String> problems) {
    }

    /** Every package with its checks and stats, the ones that failed to load included. */
    public List<PackageInfo> inventory() {
        List<PackageInfo> infos = new ArrayList<>();
        for (LoadedPackage loaded : packages.packages()) {
            ConfiguredPackage pkg = new ConfiguredPackage(loaded, config, Selection.all());
            Discovered found = discover(loaded);
            List<CheckInfo> checks = new ArrayList<>();
            List<CheckInfo> stats = new ArrayList<>();
            List<String> problems = new ArrayList<>(found.problems());
            for (PlannedMethod method : found.methods()) {
                String repair = Pairing.repairFor(method.testClass(), method.method()).map(Class::getSimpleName).orElse("");
                Optional<CheckEach> each = method.method().map(m -> m.getAnnotation(CheckEach.class));
                if (each.isPresent()) {
                    try {
                        for (Target target : TargetInvocations.targets(pkg.settings(method.id()), each.get().value())) {
                            CheckId id = new CheckId(loaded.id(), method.id().name() + "[" + target.name() + "]");
                            checks.add(new CheckInfo(id, target.name(), repair, method.tags(), pkg.options(id).isEnabled(),
                                false));
                        }
                    } catch (SettingException e) {
                        problems.add(method.id().name() + ": " + e.getMessage());
                    }
                    continue;
                }
                CheckInfo info = new CheckInfo(method.id(), method.displayName(), repair, method.tags(),
                    pkg.options(method.id()).isEnabled(), method.parameterized());
                (method.tags().contains(Stats.TAG) ? stats : checks).add(info);
            }
            List<SettingInfo> settings = loaded.descriptor().settings().values().stream()
                .map(spec -> new SettingInfo(spec.name(), spec.type().name().toLowerCase(java.util.Locale.ROOT),
                    spec.defaultValue(), spec.required(), spec.description()))
                .toList();
            infos.add(new PackageInfo(loaded.id(), loaded.version(), loaded.description(), loaded.archive(), true,
                checks, stats, settings, problems));
        }
        for (LoadFailure failure : packages.failures()) {
            infos.add(new PackageInfo(failure.packageId(), "", "", failure.archive(), false, List.of(), List.of(),
                List.of(), List.of(failure.message())));
        }
        return infos;
    }

    /**
     * Problems with the configuration that can be found without discovering checks: packages
     * that are not installed, and settings that do not match what a package declares. Checked
     * before every run, so that a bad configuration runs nothing.
     */
    public List<ConfigProblem> configProblems() {
        List<ConfigProblem> problems = new ArrayList<>();
        String file = config.source().map(Path::toString).orElse("configuration");
        config.packages().forEach((id, packageConfig) -> {
            Optional<LoadedPackage> loaded = packages.find(id);
            if (loaded.isEmpty()) {
                if (packages.failures().isEmpty()) {
                    problems.add(new ConfigProblem(file, packageConfig.line(), 0, "packages." + id,
                        "no installed package has the id '" + id + "'; installed: " + installedIds()));
                }
                return;
            }
            loaded.get().descriptor().problemsWith(packageConfig.settings()).forEach(problem ->
                problems.add(new ConfigProblem(file, packageConfig.line(), 0, "packages." + id + ".settings", problem)));
            packageConfig.checks().forEach((name, checkConfig) ->
                loaded.get().descriptor().problemsWith(merged(packageConfig, checkConfig)).forEach(problem ->
                    problems.add(new ConfigProblem(file, checkConfig.line(), 0,
                        "packages." + id + ".checks." + name + ".settings", problem))));
        });
        return problems;
    }

    /**
     * Everything {@link #configProblems()} finds, plus packages that did not load, classes that
     * cannot be loaded, discovery problems, repairs that cannot be created, and configured check
     * names that match no check.
     */
    public List<ConfigProblem> validate() {
        List<ConfigProblem> problems = new ArrayList<>();
        for (LoadFailure failure : packages.failures()) {
            problems.add(new ConfigProblem(String.valueOf(failure.archive()), 0, 0, "", failure.message()));
        }
        for (LoadedPackage loaded : packages.packages()) {
            String where = loaded.archive().toString();
            unloadableClasses(loaded).forEach(problem -> problems.add(new ConfigProblem(where, 0, 0, "", problem)));
            Discovered found = discover(loaded);
            found.problems().forEach(problem -> problems.add(new ConfigProblem(where, 0, 0, "", problem)));
            ConfiguredPackage configured = new ConfiguredPackage(loaded, config, Selection.all());
            // Several methods may read the same target list; a bad entry is reported once.
            Set<String> badLists = new HashSet<>();
            for (PlannedMethod method : found.methods()) {
                method.method().map(m -> m.getAnnotation(CheckEach.class)).ifPresent(each -> {
                    try {
                        TargetInvocations.targets(configured.settings(method.id()), each.value());
                    } catch (SettingException e) {
                        if (!badLists.add(each.value() + "\n" + e.getMessage())) {
                            return;
                        }
                        problems.add(new ConfigProblem(config.source().map(Path::toString).orElse("configuration"),
                            config.packageConfig(loaded.id()).line(), 0, "packages." + loaded.id() + ".settings."
                                + each.value(), "check " + method.id().name() + ": " + e.getMessage()));
                    }
                });
                Optional<Class<? extends Repair>> repair = Pairing.repairFor(method.testClass(), method.method());
                repair.flatMap(type -> constructionProblem(loaded, type)).ifPresent(problem ->
                    problems.add(new ConfigProblem(where, 0, 0, "", "check " + method.id().name() + ": " + problem)));
            }
            PackageConfig packageConfig = config.packageConfig(loaded.id());
            String file = config.source().map(Path::toString).orElse("configuration");
            packageConfig.checks().forEach((name, checkConfig) -> {
                boolean matches = found.methods().stream().anyMatch(method ->
                    method.id().name().equals(name) || method.id().name().equals(new CheckId(loaded.id(), name).methodName()));
                if (!matches) {
                    problems.add(new ConfigProblem(file, checkConfig.line(), 0, "packages." + loaded.id() + ".checks." + name,
                        "package '" + loaded.id() + "' has no check named '" + name + "'; its checks: "
                            + String.join(", ", found.methods().stream().map(method -> method.id().name()).toList())));
                }
                problems.addAll(perMethodKeysOnAnInvocation(file, loaded.id(), name, checkConfig));
            });
        }
        Map<LoadedPackage, List<CheckId>> checks = new LinkedHashMap<>();
        packages.packages().forEach(loaded -> checks.put(loaded,
            discover(loaded).methods().stream().map(PlannedMethod::id).toList()));
        problems.addAll(DependencyValidator.problems(config, checks));
        problems.addAll(configProblems());
        return problems;
    }

    /**
     * An entry for one invocation ({@code DiskChecks.hasFreeSpace[root]}) may set what is decided
     * per invocation (report-only, repair-timeout, the healing policy), but not what is decided
     * before the method runs: whether it runs, when, its timeout and its settings. Silently
     * ignoring those would leave the operator believing a check is off when it still runs.
     */
    private static List<ConfigProblem> perMethodKeysOnAnInvocation(String file, String packageId, String name,
            CheckConfig entry) {
        int bracket = name.indexOf('[');
        if (bracket <= 0) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        for (Option<?> option : List.of(Option.ENABLED, Option.TIMEOUT, Option.INTERVAL)) {
            entry.options().find(option).ifPresent(value -> keys.add(option.key()));
        }
        if (!entry.settings().isEmpty()) {
            keys.add("settings");
        }
        return keys.stream().map(key -> new ConfigProblem(file, entry.line(), 0,
            "packages." + packageId + ".checks." + name + "." + key, "'" + key + "' applies to every invocation of a method;"
                + " write it under '" + name.substring(0, bracket) + "' (on one invocation it would be ignored)")).toList();
    }

    private Discovered discover(LoadedPackage loaded) {
        return discovered.computeIfAbsent(loaded.id(), id -> {
            List<String> problems = new ArrayList<>();
            ConfiguredPackage pkg = new ConfiguredPackage(loaded, config, Selection.all());
            List<PlannedMethod> methods = runner.discover(loaded, pkg, problems)
                .map(plan -> withContextClassLoader(loaded.classLoader(), () -> PlannedMethod.of(id, plan)))
                .orElse(List.of());
            return new Discovered(methods, problems);
        });
    }

    private static Optional<String> constructionProblem(LoadedPackage loaded, Class<? extends Repair> type) {
        return withContextClassLoader(loaded.classLoader(), () -> {
            try {
                RepairRunner.instantiate(type);
                return Optional.empty();
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                return Optional.of("repair " + type.getSimpleName() + " cannot be created: "
                    + (e.getMessage() == null ? Failures.describe(e) : e.getMessage()));
            }
        });
    }

    private static List<String> unloadableClasses(LoadedPackage loaded) {
        List<String> problems = new ArrayList<>();
        for (Path root : loaded.classpathRoots()) {
            try (Stream<String> names = classNames(root)) {
                names.forEach(name -> {
                    try {
                        Class.forName(name, false, loaded.classLoader());
                    } catch (ClassNotFoundException | LinkageError e) {
                        problems.add("class " + name + " cannot be loaded: " + Failures.describe(e));
                    }
                });
            } catch (IOException e) {
                problems.add("cannot read " + root + ": " + e.getMessage());
            }
        }
        return problems;
    }

    private static Stream<String> classNames(Path root) throws IOException {
        if (Files.isDirectory(root)) {
            return Files.walk(root).filter(path -> path.toString().endsWith(".class"))
                .map(path -> toClassName(root.relativize(path).toString()));
        }
        java.util.zip.ZipFile zip = new java.util.zip.ZipFile(root.toFile());
        return zip.stream().map(java.util.zip.ZipEntry::getName)
            .filter(name -> name.endsWith(".class") && !name.startsWith("META-INF/"))
            .map(PackageInspector::toClassName).toList().stream().onClose(() -> {
                try {
                    zip.close();
                } catch (IOException ignored) {
                    // reading is done
                }
            });
    }

    private static String toClassName(String entry) {
        return entry.replace('\\', '/').replaceAll("\\.class$", "").replace('/', '.');
    }

    private static Map<String, Object> merged(PackageConfig packageConfig, CheckConfig checkConfig) {
        Map<String, Object> merged = new LinkedHashMap<>(packageConfig.settings());
        merged.putAll(checkConfig.settings());
        return merged;
    }

    private String installedIds() {
        List<String> ids = packages.packages().stream().map(LoadedPackage::id).toList();
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }

    static <T> T withContextClassLoader(ClassLoader loader, java.util.function.Supplier<T> body) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return body.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
