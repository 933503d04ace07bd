package dev.medic.cli.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import dev.medic.api.CheckId;

/**
 * The daemon's files in {@code <state-dir>/daemon/}: a lock held while it runs (one daemon per
 * state directory; the operating system releases it when the process ends), and a status file
 * with its pid, its start and each check's next due time, for {@code medic status}.
 */
public final class DaemonFiles {

    private final Path directory;

    public DaemonFiles(Path stateDir) {
        this.directory = stateDir.resolve("daemon");
    }

    /** What a running daemon says about itself. */
    public record Status(long pid, Instant since, String config, Map<CheckId, Instant> nextDue) {
    }

    /** Takes the daemon lock; empty when another daemon holds it. The caller keeps the channel open while it runs. */
    Optional<FileChannel> lock() throws IOException {
        Files.createDirectories(directory);
        FileChannel channel = FileChannel.open(directory.resolve("daemon.lock"), StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        return Optional.of(channel);
    }

    /** Writes the status file in one step (a reader never sees half of it). */
    void write(Status status) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("pid", Long.toString(status.pid()));
        properties.setProperty("since", status.since().toString());
        properties.setProperty("config", status.config());
        status.nextDue().forEach((check, time) -> properties.setProperty("next." + check, time.toString()));
        Files.createDirectories(directory);
        Path partial = directory.resolve(".status.properties.part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            properties.store(out, "written by medic daemon");
        }
        Files.move(partial, directory.resolve("status.properties"), StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
    }

    /** Removes the status file when the daemon stops. */
    void clear() throws IOException {
        Files.deleteIfExists(directory.resolve("status.properties"));
    }

    /**
     * The status of the daemon running on this state directory, if one runs: its lock is held
     * and its process is alive.
     */
    public Optional<Status> running() {
        Path file = directory.resolve("status.properties");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
            long pid = Long.parseLong(properties.getProperty("pid"));
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && lockHeld()) {
                Map<CheckId, Instant> next = new LinkedHashMap<>();
                properties.stringPropertyNames().stream().filter(key -> key.startsWith("next.")).sorted().forEach(key -> {
                    String check = key.substring("next.".length());
                    int slash = check.indexOf('/');
                    next.put(new CheckId(check.substring(0, slash), check.substring(slash + 1)),
                        Instant.parse(properties.getProperty(key)));
                });
                return Optional.of(new Status(pid, Instant.parse(properties.getProperty("since")),
                    properties.getProperty("config", ""), next));
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable or stale file means no daemon we can describe
        }
        return Optional.empty();
    }

    private boolean lockHeld() throws IOException {
        Path lockFile = directory.resolve("daemon.lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (java.nio.channels.OverlappingFileLockException inThisProcess) {
            return true;
        }
    }
}
