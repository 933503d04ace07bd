package dev.medic.engine.internal.loading;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Expands a zip archive into a directory, refusing any entry that would land outside it
 * ("zip slip"), absolute entries, and archives that expand beyond a size bound.
 */
public final class SafeUnzip {

    /** The most an archive may expand to. */
    public static final long MAX_EXPANDED_BYTES = 512L * 1024 * 1024;

    private SafeUnzip() {
    }

    /**
     * Checks every entry name of an archive without expanding it.
     *
     * @throws IOException naming the first entry that would escape the target directory
     */
    public static void checkEntries(Path archive) throws IOException {
        Path root = Path.of("/medic-check").normalize();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                target(root, entries.nextElement().getName(), archive);
            }
        }
    }

    /**
     * Expands an archive into a directory that must not exist yet; on failure nothing is left
     * behind.
     */
    public static void expand(Path archive, Path directory) throws IOException {
        Path staging = Files.createTempDirectory(directory.getParent(), "." + directory.getFileName() + "-");
        try {
            long written = 0;
            try (ZipFile zip = new ZipFile(archive.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    Path target = target(staging, entry.getName(), archive);
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                        continue;
                    }
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        written += Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    if (written > MAX_EXPANDED_BYTES) {
                        throw new IOException(archive.getFileName() + " expands to more than "
                            + MAX_EXPANDED_BYTES / (1024 * 1024) + " MiB");
                    }
                }
            }
            Files.move(staging, directory, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            if (Files.exists(staging)) {
                deleteTree(staging);
            }
        }
    }

    private static Path target(Path root, String entryName, Path archive) throws IOException {
        Path target = root.resolve(entryName).normalize();
        if (entryName.startsWith("/") || entryName.startsWith("\\") || entryName.contains(":")
                || !target.startsWith(root)) {
            throw new IOException(archive.getFileName() + " has an entry that points outside the package: '"
                + entryName + "'; archives with such entries are refused (path traversal)");
        }
        return target;
    }

    /** Deletes a directory tree, deepest entries first. */
    public static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
