package dev.medic.engine.internal.install;

import java.nio.file.Path;
import java.util.List;

import org.pf4j.CompoundPluginDescriptorFinder;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;
import org.pf4j.PropertiesPluginDescriptorFinder;

import dev.medic.engine.packages.PackageException;

/**
 * What a package archive says about itself (PF4J's manifest or plugin.properties), read without
 * loading any of its classes.
 *
 * @param id           the package id
 * @param version      its version
 * @param description  its description
 * @param requires     the Medic versions it supports
 * @param dependencies its dependencies, {@code id@constraint}
 * @param required     the ids of the dependencies it cannot load without
 */
public record ArchiveDescriptor(String id, String version, String description, String requires,
        List<String> dependencies, List<String> required) {

    /**
     * Reads the descriptor of a jar or zip.
     *
     * @throws PackageException when the archive has no valid descriptor
     */
    public static ArchiveDescriptor read(Path archive, String displayName) throws PackageException {
        PluginDescriptor descriptor;
        try {
            descriptor = new CompoundPluginDescriptorFinder()
                .add(new PropertiesPluginDescriptorFinder())
                .add(new ManifestPluginDescriptorFinder())
                .find(archive);
        } catch (RuntimeException e) {
            throw notAPackage(displayName, e.getMessage());
        }
        if (blank(descriptor.getPluginId()) || blank(descriptor.getVersion())) {
            throw notAPackage(displayName, "Plugin-Id or Plugin-Version is missing");
        }
        List<PluginDependency> dependencies = descriptor.getDependencies();
        return new ArchiveDescriptor(descriptor.getPluginId(), descriptor.getVersion(),
            descriptor.getPluginDescription() == null ? "" : descriptor.getPluginDescription(),
            descriptor.getRequires() == null || descriptor.getRequires().equals("*") ? "" : descriptor.getRequires(),
            dependencies.stream().map(dependency -> dependency.getPluginId()
                + ("*".equals(dependency.getPluginVersionSupport()) ? "" : "@" + dependency.getPluginVersionSupport()))
                .toList(),
            dependencies.stream().filter(dependency -> !dependency.isOptional()).map(PluginDependency::getPluginId).toList());
    }

    private static PackageException notAPackage(String displayName, String detail) {
        return new PackageException(displayName + " is not a Medic package: it needs Plugin-Id and Plugin-Version in"
            + " META-INF/MANIFEST.MF (a jar) or plugin.properties (a zip)" + (detail == null ? "" : " (" + detail + ")"));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
