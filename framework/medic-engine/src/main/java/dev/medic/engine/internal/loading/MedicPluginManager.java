package dev.medic.engine.internal.loading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultPluginLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.DependencyResolver;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRepository;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;

/**
 * PF4J's plugin manager, adjusted for packages: archives come only from the packages directory,
 * zips expand into Medic's cache (checked for path traversal) instead of next to themselves,
 * every package gets a {@link PackageClassLoader}, enabling is Medic's configuration's job, and a
 * package with a missing dependency is dropped instead of failing every package.
 */
final class MedicPluginManager extends DefaultPluginManager {

    private final Path expandedDir;
    private final Set<String> inCycle = new LinkedHashSet<>();

    MedicPluginManager(Path packagesDir, Path expandedDir, String medicVersion) {
        super(List.of(packagesDir));
        this.expandedDir = expandedDir;
        setSystemVersion(medicVersion);
        setExactVersionAllowed(false);
        resolveRecoveryStrategy = ResolveRecoveryStrategy.IGNORE_PLUGIN_AND_CONTINUE;
    }

    @Override
    public RuntimeMode getRuntimeMode() {
        return RuntimeMode.DEPLOYMENT;
    }

    @Override
    protected PluginRepository createPluginRepository() {
        return new PackageFiles(getPluginsRoots());
    }

    @Override
    protected PluginLoader createPluginLoader() {
        return new CompoundPluginLoader()
            .add(new JarPluginLoader(this) {
                @Override
                protected PluginClassLoader createPluginClassLoader(Path path, PluginDescriptor descriptor) {
                    return new PackageClassLoader(pluginManager, descriptor, getClass().getClassLoader());
                }
            })
            .add(new DefaultPluginLoader(this) {
                @Override
                protected PluginClassLoader createPluginClassLoader(Path path, PluginDescriptor descriptor) {
                    return new PackageClassLoader(pluginManager, descriptor, getClass().getClassLoader());
                }
            });
    }

    @Override
    protected PluginStatusProvider createPluginStatusProvider() {
        return new PluginStatusProvider() {
            @Override
            public boolean isPluginDisabled(String pluginId) {
                return false;
            }

            @Override
            public void disablePlugin(String pluginId) {
                // enabling and disabling is done in medic.yml
            }

            @Override
            public void enablePlugin(String pluginId) {
                // enabling and disabling is done in medic.yml
            }
        };
    }

    /**
     * Drops the packages that depend on each other in a cycle, those whose dependencies are
     * missing or have the wrong version, and those that depend on a dropped one, until the rest
     * resolves. PF4J's own recovery fails every package on a cycle, and drops the dependency when
     * its version is wrong, which would stop a correct package because of another one.
     */
    @Override
    protected DependencyResolver.Result resolveDependencies() {
        while (true) {
            DependencyResolver.Result result = dependencyResolver.resolve(
                plugins.values().stream().map(PluginWrapper::getDescriptor).toList());
            if (result.hasCyclicDependency()) {
                Set<String> cycle = inCycle();
                if (cycle.isEmpty()) {
                    throw new DependencyResolver.CyclicDependencyException();
                }
                inCycle.addAll(cycle);
                cycle.forEach(id -> unloadPlugin(id, false));
                continue;
            }
            Set<String> unmet = new LinkedHashSet<>();
            result.getNotFoundDependencies().forEach(missing -> unmet.addAll(dependencyResolver.getDependents(missing)));
            result.getWrongVersionDependencies().forEach(wrong -> unmet.add(wrong.getDependentId()));
            unmet.retainAll(plugins.keySet());
            if (result.isOK() || unmet.isEmpty()) {
                return result;
            }
            unmet.forEach(id -> unloadPlugin(id, false));
        }
    }

    /** Whether a package was dropped because it depends on itself through other packages. */
    boolean wasInCycle(String id) {
        return inCycle.contains(id);
    }

    /** The loaded packages that reach themselves through their dependencies. */
    private Set<String> inCycle() {
        Set<String> members = new LinkedHashSet<>();
        for (String id : plugins.keySet()) {
            Set<String> reached = new LinkedHashSet<>();
            List<String> pending = new ArrayList<>(dependencyIds(id));
            while (!pending.isEmpty()) {
                String next = pending.remove(pending.size() - 1);
                if (reached.add(next)) {
                    pending.addAll(dependencyIds(next));
                }
            }
            if (reached.contains(id)) {
                members.add(id);
            }
        }
        return members;
    }

    private List<String> dependencyIds(String id) {
        PluginWrapper wrapper = plugins.get(id);
        return wrapper == null ? List.of() : wrapper.getDescriptor().getDependencies().stream()
            .map(PluginDependency::getPluginId).filter(plugins::containsKey).toList();
    }

    /** The package archives in the packages directory. */
    List<Path> archives() {
        return pluginRepository.getPluginPaths();
    }

    /** Loads one archive, expanding a zip into the cache first. */
    PluginWrapper load(Path archive) {
        Path target = archive;
        if (archive.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            target = expand(archive);
        }
        return loadPluginFromPath(target);
    }

    /** Resolves dependencies between the loaded packages. */
    void resolve() {
        resolvePlugins();
    }

    private Path expand(Path archive) {
        try {
            // Name the expansion after the archive's size and time so that a replaced archive is
            // expanded afresh while an unchanged one is reused.
            String name = archive.getFileName().toString().replaceAll("\\.zip$", "")
                + "-" + Files.size(archive) + "-" + Files.getLastModifiedTime(archive).toMillis();
            Path directory = expandedDir.resolve(name);
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(expandedDir);
                SafeUnzip.expand(archive, directory);
            }
            return directory;
        } catch (IOException e) {
            throw new PluginRuntimeException(e, "cannot expand {}: {}", archive.getFileName(), e.getMessage());
        }
    }
}
