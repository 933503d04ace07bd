package dev.medic.dashboards.fleet;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;

import dev.medic.engine.Medic;
import dev.medic.engine.RunMode;
import dev.medic.engine.RunReport;
import dev.medic.engine.Selection;
import dev.medic.influxdb.InfluxSink;
import dev.medic.influxdb.testing.InfluxConfigs;
import dev.medic.influxdb.testing.InfluxServer;
import dev.medic.store.sqlite.SqliteStore;

/**
 * A small fleet of Medic runners, all running the real demo package through the real engine,
 * SQLite store and InfluxDB sink, into one real InfluxDB: the data every dashboard and alert
 * query is run against. Each host has its own {@code medic.yml} (read by the runner's own
 * configuration reader), state directory and history, as it would on its own machine. Every point
 * comes from Medic's code; none is written by hand.
 *
 * <p>Ports: {@link #upPort()} is where web-1's first run starts the demo service (a real repair);
 * {@link #downPort()} is held by a server that answers 503, so the demo check fails there and the
 * demo repair fails too (its service cannot bind the port).
 *
 * <table>
 * <caption>The hosts</caption>
 * <tr><th>host</th><th>environment</th><th>what happens</th></tr>
 * <tr><td>web-1</td><td>production</td><td>run 1 repairs the service (REPAIRED), run 2 is HEALTHY; interval 2m for one check</td></tr>
 * <tr><td>web-2</td><td>production</td><td>both checks fail; the repair fails three times (a repair storm), the fourth run is GIVEN_UP</td></tr>
 * <tr><td>db-1</td><td>production</td><td>a failing check inside an open maintenance window (SUPPRESSED, must not
 *     page); a disabled stats method with a 1-minute interval, which must not count</td></tr>
 * <tr><td>db-2</td><td>production</td><td>a failing check (NO_REPAIR, pages) and its dependant (BLOCKED, must not
 *     page); a cron schedule every 10 minutes</td></tr>
 * <tr><td>db-3</td><td>production</td><td>a failing check, then fixed by hand and rerun with {@code medic check}: healthy</td></tr>
 * <tr><td>app-1</td><td>production</td><td>repaired in its first run with flap-threshold 2: flapping</td></tr>
 * <tr><td>app-2</td><td>production</td><td>the built-in {@code system} package: a path that is missing, with no
 *     repair declared, so the repair declines (NOT_APPLICABLE) and the check is UNRESOLVED (NO_REPAIR)</td></tr>
 * <tr><td>web-3</td><td>staging</td><td>healthy, but its only run was 40 minutes ago with a 5 minute interval: silent</td></tr>
 * <tr><td>poller-1, poller-2</td><td>pollers-a</td><td>report-only pollers, run as the daemon runs them, that both see the target down: they agree</td></tr>
 * <tr><td>poller-3, poller-4</td><td>pollers-b</td><td>one sees the target up, one down: they disagree</td></tr>
 * </table>
 */
public final class DemoFleet implements AutoCloseable {

    /** The InfluxDB database the fleet writes to. */
    public static final String DATABASE = "medic";
    /** How far back web-3's only run is. */
    public static final Duration SILENT_FOR = Duration.ofMinutes(40);
    /** More than the disk of any machine this runs on, so that the disk check fails. */
    private static final String NO_DISK_IS_THAT_BIG = "100000000";

    private final Path dir;
    private final InfluxServer influx;
    private final HttpServer down;
    private final int upPort;
    private final int flapPort;
    private final Path packages;
    private final Map<String, List<RunReport>> reports = new LinkedHashMap<>();
    private final List<Path> services = new ArrayList<>();
    private Instant finishedAt;

    private DemoFleet(Path dir, InfluxServer influx, HttpServer down) throws IOException {
        this.dir = dir;
        this.influx = influx;
        this.down = down;
        this.upPort = freePort();
        this.flapPort = freePort();
        this.packages = dir.resolve("packages");
    }

