package dev.medic.api;

import java.util.Objects;

/**
 * The identity of one check: the package it belongs to and its name within the package.
 *
 * <p>A check's name is its class's simple name and its method name, {@code DiskChecks.hasRoom};
 * one invocation of a parameterized or dynamic check adds the invocation's display name in
 * brackets, {@code DiskChecks.hasRoom[/var]}. These names are what {@code --check}, the
 * configuration, the history and the metrics use.
 *
 * @param packageId the id of the package
 * @param name      the check's name within the package
 */
public record CheckId(String packageId, String name) implements Comparable<CheckId> {

    public CheckId {
        Objects.requireNonNull(packageId, "packageId");
        Objects.requireNonNull(name, "name");
    }

    /** The name without an invocation suffix: the check method this check runs. */
    public String methodName() {
        int bracket = name.indexOf('[');
        return bracket < 0 ? name : name.substring(0, bracket);
    }

    @Override
    public int compareTo(CheckId other) {
        int byPackage = packageId.compareTo(other.packageId);
        return byPackage != 0 ? byPackage : name.compareTo(other.name);
    }

    /** {@code package/name}, as the command line shows it. */
    @Override
    public String toString() {
        return packageId + "/" + name;
    }
}
