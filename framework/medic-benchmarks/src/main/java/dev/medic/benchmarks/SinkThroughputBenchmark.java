package dev.medic.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import dev.medic.influxdb.InfluxSink;
import dev.medic.influxdb.testing.InfluxConfigs;
import dev.medic.influxdb.testing.InfluxServer;

/**
 * Sustained points per second from the sink into a local InfluxDB 1.x: each operation hands the
 * sink one check record (appended to the spool), and each invocation ends only when InfluxDB has
 * acknowledged all of them, so the score is end-to-end: spool, batching, gzip, HTTP, InfluxDB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SinkThroughputBenchmark {

    static final int POINTS = 10_000;

    @Param({"1000", "5000"})
    int batchSize;

    @Param({"true", "false"})
    boolean gzip;

    private Path dir;
    private InfluxServer influx;
    private InfluxSink sink;
    private long next;

    @Setup(Level.Trial)
    public void start() throws IOException, InterruptedException {
        dir = Files.createTempDirectory("medic-bench-sink");
        influx = BenchInflux.start(dir);
        InfluxConfigs.Read read = BenchInflux.config(dir, influx.url(), batchSize, gzip);
        sink = InfluxSink.open(read.orFail(), read.medic());
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException, InterruptedException {
        sink.close();
        influx.close();
        BenchInflux.delete(dir);
    }

    @Benchmark
    @OperationsPerInvocation(POINTS)
    public long pointsAcknowledgedByInfluxDb() {
        for (int i = 0; i < POINTS; i++) {
            sink.checkFinished(BenchInflux.check(next++));
        }
        if (!sink.flush(Duration.ofMinutes(2))) {
            throw new IllegalStateException("InfluxDB did not take every point; " + sink.pending() + " pending");
        }
        return next;
    }
}
