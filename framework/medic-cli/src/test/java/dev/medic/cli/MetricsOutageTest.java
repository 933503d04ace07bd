package dev.medic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.engine.testing.PackageJar;
import dev.medic.influxdb.testing.InfluxServer;

/**
 * InfluxDB goes away while the runner works, and the runner itself is killed: once the spool is
 * replayed, InfluxDB holds exactly the points the runner produced (its SQLite history says which),
 * none lost, none twice.
 */
class MetricsOutageTest {

    private static final int CHECKS = 40;

    @TempDir
    static Path serverDir;
    static InfluxServer influx;

    @TempDir
    Path dir;
    private Path work;
    private Path config;

    @BeforeAll
    static void startInflux() throws Exception {
        influx = InfluxServer.in(serverDir).start();
    }

    @AfterAll
    static void stopInflux() throws Exception {
        influx.close();
    }

    /**
     * Forty checks, run in name order: most pass and record a measurement, every fifth fails until
     * its repair creates its marker, every seventh fails with no repair, and a stats method records
     * too. Check20 fails when asked to stop InfluxDB, and its repair stops it (once some points
     * have arrived); check25 fails when asked to hang, and its repair hangs. Repairs run after the
     * passing checks are recorded, so both happen in the middle of the run's events.
     */
    private static String checks() {
        String methods = IntStream.rangeClosed(1, CHECKS).mapToObj(i -> {
            String n = String.format("%02d", i);
            if (i == 20 || i == 25) {
                String trigger = i == 20 ? "stop-influx" : "hang";
                return "@Check @RepairWith(" + (i == 20 ? "StopInflux" : "Hang") + ".class) void check" + n
                    + "(@Setting(\"dir\") Path dir) { assertThat(dir.resolve(\"" + trigger + "\")).doesNotExist(); }";
            }
            if (i % 7 == 0) {
                return "@Check void check" + n + "() { assertThat(" + i + ").as(\"multiple of seven\").isZero(); }";
            }
            if (i % 5 == 0) {
                return "@Check @RepairWith(CreateMarker.class) void check" + n + "(@Setting(\"dir\") Path dir) {"
                    + " assertThat(dir.resolve(\"marker-ManyChecks.check" + n + "\")).exists(); }";
            }
            return "@Check void check" + n + "(Measurements m) { m.record(\"many.value\", " + i + ", Map.of(\"n\", \"" + n + "\")); }";
        }).collect(Collectors.joining("\n    "));
        return """
            package acme;
            import static org.assertj.core.api.Assertions.assertThat;
            import java.nio.file.*;
            import java.util.Map;
            import org.junit.jupiter.api.*;
            import dev.medic.api.*;
            @TestMethodOrder(MethodOrderer.MethodName.class)
            class ManyChecks {
                %s
                @Stats void stats(Measurements m) { m.record("many.stat", 1.5, Map.of("kind", "stats")); }
            }
            """.formatted(methods);
    }

    private static final String CREATE_MARKER = """
        package acme;
        import java.nio.file.*;
        import dev.medic.api.*;
        class CreateMarker implements Repair {
            public RepairResult repair(RepairContext context) throws Exception {
                Path dir = context.settings().get("dir", Path.class);
                Files.writeString(dir.resolve("marker-" + context.check().name()), "made");
                return RepairResult.succeeded("created the marker of " + context.check().name());
            }
        }
        """;

    /** Waits until InfluxDB holds a point (the query's answer has a series), then stops it as a service manager would. */
    private static final String STOP_INFLUX = """
        package acme;
        import java.net.URI;
        import java.nio.file.*;
        import dev.medic.api.*;
        class StopInflux implements Repair {
            public RepairResult repair(RepairContext context) throws Exception {
                Path trigger = context.settings().get("dir", Path.class).resolve("stop-influx");
                String[] pidAndQuery = Files.readString(trigger).strip().split(" ");
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (!new String(URI.create(pidAndQuery[1]).toURL().openStream().readAllBytes()).contains("series")
                        && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                ProcessHandle influx = ProcessHandle.of(Long.parseLong(pidAndQuery[0])).orElseThrow();
                influx.destroy();
                influx.onExit().get();
                Files.delete(trigger);
                return RepairResult.succeeded("stopped InfluxDB");
            }
        }
        """;

    private static final String HANG = """
        package acme;
        import java.nio.file.*;
        import dev.medic.api.*;
        class Hang implements Repair {
            public RepairResult repair(RepairContext context) throws Exception {
                Path dir = context.settings().get("dir", Path.class);
                Files.writeString(dir.resolve("reached"), "the spool holds the points recorded so far");
                Thread.sleep(90_000);
                return RepairResult.failed("was not killed");
            }
        }
        """;

