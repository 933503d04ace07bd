package dev.medic.engine.internal.loading;

import java.util.List;
import java.util.Optional;

import org.pf4j.PluginManager;

/**
 * The result of loading a packages directory: the packages that loaded and the archives that
 * did not. Closing it releases the packages' class loaders.
 */
public final class LoadedPackages implements AutoCloseable {

    private final List<LoadedPackage> packages;
    private final List<LoadFailure> failures;
    private final PluginManager manager;

    LoadedPackages(List<LoadedPackage> packages, List<LoadFailure> failures, PluginManager manager) {
        this.packages = List.copyOf(packages);
        this.failures = List.copyOf(failures);
        this.manager = manager;
    }

    /** The packages that loaded, by id. */
    public List<LoadedPackage> packages() {
        return packages;
    }

    /** The archives that did not load. */
    public List<LoadFailure> failures() {
        return failures;
    }

    /** The loaded package with an id. */
    public Optional<LoadedPackage> find(String id) {
        return packages.stream().filter(loaded -> loaded.id().equals(id)).findFirst();
    }

    @Override
    public void close() {
        if (manager != null) {
            manager.unloadPlugins();
        }
    }
}
