package dev.medic.engine.packages;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A package archive in the packages directory, as its descriptor and its install record
 * describe it, without loading its classes.
 *
 * @param id           the package id
 * @param version      its version
 * @param description  its description, possibly empty
 * @param requires     the Medic versions it supports, possibly empty
 * @param dependencies ids of the packages it depends on, with version constraints ({@code net@>=1.0})
 * @param archive      the archive
 * @param sha256       the archive's SHA-256 now
 * @param installed    how {@code medic package install} installed it; empty when it was copied in by hand
 */
public record InstalledPackage(String id, String version, String description, String requires,
        List<String> dependencies, Path archive, String sha256, Optional<InstallRecord> installed) {

    public InstalledPackage {
        dependencies = List.copyOf(dependencies);
    }

    /**
     * How a package was installed.
     *
     * @param source      the file or URL it was installed from (credentials and query removed)
     * @param sha256      the archive's SHA-256 when it was installed
     * @param installedAt when
     */
    public record InstallRecord(String source, String sha256, Instant installedAt) {
    }

    /** True when the archive changed after it was installed (its checksum differs). */
    public boolean modifiedSinceInstall() {
        return installed.map(record -> !record.sha256().equalsIgnoreCase(sha256)).orElse(false);
    }
}
