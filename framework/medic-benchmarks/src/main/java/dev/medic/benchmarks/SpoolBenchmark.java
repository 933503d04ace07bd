package dev.medic.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import dev.medic.influxdb.internal.Backlog;
import dev.medic.influxdb.internal.Points;
import dev.medic.influxdb.internal.SendResult;
import dev.medic.influxdb.internal.Sender;
import dev.medic.influxdb.internal.Senders;
import dev.medic.influxdb.internal.Spool;
import dev.medic.influxdb.testing.InfluxConfigs;
import dev.medic.influxdb.testing.InfluxServer;

/**
 * The spool alone: how fast points are appended (one write each, an fsync per sealed batch of
 * 1,000), and how fast a backlog is replayed, from disk only and into a local InfluxDB 1.x.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SpoolBenchmark {

    static final int BATCH = 1000;
    static final int BACKLOG = 20_000;
    private static final Points POINTS = new Points("bench-host", "bench");

    /** An empty spool; what a benchmark appended is removed after each invocation, unmeasured. */
    @State(Scope.Benchmark)
    public static class Appending {
        Path dir;
        Spool spool;
        long next;

        @Setup(Level.Trial)
        public void open() throws IOException {
            dir = Files.createTempDirectory("medic-bench-spool");
            spool = Spool.open(dir, Long.MAX_VALUE, BATCH);
        }

        @TearDown(Level.Invocation)
        public void empty() throws IOException {
            drain(spool, Optional.empty());
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            spool.close();
            BenchInflux.delete(dir);
        }
    }

    /** A spool holding a sealed backlog of {@value #BACKLOG} points before each invocation, and a local InfluxDB. */
    @State(Scope.Benchmark)
    public static class Backlogged {
        Path dir;
        Spool spool;
        InfluxServer influx;
        Sender sender;
        long next;

        @Setup(Level.Trial)
        public void open() throws IOException, InterruptedException {
            dir = Files.createTempDirectory("medic-bench-replay");
            spool = Spool.open(dir.resolve("spool"), Long.MAX_VALUE, BATCH);
            influx = BenchInflux.start(dir);
            InfluxConfigs.Read read = BenchInflux.config(dir, influx.url(), BATCH, true);
            sender = Senders.forConfig(read.orFail());
        }

        @Setup(Level.Invocation)
        public void fill() throws IOException {
            for (int i = 0; i < BACKLOG; i++) {
                spool.append(POINTS.check(BenchInflux.check(next++)));
            }
            spool.sealDue(Duration.ZERO);
        }

        @TearDown(Level.Trial)
        public void close() throws IOException, InterruptedException {
            sender.close();
            spool.close();
            influx.close();
            BenchInflux.delete(dir);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void appendABatchAndSealIt(Appending state) throws IOException {
        for (int i = 0; i < BATCH; i++) {
            state.spool.append(POINTS.check(BenchInflux.check(state.next++)));
        }
        state.spool.sealDue(Duration.ZERO);
    }

    @Benchmark
    @OperationsPerInvocation(BACKLOG)
    public long replayFromDiskOnly(Backlogged state) throws IOException {
        return drain(state.spool, Optional.empty());
    }

    @Benchmark
    @OperationsPerInvocation(BACKLOG)
    public long replayIntoInfluxDb(Backlogged state) throws IOException {
        return drain(state.spool, Optional.of(state.sender));
    }

    /** Reads every sealed batch in order, sends it if there is a sender, and removes it; returns the points. */
    static long drain(Spool spool, Optional<Sender> sender) throws IOException {
        long points = 0;
        if (!spool.tryLock()) {
            throw new IllegalStateException("the spool is locked");
        }
        try {
            Backlog backlog = spool.backlog();
            for (Optional<Backlog.Batch> batch = backlog.next(BATCH); batch.isPresent(); batch = backlog.next(BATCH)) {
                if (sender.isPresent()) {
                    SendResult result = sender.get().send(batch.get().body());
                    if (result.kind() != SendResult.Kind.ACKNOWLEDGED) {
                        throw new IllegalStateException("InfluxDB did not take the batch: " + result.message());
                    }
                }
                backlog.acknowledge(batch.get());
                points += batch.get().points().size();
            }
        } finally {
            spool.unlock();
        }
        return points;
    }
}
