package dev.medic.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

import dev.medic.api.CheckId;
import dev.medic.config.ConfigProblem;
import dev.medic.engine.config.CheckOptions;
import dev.medic.engine.config.MedicConfig;
import dev.medic.engine.internal.loading.LoadedPackage;
import dev.medic.engine.internal.loading.LoadedPackages;
import dev.medic.engine.internal.loading.PackageLoader;
import dev.medic.engine.internal.run.ConfiguredPackage;
import dev.medic.engine.internal.run.EventBus;
import dev.medic.engine.internal.run.PackageInspector;
import dev.medic.engine.internal.run.RunCoordinator;
import dev.medic.engine.spi.RunListener;
import dev.medic.engine.spi.Store;

/**
 * The engine: loads the packages of a configuration once, then runs, lists and validates their
 * checks. Close it to release the packages' class loaders.
 *
 * <pre>{@code
 * try (Medic medic = Medic.builder(config).store(store).listener(reporter).build()) {
 *     RunReport report = medic.run(RunMode.RUN, Selection.all());
 *     System.exit(report.exitCode());
 * }
 * }</pre>
 */
public final class Medic implements AutoCloseable {

    /** The check name under which a package's own failures (load, discovery) are recorded. */
    public static final String PACKAGE_CHECK = RunCoordinator.PACKAGE_CHECK;

    private final MedicConfig config;
    private final LoadedPackages packages;
    private final RunCoordinator coordinator;
    private final PackageInspector inspector;

    private Medic(MedicConfig config, Optional<Store> store, List<RunListener> listeners, Clock clock,
            Sleeper sleeper, List<LoadedPackage> embedded) {
        this.config = config;
        this.packages = new PackageLoader(config.packagesDir(), config.stateDir().resolve("cache").resolve("expanded"),
            version()).load().with(embedded);
        List<RunListener> all = new ArrayList<>();
        store.ifPresent(all::add);
        all.addAll(listeners);
        this.coordinator = new RunCoordinator(config, packages, store, new EventBus(all, clock), clock, sleeper);
        this.inspector = new PackageInspector(config, packages, clock);
    }

    /** Starts building an engine for a configuration. */
    public static Builder builder(MedicConfig config) {
        return new Builder(config);
    }

    /** The running Medic version. */
    public static String version() {
        Properties properties = new Properties();
        try (InputStream in = Medic.class.getResourceAsStream("medic.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // fall through to the unknown version
        }
        return properties.getProperty("version", "0.0.0");
    }

    /**
     * Loads and initialises what every run needs (JUnit's launcher, PF4J, YAML) ahead of time,
     * so that a command line can do it on another core while it parses its arguments.
     */
    public static void warmUp() {
        dev.medic.engine.internal.junit.PackageRunner.warmUp();
    }

    /** The configuration this engine runs. */
    public MedicConfig config() {
        return config;
    }

    /**
     * Runs the selected checks once: in {@link RunMode#RUN} failing checks are repaired and
     * retested and stats are collected; in {@link RunMode#CHECK} nothing is repaired.
     */
    public RunReport run(RunMode mode, Selection selection) {
        return coordinator.run(mode, selection);
    }

    /** The ids of the installed packages, loaded or not, without discovering their checks. */
    public List<String> installedPackages() {
        List<String> ids = new ArrayList<>();
        packages.packages().forEach(loaded -> ids.add(loaded.id()));
        packages.failures().forEach(failure -> ids.add(failure.packageId()));
        return ids;
    }

    /** The effective options of a check or stats method: every level merged, built-in defaults last. */
    public CheckOptions options(CheckId check) {
        return packages.find(check.packageId())
            .map(loaded -> new ConfiguredPackage(loaded, config, Selection.all()).options(check))
            .orElse(config.defaults());
    }

    /** The installed packages with their checks, without running anything. */
    public List<PackageInfo> inventory() {
        return inspector.inventory();
    }

    /** Problems with the configuration found without discovering checks; empty when it can run. */
    public List<ConfigProblem> configProblems() {
        return inspector.configProblems();
    }

    /** Every problem with the configuration and the packages, found without running any check. */
    public List<ConfigProblem> validate() {
        return inspector.validate();
    }

    @Override
    public void close() {
        packages.close();
    }

    /** Builds a {@link Medic}. */
    public static final class Builder {

        private final MedicConfig config;
        private Store store;
        private final List<RunListener> listeners = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private final List<LoadedPackage> embedded = new ArrayList<>();

        private Builder(MedicConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** The store that keeps the history; also receives every event. */
        public Builder store(Store value) {
            this.store = value;
            return this;
        }

        /** One more listener for every event (reporters, metric sinks). */
        public Builder listener(RunListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** The clock for timestamps and durations; the system clock unless set. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * One more package, from classes already on a class path (a package's own tests).
         *
         * @throws UncheckedIOException when its roots cannot be read
         * @throws dev.medic.config.ConfigException when its medic-package.yml is not valid
         */
        public Builder embeddedPackage(EmbeddedPackage pkg) {
            try {
                embedded.add(PackageLoader.embedded(pkg.id(), pkg.version(), pkg.classLoader(), pkg.roots()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read package " + pkg.id() + " from " + pkg.roots(), e);
            }
            return this;
        }

        /** What waits between a failure and its recheck, and between retests; {@link Sleeper#SYSTEM} unless set. */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /** Loads the packages and returns the engine. */
        public Medic build() {
            return new Medic(config, Optional.ofNullable(store), listeners, clock, sleeper, embedded);
        }
    }
}
