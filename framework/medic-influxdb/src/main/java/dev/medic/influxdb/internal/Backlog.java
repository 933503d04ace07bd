package dev.medic.influxdb.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The spool as its lock holder sees it: it recovers segments of processes that ended, keeps the
 * spool within its bound by dropping the oldest points, hands out batches in order, and removes
 * them once acknowledged or set aside. Get it from {@link Spool#backlog()} while holding the lock.
 */
public final class Backlog {

    private static final System.Logger LOG = System.getLogger(Backlog.class.getName());

    private final Path segments;
    private final Rejects rejects;
    private final Set<String> owned;
    private final SpoolCounters counters;
    private final long maxBytes;
    private final AtomicLong lost;

    Backlog(Path segments, Path rejected, Set<String> owned, SpoolCounters counters, long maxBytes, AtomicLong lost) {
        this.segments = segments;
        this.rejects = new Rejects(rejected);
        this.owned = owned;
        this.counters = counters;
        this.maxBytes = maxBytes;
        this.lost = lost;
    }

    /**
     * Points read from the oldest sealed segments.
     *
     * @param files  the segments they came from, removed together
     * @param points the points, in order
     */
    public record Batch(List<Path> files, List<byte[]> points) {

        /** The request body: the points, one per line. */
        public byte[] body() {
            ByteArrayOutputStream out = new ByteArrayOutputStream(points.size() * 200);
            for (byte[] point : points) {
                if (out.size() > 0) {
                    out.write('\n');
                }
                out.writeBytes(point);
            }
            return out.toByteArray();
        }
    }

    /**
     * Seals the open segments whose writer has ended (their lock is free), cutting a torn last
     * record, and deletes abandoned temporary files. Segments this process writes are never opened
     * here: closing a second channel on a file would release this process's own lock on it.
     */
    public void recover() {
        for (Path file : list()) {
            String fileName = file.getFileName().toString();
            if (fileName.startsWith(".") && fileName.endsWith(".tmp")) {
                String openName = fileName.substring(1, fileName.length() - ".tmp".length()) + ".open";
                if (!owned.contains(openName)) {
                    recoverOne(file, Optional.empty());
                }
                continue;
            }
            SegmentName.parse(fileName).filter(name -> !name.isSealed() && !owned.contains(fileName))
                .ifPresent(name -> recoverOne(file, Optional.of(name)));
        }
    }

    private void recoverOne(Path file, Optional<SegmentName> name) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return; // its writer is alive
            }
            recoverLocked(file, name, channel);
        } catch (NoSuchFileException | OverlappingFileLockException e) {
            // sealed or removed by its writer meanwhile, or written by another spool of this JVM
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot recover the spool segment " + file + ": " + e);
        }
    }

    private void recoverLocked(Path file, Optional<SegmentName> name, FileChannel channel) throws IOException {
        Records.Scan scan = name.isPresent() ? Records.read(channel) : new Records.Scan(List.of(), 0, 0);
        if (scan.records().isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        if (scan.damaged()) {
            channel.truncate(scan.validBytes());
            LOG.log(System.Logger.Level.WARNING, "spool segment " + file + " of a process that ended had a torn last record ("
                + (scan.fileBytes() - scan.validBytes()) + " bytes, never fully written); kept its "
                + scan.records().size() + " whole points");
        }
        channel.force(true);
        Files.move(file, segments.resolve(name.get().sealed(scan.records().size()).fileName()), StandardCopyOption.ATOMIC_MOVE);
        Spool.syncDirectory(segments);
    }

    /**
     * Drops the oldest sealed segments while the segments take more than the bound, and adds them
     * (and points lost on append) to the persisted dropped total.
     *
     * @return the points dropped now
     */
    public long enforceBound() throws IOException {
        Map<SegmentName, Path> sealed = new TreeMap<>();
        long total = 0;
        for (Path file : list()) {
            total += size(file);
            SegmentName.parse(file.getFileName().toString()).filter(SegmentName::isSealed)
                .ifPresent(name -> sealed.put(name, file));
        }
        long dropped = 0;
        for (Map.Entry<SegmentName, Path> oldest : sealed.entrySet()) {
            if (total <= maxBytes) {
                break;
            }
            long size = size(oldest.getValue());
            Files.deleteIfExists(oldest.getValue());
            total -= size;
            dropped += oldest.getKey().count();
        }
        long lostNow = lost.getAndSet(0);
        if (dropped + lostNow > 0) {
            SpoolCounters.Totals totals;
            try {
                totals = counters.add(dropped + lostNow, 0);
            } catch (IOException e) {
                lost.addAndGet(dropped + lostNow);
                throw e;
            }
            if (dropped > 0) {
                LOG.log(System.Logger.Level.WARNING, "the InfluxDB spool " + segments.getParent() + " is full (max-bytes "
                    + maxBytes + "): dropped the " + dropped + " oldest points to make room; " + totals.dropped()
                    + " points dropped since the spool was created");
            }
        }
        return dropped;
    }

    /** The oldest sealed segments, up to {@code maxPoints} points (always at least one segment). */
    public Optional<Batch> next(int maxPoints) throws IOException {
        List<Path> files = new ArrayList<>();
        List<byte[]> points = new ArrayList<>();
        for (Map.Entry<SegmentName, Path> segment : sealed().entrySet()) {
            if (!files.isEmpty() && points.size() + segment.getKey().count() > maxPoints) {
                break;
            }
            Records.Scan scan;
            try {
                scan = Records.read(segment.getValue());
            } catch (NoSuchFileException e) {
                continue;
            }
            if (scan.damaged()) {
                LOG.log(System.Logger.Level.WARNING, "spool segment " + segment.getValue() + " is damaged after byte "
                    + scan.validBytes() + "; sending its " + scan.records().size() + " whole points");
            }
            files.add(segment.getValue());
            points.addAll(scan.records());
        }
        return files.isEmpty() ? Optional.empty() : Optional.of(new Batch(files, points));
    }

    /** Removes a batch the server acknowledged. */
    public void acknowledge(Batch batch) throws IOException {
        for (Path file : batch.files()) {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Sets aside a batch the server refused as malformed (see {@link Rejects}), removes it from
     * the spool and counts it; it is never sent again.
     */
    public Path reject(Batch batch, String reason) throws IOException {
        Path file = rejects.setAside(batch, reason);
        acknowledge(batch);
        SpoolCounters.Totals totals = counters.add(0, batch.points().size());
        LOG.log(System.Logger.Level.WARNING, "InfluxDB rejected " + batch.points().size() + " points as malformed ("
            + reason + "); they are set aside in " + file + " and not sent again (" + totals.rejected()
            + " rejected in all). Content: " + Rejects.excerpt(batch));
        return file;
    }

    private Map<SegmentName, Path> sealed() {
        Map<SegmentName, Path> sealed = new TreeMap<>();
        for (Path file : list()) {
            SegmentName.parse(file.getFileName().toString()).filter(SegmentName::isSealed)
                .ifPresent(name -> sealed.put(name, file));
        }
        return sealed;
    }

    private List<Path> list() {
        try (Stream<Path> files = Files.list(segments)) {
            return files.toList();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot list the spool segments in " + segments + ": " + e);
            return List.of();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
