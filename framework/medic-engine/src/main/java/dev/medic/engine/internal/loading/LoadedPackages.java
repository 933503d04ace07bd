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

    /**
     * These packages plus packages whose classes are already on a class path. An embedded
     * package whose id is already installed replaces the installed one.
     */
    public LoadedPackages with(List<LoadedPackage> embedded) {
        List<LoadedPackage> all = new java.util.ArrayList<>(embedded);
        packages.stream().filter(loaded -> embedded.stream().noneMatch(other -> other.id().equals(loaded.id())))
            .forEach(all::add);
        all.sort(java.util.Comparator.comparing(LoadedPackage::id));
        return new LoadedPackages(all, failures, manager);
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
