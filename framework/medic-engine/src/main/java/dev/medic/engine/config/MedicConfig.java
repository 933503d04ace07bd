package dev.medic.engine.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The runner's configuration, read and validated once. Immutable.
 *
 * @param source      the file it was read from; empty when Medic runs on built-in defaults
 * @param host        the host name recorded with every result
 * @param environment the environment name recorded with every result
 * @param stateDir    where Medic keeps its state (store, package state, spool)
 * @param packagesDir where installed packages live
 * @param storePath   the SQLite history file
 * @param defaults    options for every check
 * @param packages    configuration per package id, in file order
 * @param maintenance maintenance windows for every check
 */
public record MedicConfig(Optional<Path> source, String host, String environment, Path stateDir, Path packagesDir,
        Path storePath, CheckOptions defaults, Map<String, PackageConfig> packages, List<MaintenanceWindow> maintenance) {

    /** The environment name used when the configuration sets none. */
    public static final String DEFAULT_ENVIRONMENT = "default";

    public MedicConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(packagesDir, "packagesDir");
        Objects.requireNonNull(storePath, "storePath");
        Objects.requireNonNull(defaults, "defaults");
        packages = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(packages));
        maintenance = List.copyOf(maintenance);
    }

    /**
     * A configuration with every default, keeping state (and packages) under one directory.
     */
    public static MedicConfig inDirectory(Path stateDir) {
        return new MedicConfig(Optional.empty(), HostName.local(), DEFAULT_ENVIRONMENT, stateDir,
            stateDir.resolve("packages"), stateDir.resolve("medic.db"), CheckOptions.inherit(), Map.of(), List.of());
    }

    /** The configuration of a package; {@link PackageConfig#none()} when it has none. */
    public PackageConfig packageConfig(String packageId) {
        return packages.getOrDefault(packageId, PackageConfig.none());
    }

    /** A copy with a different packages directory. */
    public MedicConfig withPackagesDir(Path directory) {
        return new MedicConfig(source, host, environment, stateDir, directory, storePath, defaults, packages, maintenance);
    }

    /** A copy with one package's configuration replaced. */
    public MedicConfig withPackage(String packageId, PackageConfig config) {
        Map<String, PackageConfig> copy = new LinkedHashMap<>(packages);
        copy.put(packageId, config);
        return new MedicConfig(source, host, environment, stateDir, packagesDir, storePath, defaults, copy, maintenance);
    }

    /** A copy with different global defaults. */
    public MedicConfig withDefaults(CheckOptions options) {
        return new MedicConfig(source, host, environment, stateDir, packagesDir, storePath, options, packages, maintenance);
    }

    /** A copy with a different host name. */
    public MedicConfig withHost(String hostName) {
        return new MedicConfig(source, hostName, environment, stateDir, packagesDir, storePath, defaults, packages, maintenance);
    }

    /** A copy with different global maintenance windows. */
    public MedicConfig withMaintenance(List<MaintenanceWindow> windows) {
        return new MedicConfig(source, host, environment, stateDir, packagesDir, storePath, defaults, packages, windows);
    }
}
