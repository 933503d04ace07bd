package dev.medic.influxdb.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The durable queue in front of InfluxDB: a directory of segment files that several processes can
 * share (a daemon and a manual run on one host).
 *
 * <pre>
 * spool.lock    held, briefly, by the one process that sends, recovers or drops (try-lock, never waited on)
 * counters      dropped and rejected totals
 * segments/     *.open: being written, locked by their writer;  *.seg: sealed, ready to send
 * rejected/     batches the server refused as malformed, as line protocol with the reason on top
 * </pre>
 *
 * <p>Each process appends only to segments it created and locked itself, so appends never wait on
 * another process. Only the holder of {@code spool.lock} reads, sends, deletes or recovers
 * segments, so no segment is ever sent by two processes at once.
 *
 * <p>Open one spool per directory per process: the locks are the operating system's record locks,
 * which belong to the process, and closing any channel on a file drops all of them on that file.
 */
public final class Spool implements AutoCloseable {

    private final Path directory;
    private final Path segments;
    private final int batchSize;
    private final String writer;
    private final FileChannel lockChannel;
    private final SpoolCounters counters;
    private final Backlog backlog;
    /** File names of the open segments this process writes; its own sender never opens them. */
    private final Set<String> owned = ConcurrentHashMap.newKeySet();
    private final AtomicLong lost = new AtomicLong();
    private final Deque<SegmentWriter> full = new ArrayDeque<>();
    private SegmentWriter current;
    private int seq;
    private boolean closed;
    private FileLock held;

    private Spool(Path directory, long maxBytes, int batchSize) throws IOException {
        this.directory = directory;
        this.segments = Files.createDirectories(directory.resolve("segments"));
        Path rejected = Files.createDirectories(directory.resolve("rejected"));
        this.batchSize = batchSize;
        this.writer = "p" + ProcessHandle.current().pid() + "x" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        this.lockChannel = FileChannel.open(directory.resolve("spool.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        this.counters = new SpoolCounters(directory.resolve("counters"));
        this.backlog = new Backlog(segments, rejected, owned, counters, maxBytes, lost);
    }

    /**
     * Opens (or creates) a spool directory.
     *
     * @param maxBytes  the bound on the segments' total size
     * @param batchSize the points per segment; a full segment is sealed and sent
     */
    public static Spool open(Path directory, long maxBytes, int batchSize) throws IOException {
        return new Spool(Files.createDirectories(directory), maxBytes, batchSize);
    }

    public Path directory() {
        return directory;
    }

    /**
     * Appends one point with one write. Returns true when the sender should look now: a segment
     * was started (its flush deadline begins) or filled up.
     */
    public synchronized boolean append(String line) throws IOException {
        if (closed) {
            throw new IllegalStateException("the spool " + directory + " is closed");
        }
        boolean started = current == null;
        if (started) {
            SegmentName name = SegmentName.open(System.currentTimeMillis(), writer, seq++);
            owned.add(name.fileName());
            try {
                current = SegmentWriter.create(segments, name, System.nanoTime());
            } catch (IOException | RuntimeException e) {
                owned.remove(name.fileName());
                throw e;
            }
        }
        current.append(line.getBytes(StandardCharsets.UTF_8));
        if (current.count() >= batchSize) {
            full.add(current);
            current = null;
            return true;
        }
        return started;
    }

    /** Counts a point that could not be appended (the disk is full, say) as dropped. */
    public void countLost() {
        lost.incrementAndGet();
    }

    /**
     * Seals every full segment, and the current one when it is at least {@code maxAge} old;
     * {@link Duration#ZERO} seals it whatever its age. Runs on the sender's thread, so the fsync
     * never holds up an append.
     */
    public void sealDue(Duration maxAge) {
        List<SegmentWriter> due = new ArrayList<>();
        synchronized (this) {
            due.addAll(full);
            full.clear();
            if (current != null && System.nanoTime() - current.openedAt() >= maxAge.toNanos()) {
                due.add(current);
                current = null;
            }
        }
        for (SegmentWriter segment : due) {
            try {
                segment.seal();
            } catch (IOException e) {
                System.getLogger(Spool.class.getName()).log(System.Logger.Level.WARNING, "cannot seal the spool segment "
                    + segments.resolve(segment.name().fileName()) + " (" + e + "); it is sent once recovered");
            } finally {
                owned.remove(segment.name().fileName());
            }
        }
    }

    /** {@link System#nanoTime()} when the current segment was opened; empty when there is none. */
    public synchronized Optional<Long> currentOpenedAt() {
        return current == null ? Optional.empty() : Optional.of(current.openedAt());
    }

    /** Takes the spool lock if no other process holds it; never waits. */
    public boolean tryLock() throws IOException {
        if (held == null) {
            try {
                held = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                return false; // a second spool on this directory in this JVM holds it: one per process is the rule
            }
        }
        return held != null;
    }

    public void unlock() throws IOException {
        if (held != null) {
            held.release();
            held = null;
        }
    }

    /** What only the lock holder may do: recover, drop, send and set aside. */
    public Backlog backlog() {
        if (held == null) {
            throw new IllegalStateException("the spool lock is not held");
        }
        return backlog;
    }

    /**
     * The points not yet acknowledged: sealed segments (counted by name), this process's open
     * segments (counted in memory) and other processes' open segments (counted by reading them).
     */
    public long pending() {
        long points = 0;
        long ownOpen;
        synchronized (this) {
            ownOpen = (current == null ? 0 : current.count()) + full.stream().mapToLong(SegmentWriter::count).sum();
        }
        try (Stream<Path> files = Files.list(segments)) {
            for (Path file : files.toList()) {
                Optional<SegmentName> name = SegmentName.parse(file.getFileName().toString());
                if (name.isEmpty() || owned.contains(file.getFileName().toString())) {
                    continue;
                }
                points += name.get().isSealed() ? name.get().count() : foreignOpenCount(file);
            }
        } catch (IOException e) {
            return ownOpen;
        }
        return points + ownOpen;
    }

    /** The persisted totals, with the points lost on append that the sender has not counted yet. */
    public SpoolCounters.Totals totals() {
        SpoolCounters.Totals totals = counters.read();
        return new SpoolCounters.Totals(totals.dropped() + lost.get(), totals.rejected());
    }

    private static long foreignOpenCount(Path file) {
        try {
            return Records.read(file).records().size();
        } catch (IOException e) {
            return 0; // sealed or removed meanwhile: then it is counted by name, or gone
        }
    }

    /** Stops appends and releases every file; open segments stay for the next holder to recover. */
    @Override
    public void close() throws IOException {
        List<SegmentWriter> open = new ArrayList<>();
        synchronized (this) {
            closed = true;
            open.addAll(full);
            full.clear();
            if (current != null) {
                open.add(current);
                current = null;
            }
        }
        for (SegmentWriter segment : open) {
            segment.close();
        }
        unlock();
        lockChannel.close();
    }

    /** Syncs a directory so that a rename or a new file in it survives a power loss; not all systems can. */
    static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems refuse to sync a directory; the rename is still atomic
        }
    }
}
