package dev.medic.influxdb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {

    @TempDir
    Path dir;

    private static List<String> drain(Spool spool) throws IOException {
        List<String> sent = new ArrayList<>();
        assertThat(spool.tryLock()).isTrue();
        try {
            Backlog backlog = spool.backlog();
            backlog.recover();
            for (Optional<Backlog.Batch> batch = backlog.next(10); batch.isPresent(); batch = backlog.next(10)) {
                batch.get().points().forEach(point -> sent.add(new String(point, StandardCharsets.UTF_8)));
                backlog.acknowledge(batch.get());
            }
        } finally {
            spool.unlock();
        }
        return sent;
    }

    private static List<String> lines(int count) {
        return IntStream.range(0, count).mapToObj(i -> "m,i=" + i + " v=" + i + "i " + (1_700_000_000_000L + i)).toList();
    }

    private List<Path> files(String subdirectory) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve(subdirectory))) {
            return files.sorted().toList();
        }
    }

    @Test
    void pointsComeOutInTheOrderTheyWentInAcrossSegmentsAndAreGoneOnceAcknowledged() throws IOException {
        try (Spool spool = Spool.open(dir, 1 << 20, 10)) {
            for (String line : lines(25)) {
                spool.append(line);
            }
            spool.sealDue(Duration.ZERO);
            assertThat(spool.pending()).isEqualTo(25);

            assertThat(drain(spool)).containsExactlyElementsOf(lines(25));
            assertThat(spool.pending()).isZero();
            assertThat(files("segments")).isEmpty();
        }
    }

    @Test
    void aFullSegmentIsSealedWithItsCountInTheNameAndTheRestStaysOpen() throws IOException {
        try (Spool spool = Spool.open(dir, 1 << 20, 10)) {
            for (String line : lines(13)) {
                spool.append(line);
            }
            spool.sealDue(Duration.ofHours(1));

            assertThat(files("segments")).extracting(file -> file.getFileName().toString())
                .satisfiesExactly(sealed -> assertThat(sealed).endsWith("-000000-10.seg"),
                    open -> assertThat(open).endsWith("-000001.open"));
            assertThat(spool.pending()).isEqualTo(13);
        }
    }

    @Test
    void pointsLeftInAnOpenSegmentByAProcessThatEndedAreRecovered() throws IOException {
        try (Spool first = Spool.open(dir, 1 << 20, 100)) {
            for (String line : lines(7)) {
                first.append(line);
            }
        } // closed without sealing, as a killed process leaves it: unlocked, still .open

        try (Spool second = Spool.open(dir, 1 << 20, 100)) {
            assertThat(second.pending()).isEqualTo(7);
            assertThat(drain(second)).containsExactlyElementsOf(lines(7));
        }
    }

    @Test
    void aTornLastRecordIsCutAndTheWholeOnesAreKept() throws IOException {
        Path segments = Files.createDirectories(dir.resolve("segments"));
        Path open = segments.resolve(SegmentName.open(1_700_000_000_000L, "p1x1", 0).fileName());
        try (FileChannel channel = FileChannel.open(open, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (String line : lines(3)) {
                channel.write(Records.frame(line.getBytes(StandardCharsets.UTF_8)));
            }
            ByteBuffer torn = Records.frame("m v=99i 1".getBytes(StandardCharsets.UTF_8));
            torn.limit(torn.limit() - 3); // killed in the middle of the write
            channel.write(torn);
        }

        try (Spool spool = Spool.open(dir, 1 << 20, 100)) {
            assertThat(drain(spool)).containsExactlyElementsOf(lines(3));
        }
    }

    @Test
    void aDamagedRecordEndsTheSegmentWhereTheChecksumFails() throws IOException {
        Path segments = Files.createDirectories(dir.resolve("segments"));
        Path open = segments.resolve(SegmentName.open(1_700_000_000_000L, "p1x1", 0).fileName());
        try (FileChannel channel = FileChannel.open(open, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (String line : lines(4)) {
                ByteBuffer record = Records.frame(line.getBytes(StandardCharsets.UTF_8));
                if (line.contains("i=2 ")) {
                    record.put(10, (byte) 'X'); // a flipped byte inside the third point
                }
                channel.write(record);
            }
        }

        Records.Scan scan = Records.read(open);

        assertThat(scan.records()).extracting(bytes -> new String(bytes, StandardCharsets.UTF_8))
            .containsExactlyElementsOf(lines(2));
        assertThat(scan.damaged()).isTrue();
    }

    @Test
    void overTheBoundTheOldestSegmentsAreDroppedAndTheCountSurvivesARestart() throws IOException {
        long dropped;
        try (Spool spool = Spool.open(dir, 16 * 1024, 10)) {
            for (String line : lines(1000)) {
                spool.append(line);
            }
            spool.sealDue(Duration.ZERO);
            assertThat(spool.tryLock()).isTrue();
            dropped = spool.backlog().enforceBound();
            spool.unlock();

            long kept = spool.pending();
            assertThat(dropped).isPositive().isEqualTo(1000 - kept);
            assertThat(files("segments").stream().mapToLong(SpoolTest::size).sum()).isLessThanOrEqualTo(16 * 1024);
            assertThat(drain(spool)).containsExactlyElementsOf(lines(1000).subList((int) dropped, 1000));
        }
        try (Spool reopened = Spool.open(dir, 16 * 1024, 10)) {
            assertThat(reopened.totals().dropped()).isEqualTo(dropped);
        }
    }

    @Test
    void aRejectedBatchIsSetAsideAsLineProtocolWithTheReasonAndCounted() throws IOException {
        try (Spool spool = Spool.open(dir, 1 << 20, 10)) {
            for (String line : lines(3)) {
                spool.append(line);
            }
            spool.sealDue(Duration.ZERO);
            assertThat(spool.tryLock()).isTrue();
            Backlog backlog = spool.backlog();
            Path file = backlog.reject(backlog.next(10).orElseThrow(), "HTTP 400: unable to parse\nsecond line");
            spool.unlock();

            assertThat(Files.readString(file)).startsWith("# rejected by InfluxDB at ")
                .contains(": HTTP 400: unable to parse\n# second line\n")
                .endsWith(String.join("\n", lines(3)) + "\n");
            assertThat(spool.pending()).isZero();
            assertThat(spool.totals().rejected()).isEqualTo(3);
        }
    }

    @Test
    void onlyTheNewestRejectedBatchesAreKept() throws IOException {
        try (Spool spool = Spool.open(dir, 1 << 20, 1)) {
            assertThat(spool.tryLock()).isTrue();
            for (int i = 0; i < Rejects.KEEP + 5; i++) {
                spool.append("m v=" + i + "i " + i);
                spool.sealDue(Duration.ZERO);
                spool.backlog().reject(spool.backlog().next(1).orElseThrow(), "bad");
            }
            spool.unlock();
        }
        assertThat(files("rejected")).hasSize(Rejects.KEEP);
        assertThat(Files.readString(files("rejected").get(Rejects.KEEP - 1))).contains("m v=104i 104");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
