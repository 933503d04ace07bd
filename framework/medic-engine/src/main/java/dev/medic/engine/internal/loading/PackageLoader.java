package dev.medic.engine.internal.loading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pf4j.DependencyResolver;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;


/**
 * Loads every package archive in a directory, each in its own class loader. An archive that
 * fails to load is reported with the reason and never stops the others.
 */
public final class PackageLoader {

    private static final System.Logger LOG = System.getLogger(PackageLoader.class.getName());

    private final Path packagesDir;
    private final Path expandedDir;
    private final String medicVersion;

    /**
     * @param packagesDir  where the package archives are
     * @param expandedDir  where zip packages are expanded
     * @param medicVersion the running Medic version, checked against each package's requirement
     */
    public PackageLoader(Path packagesDir, Path expandedDir, String medicVersion) {
        this.packagesDir = packagesDir;
        this.expandedDir = expandedDir;
        this.medicVersion = medicVersion;
    }

    /** Loads the packages; the caller closes the result to release their class loaders. */
    public LoadedPackages load() {
        List<LoadFailure> failures = new ArrayList<>();
        if (!Files.isDirectory(packagesDir)) {
            return new LoadedPackages(List.of(), failures, null);
        }
        MedicPluginManager manager = new MedicPluginManager(packagesDir, expandedDir, medicVersion);
        Map<String, Path> archives = new HashMap<>();
        Map<String, PluginDescriptor> descriptors = new HashMap<>();
        for (Path archive : manager.archives()) {
            try {
                PluginWrapper wrapper = manager.load(archive);
                archives.put(wrapper.getPluginId(), archive);
                descriptors.put(wrapper.getPluginId(), wrapper.getDescriptor());
            } catch (RuntimeException | LinkageError e) {
                failures.add(new LoadFailure(archive.getFileName().toString(), archive, describe(archive, e)));
            }
        }
        try {
            manager.resolve();
        } catch (DependencyResolver.CyclicDependencyException e) {
            manager.getPlugins().forEach(wrapper -> failures.add(new LoadFailure(wrapper.getPluginId(),
                archives.get(wrapper.getPluginId()), "packages depend on each other in a cycle; break the cycle")));
            return new LoadedPackages(List.of(), failures, manager);
        }

        List<LoadedPackage> loaded = new ArrayList<>();
        archives.forEach((id, archive) -> {
            PluginWrapper wrapper = manager.getPlugin(id);
            if (wrapper == null) {
                failures.add(new LoadFailure(id, archive, manager.wasInCycle(id)
                    ? "packages depend on each other in a cycle; break the cycle"
                    : dependencyProblem(descriptors.get(id), manager)));
            } else if (wrapper.getPluginState() != PluginState.RESOLVED) {
                failures.add(new LoadFailure(id, archive, notResolved(wrapper)));
            } else {
                try {
                    loaded.add(toPackage(wrapper, archive));
                } catch (IOException | RuntimeException e) {
                    failures.add(new LoadFailure(id, archive, e.getMessage()));
                }
            }
        });
        loaded.sort(java.util.Comparator.comparing(LoadedPackage::id));
        failures.sort(java.util.Comparator.comparing(LoadFailure::packageId));
        return new LoadedPackages(loaded, failures, manager);
    }

    /** Names the dependencies that a package dropped while resolving lacks. */
    private static String dependencyProblem(PluginDescriptor descriptor, MedicPluginManager manager) {
        List<String> unmet = new ArrayList<>();
        for (PluginDependency dependency : descriptor.getDependencies()) {
            PluginWrapper present = manager.getPlugin(dependency.getPluginId());
            String wanted = dependency.getPluginId() + ("*".equals(dependency.getPluginVersionSupport()) ? ""
                : " " + dependency.getPluginVersionSupport());
            if (present == null && !dependency.isOptional()) {
                unmet.add(wanted + " (not installed, or it did not load)");
            } else if (present != null && !manager.getVersionManager().checkVersionConstraint(
                    present.getDescriptor().getVersion(), dependency.getPluginVersionSupport())) {
                unmet.add(wanted + " (installed: " + present.getDescriptor().getVersion() + ")");
            }
        }
        return unmet.isEmpty() ? "a package it depends on is missing or has the wrong version"
            : "it depends on " + String.join(", ", unmet);
    }

    /** A package from classes already on a class path; its descriptor is read from its roots. */
    public static LoadedPackage embedded(String id, String version, ClassLoader classLoader, List<Path> roots)
            throws IOException {
        return new LoadedPackage(id, version, "", "", List.of(), roots.get(0), classLoader, roots,
            PackageDescriptor.read(roots, roots.get(0).getFileName().toString()));
    }

    private String notResolved(PluginWrapper wrapper) {
        PluginDescriptor descriptor = wrapper.getDescriptor();
        if (!descriptor.getRequires().isBlank() && wrapper.getPluginState() == PluginState.DISABLED) {
            return "requires Medic " + descriptor.getRequires() + ", but this is Medic " + medicVersion;
        }
        Throwable failure = wrapper.getFailedException();
        return "not loaded (" + wrapper.getPluginState() + ")" + (failure == null ? "" : ": " + failure.getMessage());
    }

    private LoadedPackage toPackage(PluginWrapper wrapper, Path archive) throws IOException {
        PluginDescriptor descriptor = wrapper.getDescriptor();
        Path pluginPath = wrapper.getPluginPath();
        List<Path> roots = Files.isDirectory(pluginPath) ? List.of(pluginPath.resolve("classes")) : List.of(pluginPath);
        ClassLoader classLoader = wrapper.getPluginClassLoader();
        return new LoadedPackage(descriptor.getPluginId(), descriptor.getVersion(),
            descriptor.getPluginDescription() == null ? "" : descriptor.getPluginDescription(),
            descriptor.getRequires() == null ? "" : descriptor.getRequires(),
            descriptor.getDependencies().stream().map(PluginDependency::getPluginId).toList(),
            archive, classLoader, roots, PackageDescriptor.read(roots, archive.getFileName().toString()));
    }

    private static String describe(Path archive, Throwable e) {
        LOG.log(System.Logger.Level.DEBUG, "cannot load " + archive, e);
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.contains("Cannot find the manifest path") || message.contains("Cannot find '")
                || message.contains("No PluginDescriptorFinder")
                || message.contains("cannot be empty") || message.contains("Field 'id'")) {
            return archive.getFileName() + " is not a Medic package: it has no Plugin-Id and Plugin-Version"
                + " in META-INF/MANIFEST.MF or plugin.properties (" + message + ")";
        }
        return archive.getFileName() + " cannot be loaded: " + message;
    }
}
