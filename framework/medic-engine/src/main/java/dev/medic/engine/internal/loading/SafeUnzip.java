package dev.medic.engine.internal.loading;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
        expand(archive, directory, MAX_EXPANDED_BYTES);
    }

    /** As {@link #expand(Path, Path)}, with a different bound on the expanded size. */
    static void expand(Path archive, Path directory, long maxExpandedBytes) throws IOException {
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
                    try (InputStream in = zip.getInputStream(entry); OutputStream out = Files.newOutputStream(target)) {
                        written = copy(in, out, written, maxExpandedBytes, archive);
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

    /**
     * Copies one entry and returns the archive's running total, failing as soon as the total
     * passes the bound, so that a single huge entry is never written out in full.
     */
    private static long copy(InputStream in, OutputStream out, long written, long maxExpandedBytes, Path archive)
            throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = written;
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            total += read;
            if (total > maxExpandedBytes) {
                long mebibyte = 1024 * 1024;
                throw new IOException(archive.getFileName() + " expands to more than " + (maxExpandedBytes % mebibyte == 0
                    ? maxExpandedBytes / mebibyte + " MiB" : maxExpandedBytes + " bytes"));
            }
            out.write(buffer, 0, read);
        }
        return total;
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
