package dev.medic.engine.internal.loading;

import java.nio.file.Path;
import java.util.List;

/**
 * A package that loaded: its identity, its class loader and where its classes are.
 *
 * @param id             the package id (PF4J plugin id)
 * @param version        its version
 * @param description    its description, possibly empty
 * @param requires       the Medic versions it supports, possibly empty
 * @param dependencies   ids of packages it depends on
 * @param archive        the jar or zip in the packages directory
 * @param classLoader    its own class loader
 * @param classpathRoots where its own classes are (scanned for checks; its libraries are not)
 * @param descriptor     its {@code medic-package.yml}
 */
public record LoadedPackage(String id, String version, String description, String requires,
        List<String> dependencies, Path archive, ClassLoader classLoader, List<Path> classpathRoots,
        PackageDescriptor descriptor) {

    public LoadedPackage {
        dependencies = List.copyOf(dependencies);
        classpathRoots = List.copyOf(classpathRoots);
    }
}
