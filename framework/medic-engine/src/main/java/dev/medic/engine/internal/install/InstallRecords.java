package dev.medic.engine.internal.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Properties;

import dev.medic.engine.packages.InstalledPackage.InstallRecord;

/**
 * Keeps how each package was installed in {@code <packages-dir>/.medic/<id>.properties}; the
 * directory's name starts with a dot, so the loader never mistakes it for a package.
 */
public final class InstallRecords {

    private final Path directory;

    public InstallRecords(Path packagesDir) {
        this.directory = packagesDir.resolve(".medic");
    }

    /** The record of a package, if it was installed by Medic. */
    public Optional<InstallRecord> find(String id) {
        Path file = directory.resolve(id + ".properties");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
            return Optional.of(new InstallRecord(properties.getProperty("source", ""),
                properties.getProperty("sha256", ""), Instant.parse(properties.getProperty("installed-at"))));
        } catch (IOException | DateTimeParseException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** Writes a package's record, replacing the old one at once. */
    public void write(String id, InstallRecord record) throws IOException {
        Files.createDirectories(directory);
        Properties properties = new Properties();
        properties.setProperty("source", record.source());
        properties.setProperty("sha256", record.sha256());
        properties.setProperty("installed-at", record.installedAt().toString());
        Path partial = directory.resolve("." + id + ".properties.part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            properties.store(out, "installed by medic package install");
        }
        Files.move(partial, directory.resolve(id + ".properties"), StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
    }

    /** Forgets a package's record. */
    public void delete(String id) throws IOException {
        Files.deleteIfExists(directory.resolve(id + ".properties"));
    }
}
