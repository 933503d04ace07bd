package dev.medic.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import dev.medic.api.internal.Durations;
import dev.medic.config.ConfigProblem;
import dev.medic.engine.EmbeddedPackage;
import dev.medic.engine.Measurement;
import dev.medic.engine.Medic;
import dev.medic.engine.RunMode;
import dev.medic.engine.RunReport;
import dev.medic.engine.Selection;
import dev.medic.engine.config.CheckConfig;
import dev.medic.engine.config.CheckOptions;
import dev.medic.engine.config.MedicConfig;
import dev.medic.engine.config.Option;
import dev.medic.engine.config.PackageConfig;
import dev.medic.engine.spi.RunListener;

/**
 * Runs a package's checks, repairs and stats in this JVM, from an ordinary JUnit test, with the
 * real engine: the same discovery, healing loop, timeouts and outcomes as {@code medic run}, but
 * without building or installing anything.
 *
 * <pre>{@code
 * TestRun run = PackageTestKit.forPackageOf(TmpChecks.class)
 *     .setting("directory", tempDir)
 *     .run();
 * assertThat(run.outcome("TmpChecks.tmpHasRoom")).isEqualTo(Outcome.REPAIRED);
 * }</pre>
 *
 * <p>The package is the class path root (such as {@code target/classes}) that holds the given
 * class; its checks are discovered there only, and its {@code medic-package.yml} is read from it.
 * Each run gets a fresh state directory unless one is given.
 */
public final class PackageTestKit {

    private final List<Path> roots;
    private final ClassLoader classLoader;
    private String id = "package-under-test";
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> checkSettings = new LinkedHashMap<>();
    private CheckOptions options = CheckOptions.inherit();
    private Path stateDirectory;

    private PackageTestKit(List<Path> roots, ClassLoader classLoader) {
        this.roots = roots;
        this.classLoader = classLoader;
    }

    /** The package whose classes are in the same class path root as the given class. */
    public static PackageTestKit forPackageOf(Class<?> anyClassOfThePackage) {
        try {
            Path root = Path.of(anyClassOfThePackage.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new PackageTestKit(List.of(root), anyClassOfThePackage.getClassLoader());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("cannot tell where the classes of " + anyClassOfThePackage.getName()
                + " come from", e);
        }
    }

    /** The package id the records carry; {@code package-under-test} unless set. */
    public PackageTestKit id(String packageId) {
        this.id = Objects.requireNonNull(packageId, "packageId");
        return this;
    }

    /** A setting for every check, as under {@code packages.<id>.settings} in medic.yml. */
    public PackageTestKit setting(String key, Object value) {
        settings.put(key, plain(value));
        return this;
    }

    /** A setting for one check, as under {@code packages.<id>.checks.<check>.settings}. */
    public PackageTestKit setting(String check, String key, Object value) {
        checkSettings.computeIfAbsent(check, name -> new LinkedHashMap<>()).put(key, plain(value));
        return this;
    }

    /** How long one execution of a check may take. */
    public PackageTestKit timeout(Duration timeout) {
        options = options.with(Option.TIMEOUT, timeout);
        return this;
    }

    /** How long one repair attempt may take. */
    public PackageTestKit repairTimeout(Duration timeout) {
        options = options.with(Option.REPAIR_TIMEOUT, timeout);
        return this;
    }

    /**
     * Any option, as under {@code defaults:} in medic.yml, such as
     * {@code option(Option.CONFIRM_DELAY, Duration.ZERO)} so that a test does not wait before rechecks.
     */
    public <T> PackageTestKit option(Option<T> option, T value) {
        options = options.with(option, value);
        return this;
    }

    /** Report failures without repairing them. */
    public PackageTestKit reportOnly(boolean reportOnly) {
        options = options.with(Option.REPORT_ONLY, reportOnly);
        return this;
    }

    /** Where repairs keep their files; a fresh temporary directory unless set. */
    public PackageTestKit stateDirectory(Path directory) {
        this.stateDirectory = directory;
        return this;
    }

    /** Runs every check, repairs what fails, retests, then collects stats: {@code medic run}. */
    public TestRun run() {
        return execute(RunMode.RUN, Selection.all());
    }

    /** Runs the checks whose name or method name matches a pattern ({@code *} matches anything), with repairs. */
    public TestRun run(String checkPattern) {
        return execute(RunMode.RUN, Selection.of(id, checkPattern));
    }

    /** Runs every check without repairing anything: {@code medic check}. */
    public TestRun check() {
        return execute(RunMode.CHECK, Selection.all());
    }

    private TestRun execute(RunMode mode, Selection selection) {
        List<Measurement> measurements = new ArrayList<>();
        MedicConfig config = MedicConfig.inDirectory(stateDirectory()).withPackagesDir(stateDirectory().resolve("none"))
            .withPackage(id, new PackageConfig(options, settings, checkConfigs(), 0));
        try (Medic medic = Medic.builder(config)
                .embeddedPackage(new EmbeddedPackage(id, "0.0.0-test", classLoader, roots))
                .listener(new RunListener() {
                    @Override
                    public void measured(Measurement measurement) {
                        measurements.add(measurement);
                    }
                })
                .build()) {
            List<ConfigProblem> problems = medic.configProblems();
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("the test's settings do not fit the package: "
                    + problems.stream().map(ConfigProblem::message).collect(Collectors.joining("; ")));
            }
            RunReport report = medic.run(mode, selection);
            return new TestRun(report, measurements);
        }
    }

    private Map<String, CheckConfig> checkConfigs() {
        Map<String, CheckConfig> checks = new LinkedHashMap<>();
        checkSettings.forEach((check, values) -> checks.put(check, new CheckConfig(CheckOptions.inherit(), values, 0)));
        return checks;
    }

    private Path stateDirectory() {
        if (stateDirectory == null) {
            try {
                stateDirectory = Files.createTempDirectory("medic-test-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a state directory for the test", e);
            }
        }
        return stateDirectory;
    }

    /** Settings hold what a YAML file would: durations and paths as their text. */
    private static Object plain(Object value) {
        if (value instanceof Duration duration) {
            return Durations.format(duration);
        }
        if (value instanceof Path path) {
            return path.toString();
        }
        return value;
    }
}