    /** Starts InfluxDB and the failing service, then runs every host. */
    public static DemoFleet start(Path dir) throws Exception {
        InfluxServer influx = InfluxServer.in(dir.resolve("influxdb")).start();
        DemoFleet fleet;
        try {
            influx.createDatabase(DATABASE);
            fleet = new DemoFleet(dir, influx, answering503());
        } catch (IOException | RuntimeException e) {
            influx.close();
            throw e;
        }
        try {
            fleet.installDemoPackage();
            fleet.runAll();
        } catch (Exception | Error e) {
            fleet.close();
            throw e;
        }
        return fleet;
    }

    private void runAll() throws Exception {
        String demo = """
            packages:
              demo-service:
            %s""";
        run("web-1", "production", 2, Clock.systemUTC(), """
            defaults:
              interval: 10m
            packages:
              demo-service:
                settings:
                  port: %d
                checks:
                  DemoServiceChecks.answersOnItsPort:
                    interval: 2m
            """.formatted(upPort));
        services.add(dir.resolve("web-1/state/package-data/demo-service/demo-service.pid"));
        run("web-2", "production", 4, Clock.systemUTC(), demo.formatted("""
            repair-backoff: 0s
            settings:
              port: %d
              min-free-mb: %s
            """.formatted(downPort(), NO_DISK_IS_THAT_BIG).indent(4)));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        run("db-1", "production", 1, Clock.systemUTC(), """
            maintenance:
              - name: disk-migration
                from: %s
                until: %s
            packages:
              demo-service:
                settings:
                  port: %d
                  min-free-mb: %s
                checks:
                  DemoServiceChecks.responseTime:
                    enabled: false
                    interval: 1m
            """.formatted(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)), upPort, NO_DISK_IS_THAT_BIG));
        run("db-2", "production", 1, Clock.systemUTC(), "defaults:\n  interval: \"*/10 * * * *\"\n" + demo.formatted("""
            settings:
              port: %d
              min-free-mb: %s
            checks:
              DemoServiceChecks.answersOnItsPort:
                depends-on: [DemoServiceChecks.workingDirectoryHasRoom]
            """.formatted(downPort(), NO_DISK_IS_THAT_BIG).indent(4)));
        String disk = demo.formatted("""
            settings:
              port: %d
              min-free-mb: %s
            """.indent(4));
        run("db-3", "production", RunMode.RUN, 1, Clock.systemUTC(), disk.formatted(upPort, NO_DISK_IS_THAT_BIG));
        // The operator frees space (here: asks for less), then reruns the checks to confirm the fix.
        run("db-3", "production", RunMode.CHECK, 1, Clock.systemUTC(), disk.formatted(upPort, "1"));
        run("app-1", "production", 1, Clock.systemUTC(), demo.formatted("""
            flap-threshold: 2
            settings:
              port: %d
            """.formatted(flapPort).indent(4)));
        services.add(dir.resolve("app-1/state/package-data/demo-service/demo-service.pid"));
        run("app-2", "production", RunMode.RUN, 1, Clock.systemUTC(), systemPackage(), """
            packages:
              system:
                settings:
                  paths:
                    - name: app-config
                      path: %s
                      type: file
            """.formatted(dir.resolve("app-2/missing.conf")));
        run("web-3", "staging", 1, Clock.offset(Clock.systemUTC(), SILENT_FOR.negated()), demo.formatted("""
            settings:
              port: %d
            """.formatted(upPort).indent(4)));
        String poller = """
            report-only: true
            settings:
              port: %d
            """;
        run("poller-1", "pollers-a", RunMode.DAEMON, 1, Clock.systemUTC(), demo.formatted(poller.formatted(downPort()).indent(4)));
        run("poller-2", "pollers-a", RunMode.DAEMON, 1, Clock.systemUTC(), demo.formatted(poller.formatted(downPort()).indent(4)));
        run("poller-3", "pollers-b", RunMode.DAEMON, 1, Clock.systemUTC(), demo.formatted(poller.formatted(upPort).indent(4)));
        run("poller-4", "pollers-b", RunMode.DAEMON, 1, Clock.systemUTC(), demo.formatted(poller.formatted(downPort()).indent(4)));
        finishedAt = Instant.now();
    }

    /**
     * Runs {@code medic run} (or another mode) on one host, {@code runs} times, with the engine, history store and
     * InfluxDB sink the command line builds, and waits until InfluxDB has every point.
     */
    private void run(String host, String environment, int runs, Clock clock, String yaml) throws Exception {
        run(host, environment, RunMode.RUN, runs, clock, yaml);
    }

    private void run(String host, String environment, RunMode mode, int runs, Clock clock, String yaml) throws Exception {
        run(host, environment, mode, runs, clock, packages, yaml);
    }

    private void run(String host, String environment, RunMode mode, int runs, Clock clock, Path packages, String yaml)
            throws Exception {
        Path home = dir.resolve(host);
        InfluxConfigs.Read read = InfluxConfigs.read(home, """
            host: %s
            environment: %s
            state-dir: state
            packages-dir: %s
            %s
            influxdb:
              url: %s
              api: v1
              database: %s
              flush-interval: 100ms
              timeout: 10s
            """.formatted(host, environment, packages, yaml, influx.url(), DATABASE), Map.of());
        List<RunReport> made = new ArrayList<>();
        try (SqliteStore store = SqliteStore.open(read.medic().storePath());
                InfluxSink sink = InfluxSink.open(read.orFail(), read.medic());
                Medic medic = Medic.builder(read.medic()).store(store).listener(sink).clock(clock)
                    // Nothing to wait for: confirmations and retests run at once.
                    .sleeper(duration -> { }).build()) {
            if (!medic.configProblems().isEmpty()) {
                throw new IllegalStateException(host + ": " + medic.configProblems());
            }
            for (int i = 0; i < runs; i++) {
                made.add(medic.run(mode, Selection.all()));
            }
            if (!sink.flush(Duration.ofSeconds(30))) {
                throw new IllegalStateException(host + ": InfluxDB did not take every point; " + sink.pending() + " wait");
            }
        }
        reports.merge(host, List.copyOf(made), (before, after) -> Stream.concat(before.stream(), after.stream()).toList());
    }

    /** The InfluxDB holding the fleet's metrics. */
    public InfluxServer influx() {
        return influx;
    }

    /** What each host's runs reported, in order, by host. */
    public Map<String, List<RunReport>> reports() {
        return reports;
    }

    /** When the last run ended: every point is older. */
    public Instant finishedAt() {
        return finishedAt;
    }

    /** The port where the demo service answers. */
    public int upPort() {
        return upPort;
    }

    /** The port where a server answers 503 to every request. */
    public int downPort() {
        return down.getAddress().getPort();
    }

    private void installDemoPackage() throws IOException {
        install(Path.of(System.getProperty("medic.demo.packages", "../examples/packages")), "demo-service-", packages);
    }

    /** A packages directory holding only the built-in system package. */
    private Path systemPackage() throws IOException {
        Path directory = dir.resolve("system-packages");
        install(Path.of(System.getProperty("medic.builtin.packages", "../packages/build")), "medic-package-system-", directory);
        return directory;
    }

    private static void install(Path built, String prefix, Path directory) throws IOException {
        try (Stream<Path> files = Files.list(built)) {
            Path jar = files.filter(file -> file.getFileName().toString().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + prefix + "* package in " + built
                    + "; build with ./mvnw install"));
            Files.createDirectories(directory);
            Files.copy(jar, directory.resolve(jar.getFileName()));
        }
    }

    private static HttpServer answering503() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", exchange -> {
            byte[] body = "down for the test\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Stops the demo services the repairs started, the 503 server and InfluxDB. */
    @Override
    public void close() throws InterruptedException {
        for (Path pidFile : services) {
            try {
                if (Files.exists(pidFile)) {
                    ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).ifPresent(process -> {
                        process.destroy();
                        process.onExit().join();
                    });
                }
            } catch (IOException | NumberFormatException e) {
                // nothing more can be done for it; the JVM's end does not stop it, so say so
                System.err.println("cannot stop the demo service of " + pidFile + ": " + e);
            }
        }
        down.stop(0);
        influx.close();
    }
}
