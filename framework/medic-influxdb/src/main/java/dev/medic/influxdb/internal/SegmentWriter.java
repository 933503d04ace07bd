package dev.medic.influxdb.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The segment a process is appending to. It holds an exclusive lock on the file for as long as it
 * is open: the operating system drops that lock when the process dies, even by SIGKILL, which is
 * how another process tells an abandoned segment from a live one.
 */
final class SegmentWriter {

    private final Path directory;
    private final SegmentName name;
    private final FileChannel channel;
    private final FileLock lock;
    private final long openedAt;
    private int count;
    private long bytes;

    private SegmentWriter(Path directory, SegmentName name, FileChannel channel, FileLock lock, long openedAt) {
        this.directory = directory;
        this.name = name;
        this.channel = channel;
        this.lock = lock;
        this.openedAt = openedAt;
    }

    /**
     * Creates the file under a temporary name, locks it, then renames it: so no other process can
     * ever see an open segment that is not locked, and take it for abandoned.
     */
    static SegmentWriter create(Path directory, SegmentName name, long nanoTime) throws IOException {
        Path temp = directory.resolve(name.tempName());
        FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);
        try {
            FileLock lock = channel.lock();
            Files.move(temp, directory.resolve(name.fileName()), StandardCopyOption.ATOMIC_MOVE);
            return new SegmentWriter(directory, name, channel, lock, nanoTime);
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    SegmentName name() {
        return name;
    }

    /** Appends one record with one write: a process killed after it returns has not lost the point. */
    void append(byte[] payload) throws IOException {
        ByteBuffer record = Records.frame(payload);
        int length = record.remaining();
        while (record.hasRemaining()) {
            channel.write(record);
        }
        count++;
        bytes += length;
    }

    int count() {
        return count;
    }

    long bytes() {
        return bytes;
    }

    /** {@link System#nanoTime()} when the segment was opened. */
    long openedAt() {
        return openedAt;
    }

    /**
     * Makes the segment durable and ready to send: fsync, rename to the sealed name while still
     * holding the lock, fsync the directory, then release. An empty segment is deleted instead.
     */
    void seal() throws IOException {
        Path open = directory.resolve(name.fileName());
        try {
            if (count == 0) {
                Files.deleteIfExists(open);
                return;
            }
            channel.force(true);
            Files.move(open, directory.resolve(name.sealed(count).fileName()), StandardCopyOption.ATOMIC_MOVE);
            Spool.syncDirectory(directory);
        } finally {
            close();
        }
    }

    /** Releases the file without sealing it; whoever holds the spool next recovers it. */
    void close() throws IOException {
        if (channel.isOpen()) {
            lock.release();
            channel.close();
        }
    }
}
