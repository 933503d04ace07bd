package dev.medic.engine.packages;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import dev.medic.config.ConfigProblem;
import dev.medic.engine.Medic;
import dev.medic.engine.config.MedicConfig;
import dev.medic.engine.internal.install.ArchiveDescriptor;
import dev.medic.engine.internal.install.Checksums;
import dev.medic.engine.internal.install.InstallRecords;
import dev.medic.engine.internal.loading.SafeUnzip;
import dev.medic.engine.packages.InstalledPackage.InstallRecord;

/**
 * Installs, lists and removes packages in the packages directory, safely.
 *
 * <p>An install is checked in a staging area outside the packages directory: the checksum, the
 * archive's entries (no path traversal), its descriptor, and a trial load next to the other
 * installed packages with the same validation as {@code medic validate}. Only a package that
 * passes is moved into the packages directory, by one atomic rename that also replaces the
 * version it upgrades. So a refused or interrupted install leaves the packages directory as it
 * was, and the old version keeps running until the new one has proved it loads.
 */
public final class PackageInstaller {

    private final MedicConfig config;
    private final Clock clock;
    private final InstallRecords records;

    public PackageInstaller(MedicConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.records = new InstallRecords(config.packagesDir());
    }

    /** The packages in the packages directory, by id; archives that are not packages are left out. */
    public List<InstalledPackage> installed() throws IOException {
        List<InstalledPackage> installed = new ArrayList<>();
        for (Path archive : archives()) {
            try {
                installed.add(describe(archive, ArchiveDescriptor.read(archive, archive.getFileName().toString())));
            } catch (PackageException notAPackage) {
                // medic list and medic validate report archives that are not packages
            }
        }
        installed.sort(Comparator.comparing(InstalledPackage::id));
        return installed;
    }

    /** The installed package with an id. */
    public Optional<InstalledPackage> find(String id) throws IOException {
        return installed().stream().filter(installed -> installed.id().equals(id)).findFirst();
    }

