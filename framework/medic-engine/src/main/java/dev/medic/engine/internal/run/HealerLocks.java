package dev.medic.engine.internal.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import dev.medic.api.CheckId;

/**
 * One healer per check: a lock file per check under {@code <state-dir>/locks}, held with an
 * operating-system file lock while the check is repaired and retested, so that a manual run, the
 * daemon and overlapping cron runs never repair the same check at the same time.
 *
 * <p>The operating system releases a file lock when its process ends, however it ends, so a lock
 * left by a killed process is taken over at once; the file itself (which names the holder, for
 * messages) is never deleted, because deleting lock files races with taking them. Threads of one
 * process take an in-process lock first, since a JVM cannot hold one file lock twice.
 */
final class HealerLocks {

    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path directory;
    private final Clock clock;

    HealerLocks(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** A lock that is held; closing it releases it. */
    final class Held implements AutoCloseable {

        private final ReentrantLock local;
        private final FileChannel channel;
        private final FileLock lock;
        private final boolean waited;

        private Held(ReentrantLock local, FileChannel channel, FileLock lock, boolean waited) {
            this.local = local;
            this.channel = channel;
            this.lock = lock;
            this.waited = waited;
        }

        /** True when another healer held the lock first, so the check's state may have changed meanwhile. */
        boolean waited() {
            return waited;
        }

        @Override
        public void close() {
            if (local == null) {
                return;
            }
            try {
                lock.release();
                channel.close();
            } catch (IOException ignored) {
                // the operating system releases it when the channel or the process goes
            } finally {
                local.unlock();
            }
        }
    }

    /**
     * Takes a check's lock, waiting up to {@code patience} for another healer to finish.
     *
     * @return the held lock, or empty when another healer still holds it
     */
    Optional<Held> acquire(CheckId check, Duration patience) throws IOException, InterruptedException {
        Path file = file(check);
        ReentrantLock local = IN_PROCESS.computeIfAbsent(file, path -> new ReentrantLock());
        long deadline = System.nanoTime() + patience.toNanos();
        boolean waited = false;
        if (!local.tryLock()) {
            waited = true;
            if (!local.tryLock(patience.toNanos(), TimeUnit.NANOSECONDS)) {
                return Optional.empty();
            }
        }
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            while (lock == null && System.nanoTime() < deadline) {
                waited = true;
                Thread.sleep(100);
                lock = tryLock(channel);
            }
            if (lock == null) {
                channel.close();
                local.unlock();
                return Optional.empty();
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " since " + clock.instant() + "\n")
                .getBytes(StandardCharsets.UTF_8)), 0);
            return Optional.of(new Held(local, channel, lock, waited));
        } catch (IOException | RuntimeException e) {
            local.unlock();
            throw e;
        }
    }

    /** A stand-in for a lock that could not be taken because its file cannot be written: repairs go on without it. */
    Held unlocked() {
        return new Held(null, null, null, false);
    }

    /** Who holds a check's lock, as its file says: {@code pid 1234 since ...}. */
    String holder(CheckId check) {
        try {
            return Files.readString(file(check)).strip();
        } catch (IOException e) {
            return "another process";
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private Path file(CheckId check) {
        String readable = check.name().replaceAll("[^A-Za-z0-9._-]", "_");
        String name = (readable.length() > 80 ? readable.substring(0, 80) : readable) + "-" + shortHash(check.name()) + ".lock";
        return directory.resolve(check.packageId().replaceAll("[^A-Za-z0-9._-]", "_")).resolve(name).toAbsolutePath();
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            return Integer.toHexString(text.hashCode());
        }
    }
}