    @BeforeEach
    void installPackage() throws IOException {
        PackageJar.named("many").source("acme.ManyChecks", checks()).source("acme.CreateMarker", CREATE_MARKER)
            .source("acme.StopInflux", STOP_INFLUX).source("acme.Hang", HANG).writeJar(dir.resolve("packages"));
        work = Files.createDirectories(dir.resolve("work"));
    }

    private void configure(String database) throws IOException, InterruptedException {
        influx.start();
        influx.createDatabase(database);
        config = dir.resolve("medic.yml");
        Files.writeString(config, """
            host: test-host
            environment: test
            state-dir: state
            packages-dir: packages
            defaults:
              timeout: 2m
            packages:
              many:
                settings:
                  dir: %s
            influxdb:
              url: %s
              api: v1
              database: %s
              batch-size: 5
              flush-interval: 100ms
              timeout: 2s
            """.formatted(work, influx.url(), database));
    }

    private List<Path> spooled() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("state/spool/influxdb/segments"))) {
            return files.toList();
        }
    }

    private void assertInfluxHoldsExactlyWhatTheRunnerProduced(String database) throws Exception {
        List<String> produced = MetricsLedger.produced(dir.resolve("state/medic.db"));
        assertThat(produced).doesNotHaveDuplicates();
        assertThat(produced).filteredOn(point -> point.startsWith("medic_check|")).hasSizeGreaterThan(CHECKS);
        assertThat(produced).anyMatch(point -> point.startsWith("medic_repair|"))
            .anyMatch(point -> point.startsWith("medic_stat|many|ManyChecks.stats|"));
        assertThat(MetricsLedger.stored(influx, database)).containsExactlyInAnyOrderElementsOf(produced);
        assertThat(spooled()).isEmpty();
    }

    @Test
    void influxDbStoppedInTheMiddleOfARunAndStartedAgainEndsWithEveryPointOnce() throws Exception {
        configure("outage");
        String firstPointArrived = influx.url() + "/query?db=outage&q=SELECT+*+FROM+medic_check+LIMIT+1";
        Files.writeString(work.resolve("stop-influx"), influx.pid() + " " + firstPointArrived);

        Cli.Result first = Cli.run("run", "--config", config.toString());

        assertThat(first.exitCode()).as(first.err()).isEqualTo(1);
        assertThat(influx.running()).as("check20's repair stopped InfluxDB in the middle of the run").isFalse();
        assertThat(first.err()).contains("cannot send metrics to InfluxDB at " + influx.url())
            .contains("Points wait in the spool").contains("so far) and are sent when InfluxDB takes them");
        assertThat(first.out()).contains("UNRESOLVED many/ManyChecks.check07").contains("REPAIRED   many/ManyChecks.check05")
            .contains("REPAIRED   many/ManyChecks.check20");
        assertThat(spooled()).isNotEmpty();

        influx.start();
        long beforeReplay = influx.count("outage", "medic_check");
        assertThat(beforeReplay).as("points sent before the outage").isBetween(1L, (long) CHECKS - 1);

        Cli.Result second = Cli.run("run", "--config", config.toString());

        assertThat(second.exitCode()).as(second.err()).isEqualTo(1);
        assertThat(second.out()).contains("HEALTHY    many/ManyChecks.check05");
        assertInfluxHoldsExactlyWhatTheRunnerProduced("outage");
    }

    @Test
    void pointsSpooledByARunnerKilledWithSigkillAreReplayedByTheNextRun() throws Exception {
        configure("killed");
        influx.stop();
        Files.writeString(work.resolve("hang"), "");
        Process runner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), "dev.medic.cli.Main", "run", "--config", config.toString())
            .redirectOutput(dir.resolve("runner.out").toFile()).redirectError(dir.resolve("runner.err").toFile())
            .start();

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(work.resolve("reached")) && runner.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(work.resolve("reached")).as(Files.readString(dir.resolve("runner.err"))).exists();
        runner.destroyForcibly();
        assertThat(runner.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(spooled()).as("the killed runner's points wait in the spool, some in an open segment")
            .isNotEmpty().anyMatch(file -> file.toString().endsWith(".open"));
        assertThat(MetricsLedger.produced(dir.resolve("state/medic.db"))).as("killed in the middle of its run")
            .filteredOn(point -> point.startsWith("medic_check|")).hasSizeBetween(1, CHECKS - 1);

        Files.delete(work.resolve("hang"));
        influx.start();
        Cli.Result next = Cli.run("run", "--config", config.toString());

        assertThat(next.exitCode()).as(next.err()).isEqualTo(1);
        assertInfluxHoldsExactlyWhatTheRunnerProduced("killed");
    }
}
