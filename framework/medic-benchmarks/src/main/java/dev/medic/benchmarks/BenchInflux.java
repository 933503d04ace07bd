package dev.medic.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import dev.medic.api.CheckId;
import dev.medic.engine.CheckRecord;
import dev.medic.engine.Outcome;
import dev.medic.engine.Reason;
import dev.medic.influxdb.testing.InfluxConfigs;
import dev.medic.influxdb.testing.InfluxServer;

/** What the benchmarks share: a local influxd started like the tests start it, configurations, and check records. */
final class BenchInflux {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private BenchInflux() {
    }

    static InfluxServer start(Path dir) throws IOException, InterruptedException {
        InfluxServer influx = InfluxServer.in(dir.resolve("influxd")).start();
        influx.createDatabase("bench");
        return influx;
    }

    /** A v1 configuration for the local server, the spool in {@code dir}. */
    static InfluxConfigs.Read config(Path dir, String url, int batchSize, boolean gzip) throws IOException {
        return InfluxConfigs.read(dir.resolve("config"), """
            host: bench-host
            environment: bench
            state-dir: %s
            influxdb:
              url: %s
              api: v1
              database: bench
              batch-size: %d
              flush-interval: 100ms
              gzip: %b
              timeout: 30s
              spool:
                max-bytes: 1GB
            """.formatted(dir.resolve("state"), url, batchSize, gzip), Map.of());
    }

    /** The n-th check record: 100 distinct checks, each point its own millisecond, as many runs would give. */
    static CheckRecord check(long n) {
        return new CheckRecord("bench-run", new CheckId("bench", "BenchChecks.check" + (n % 100)), Outcome.HEALTHY,
            Reason.NONE, T0.plusMillis(n), Duration.ofMillis(12), 1, "", "");
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