    /**
     * Installs a package archive.
     *
     * @param file     the archive, a jar or a zip
     * @param source   where it came from, for the install record (a path or a URL without credentials)
     * @param expected the SHA-256 the archive must have, if given
     * @param upgrade  whether it may replace an installed package with the same id
     * @throws PackageException when the package is refused; nothing was changed
     */
    public InstallResult install(Path file, String source, Optional<String> expected, boolean upgrade)
            throws PackageException, IOException {
        if (expected.isPresent() && !Checksums.isSha256(expected.get())) {
            throw new PackageException("--sha256 '" + expected.get() + "' is not a SHA-256: expected 64 hex digits");
        }
        Path cache = config.stateDir().resolve("cache");
        Files.createDirectories(cache);
        try (FileChannel lockFile = FileChannel.open(cache.resolve("install.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = waitForLock(lockFile)) {
            Path staging = freshStaging(cache.resolve("staging"));
            try {
                return installStaged(file, source, expected, upgrade, staging);
            } finally {
                SafeUnzip.deleteTree(staging);
            }
        }
    }

    private InstallResult installStaged(Path file, String source, Optional<String> expected, boolean upgrade,
            Path staging) throws PackageException, IOException {
        String shown = file.getFileName().toString();
        // PF4J tells archives apart by extension; zips are read the same way, so any name ending .jar works.
        Path candidate = staging.resolve("candidate.jar");
        String sha256;
        try (InputStream in = Files.newInputStream(file); OutputStream out = Files.newOutputStream(candidate)) {
            sha256 = Checksums.copyHashing(in, out);
        }
        if (expected.isPresent() && !expected.get().equalsIgnoreCase(sha256)) {
            throw new PackageException("checksum mismatch for " + shown + ": expected " + expected.get().toLowerCase(Locale.ROOT)
                + ", but the file's SHA-256 is " + sha256 + "; nothing was installed");
        }
        try (ZipFile ignored = new ZipFile(candidate.toFile())) {
            SafeUnzip.checkEntries(candidate);
        } catch (IOException e) {
            throw new PackageException(shown + " is refused: " + (e.getMessage() == null ? "not a jar or zip archive"
                : e.getMessage().replace(candidate.getFileName().toString(), shown)) + "; nothing was installed");
        }
        ArchiveDescriptor descriptor;
        try {
            descriptor = ArchiveDescriptor.read(candidate, shown);
        } catch (PackageException e) {
            throw new PackageException(e.getMessage().replace(candidate.toString(), shown) + "; nothing was installed");
        }
        List<Path> same = archivesWithId(descriptor.id());
        Optional<String> replaced = same.isEmpty() ? Optional.empty()
            : Optional.of(ArchiveDescriptor.read(same.get(0), same.get(0).getFileName().toString()).version());
        if (!same.isEmpty() && !upgrade) {
            InstalledPackage old = describe(same.get(0), ArchiveDescriptor.read(same.get(0), same.get(0).getFileName().toString()));
            throw new PackageException("package " + old.id() + " " + old.version() + " is already installed ("
                + old.archive().getFileName() + "); use --upgrade to replace it with " + descriptor.version());
        }
        String extension = extension(file, candidate);
        Path trial = Files.createDirectories(staging.resolve("trial"));
        Path trialArchive = trial.resolve(descriptor.id() + extension);
        Files.move(candidate, trialArchive);
        trialLoad(trialArchive, trial, same, staging, shown);

        Path target = config.packagesDir().resolve(descriptor.id() + extension);
        place(trialArchive, target);
        for (Path old : same) {
            if (!old.equals(target)) {
                Files.deleteIfExists(old);
            }
            forgetExpansions(old);
        }
        records.write(descriptor.id(), new InstallRecord(source, sha256, clock.instant()));
        return new InstallResult(describe(target, descriptor), replaced);
    }

    /**
     * Removes a package.
     *
     * @param force remove it even when other installed packages need it
     * @throws PackageException when there is no such package, or others need it
     */
    public InstalledPackage remove(String id, boolean force) throws PackageException, IOException {
        Path cache = config.stateDir().resolve("cache");
        Files.createDirectories(cache);
        try (FileChannel lockFile = FileChannel.open(cache.resolve("install.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = waitForLock(lockFile)) {
            List<InstalledPackage> installed = installed();
            InstalledPackage target = installed.stream().filter(pkg -> pkg.id().equals(id)).findFirst()
                .orElseThrow(() -> new PackageException("no installed package has the id '" + id + "'; installed: "
                    + (installed.isEmpty() ? "none" : String.join(", ", installed.stream().map(InstalledPackage::id).toList()))));
            List<String> dependents = new ArrayList<>();
            for (Path archive : archives()) {
                try {
                    ArchiveDescriptor other = ArchiveDescriptor.read(archive, archive.getFileName().toString());
                    if (other.required().contains(id)) {
                        dependents.add(other.id());
                    }
                } catch (PackageException notAPackage) {
                    // cannot depend on anything
                }
            }
            if (!dependents.isEmpty() && !force) {
                throw new PackageException("package " + id + " is needed by " + String.join(", ", dependents)
                    + "; remove those first, or use --force");
            }
            for (Path archive : archivesWithId(id)) {
                Files.deleteIfExists(archive);
                forgetExpansions(archive);
            }
            records.delete(id);
            return target;
        }
    }

    private void trialLoad(Path candidate, Path trial, List<Path> replaced, Path staging, String shown)
            throws PackageException, IOException {
        for (Path other : archives()) {
            if (!replaced.contains(other)) {
                Path link = trial.resolve(other.getFileName());
                try {
                    Files.createSymbolicLink(link, other.toAbsolutePath());
                } catch (UnsupportedOperationException | IOException e) {
                    Files.copy(other, link);
                }
            }
        }
        MedicConfig trialConfig = MedicConfig.inDirectory(staging.resolve("state")).withPackagesDir(trial);
        List<String> problems = new ArrayList<>();
        try (Medic medic = Medic.builder(trialConfig).build()) {
            for (ConfigProblem problem : medic.validate()) {
                if (problem.file().equals(candidate.toString())) {
                    problems.add(problem.message().replace(candidate.getFileName().toString(), shown));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new PackageException(shown + " is refused, because it does not load cleanly:" + System.lineSeparator()
                + "  " + String.join(System.lineSeparator() + "  ", problems) + System.lineSeparator()
                + "nothing was installed");
        }
    }

    /** Moves the checked archive into place in one rename; across file systems, through a hidden partial file. */
    private void place(Path archive, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            Files.move(archive, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException differentFileSystem) {
            Path partial = target.resolveSibling("." + target.getFileName() + ".part");
            Files.copy(archive, partial, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private InstalledPackage describe(Path archive, ArchiveDescriptor descriptor) throws IOException {
        return new InstalledPackage(descriptor.id(), descriptor.version(), descriptor.description(),
            descriptor.requires(), descriptor.dependencies(), archive, Checksums.sha256(archive),
            records.find(descriptor.id()));
    }

    private List<Path> archivesWithId(String id) throws IOException {
        List<Path> matching = new ArrayList<>();
        for (Path archive : archives()) {
            try {
                if (ArchiveDescriptor.read(archive, archive.getFileName().toString()).id().equals(id)) {
                    matching.add(archive);
                }
            } catch (PackageException notAPackage) {
                // not this package
            }
        }
        return matching;
    }

    /** The archives the loader would load: regular, not hidden, .jar or .zip. */
    private List<Path> archives() throws IOException {
        if (!Files.isDirectory(config.packagesDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(config.packagesDir())) {
            return files.filter(Files::isRegularFile).filter(path -> {
                String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
                return !name.startsWith(".") && (name.endsWith(".jar") || name.endsWith(".zip"));
            }).sorted().toList();
        }
    }

    private void forgetExpansions(Path archive) throws IOException {
        Path expanded = config.stateDir().resolve("cache").resolve("expanded");
        String prefix = archive.getFileName().toString().replaceAll("\\.zip$", "") + "-";
        if (Files.isDirectory(expanded)) {
            try (Stream<Path> dirs = Files.list(expanded)) {
                for (Path dir : dirs.filter(path -> path.getFileName().toString().startsWith(prefix)).toList()) {
                    SafeUnzip.deleteTree(dir);
                }
            }
        }
    }

    private static String extension(Path file, Path candidate) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jar") || name.endsWith(".zip")) {
            return name.substring(name.lastIndexOf('.'));
        }
        try (ZipFile zip = new ZipFile(candidate.toFile())) {
            return zip.getEntry("plugin.properties") != null && zip.stream().anyMatch(entry -> entry.getName().startsWith("classes/"))
                ? ".zip" : ".jar";
        }
    }

    private static Path freshStaging(Path root) throws IOException {
        // Only one install runs at a time (the lock), so anything left here is from an interrupted one.
        SafeUnzip.deleteTree(root);
        Files.createDirectories(root);
        return Files.createTempDirectory(root, "install-");
    }

    private static FileLock waitForLock(FileChannel channel) throws IOException, PackageException {
        for (int attempt = 0; attempt < 300; attempt++) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new PackageException("another 'medic package' command is still running; try again when it is done");
    }
}
