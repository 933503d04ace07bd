package dev.medic.packages.system.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes regular files whose names match glob patterns and that were last modified before a
 * cutoff, inside one directory.
 *
 * <p>It works through {@link SecureDirectoryStream}, that is relative to open directory handles
 * ({@code openat}, {@code unlinkat}): a directory swapped for a symbolic link while the sweep runs
 * cannot lead it elsewhere. Symbolic links are never followed and never deleted; directories are
 * never deleted. A platform without secure directory streams is refused rather than swept by
 * path.
 */
public final class OldFileSweeper {

    /** What one sweep did. */
    public record Sweep(List<Path> deleted, long freedBytes, int skippedLinks, List<String> errors) {
    }

    private final List<PathMatcher> patterns;
    private final Instant cutoff;
    private final boolean recursive;
    private final List<Path> deleted = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private long freedBytes;
    private int skippedLinks;

    private OldFileSweeper(List<PathMatcher> patterns, Instant cutoff, boolean recursive) {
        this.patterns = patterns;
        this.cutoff = cutoff;
        this.recursive = recursive;
    }

    /**
     * Sweeps a directory that {@link SweepDirectory#checked} accepted.
     *
     * @param globs     patterns matched against file names alone, such as {@code *.log.gz}
     * @param cutoff    files last modified before this are deleted
     * @param recursive whether to go into subdirectories (never through a symbolic link)
     */
    public static Sweep sweep(Path directory, List<String> globs, Instant cutoff, boolean recursive) throws IOException {
        List<PathMatcher> matchers = globs.stream().map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)).toList();
        OldFileSweeper sweeper = new OldFileSweeper(matchers, cutoff, recursive);
        // Open the parent, then the directory itself without following a link, so that even the
        // last part of the configured path cannot be a link swapped in after it was checked.
        try (DirectoryStream<Path> parent = java.nio.file.Files.newDirectoryStream(directory.getParent())) {
            if (!(parent instanceof SecureDirectoryStream<Path> secureParent)) {
                throw new IOException("this platform has no secure directory streams (openat/unlinkat); "
                    + "refusing to delete files by path");
            }
            try (SecureDirectoryStream<Path> root = secureParent.newDirectoryStream(directory.getFileName(), LinkOption.NOFOLLOW_LINKS)) {
                sweeper.walk(root, directory);
            }
        }
        return new Sweep(List.copyOf(sweeper.deleted), sweeper.freedBytes, sweeper.skippedLinks, List.copyOf(sweeper.errors));
    }

    private void walk(SecureDirectoryStream<Path> directory, Path shownAs) throws IOException {
        // Names first, then work: deleting while the directory is being read may skip entries.
        List<Path> names = new ArrayList<>();
        for (Path entry : directory) {
            names.add(entry.getFileName());
        }
        for (Path name : names) {
            if (Thread.currentThread().isInterrupted()) {
                errors.add("interrupted at the repair's deadline; the sweep stopped early");
                return;
            }
            try {
                visit(directory, name, shownAs.resolve(name));
            } catch (IOException e) {
                errors.add(shownAs.resolve(name) + ": " + e);
            }
        }
    }

    private void visit(SecureDirectoryStream<Path> directory, Path name, Path shownAs) throws IOException {
        BasicFileAttributes attributes = directory.getFileAttributeView(name, BasicFileAttributeView.class,
            LinkOption.NOFOLLOW_LINKS).readAttributes();
        if (attributes.isSymbolicLink()) {
            skippedLinks++;
        } else if (attributes.isDirectory()) {
            if (recursive) {
                try (SecureDirectoryStream<Path> child = directory.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS)) {
                    walk(child, shownAs);
                }
            }
        } else if (attributes.isRegularFile() && matches(name) && attributes.lastModifiedTime().toInstant().isBefore(cutoff)) {
            // If the file was replaced by a link since it was read, unlinkat removes the link, here.
            directory.deleteFile(name);
            deleted.add(shownAs);
            freedBytes += attributes.size();
        }
    }

    private boolean matches(Path name) {
        return patterns.stream().anyMatch(pattern -> pattern.matches(name));
    }
}
