package dev.medic.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A package whose classes are already on a class path, such as a package's own
 * {@code target/classes} in its unit tests. Medic runs it like an installed package: its checks
 * are discovered in the given roots only, and its {@code medic-package.yml} is read from them.
 *
 * @param id          the package id
 * @param version     its version
 * @param classLoader the class loader that has its classes (and Medic's API)
 * @param roots       the directories or jars holding its own classes
 */
public record EmbeddedPackage(String id, String version, ClassLoader classLoader, List<Path> roots) {

    public EmbeddedPackage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(classLoader, "classLoader");
        roots = List.copyOf(roots);
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("package " + id + " needs at least one class path root");
        }
    }
}
