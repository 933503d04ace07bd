package dev.medic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.cli.History.Row;
import dev.medic.influxdb.testing.InfluxServer;

/**
 * {@code medic daemon} as a real process: the real demo package and service, the real SQLite
 * history, a real InfluxDB and a ping server, all on 127.0.0.1.
 */
class DaemonProcessTest {

    private static final String KEY = "daemon-ping-key";

    @TempDir
    static Path servers;
    static InfluxServer influx;

    @TempDir
    Path dir;

    private Demo demo;
    private PingServer pings;
    private Path config;
    private Path history;
    private String database;

    @BeforeAll
    static void startInflux() throws Exception {
        influx = InfluxServer.in(servers.resolve("influx")).start();
    }

    @AfterAll
    static void stopInflux() throws Exception {
        influx.close();
    }

    @BeforeEach
    void setUp(org.junit.jupiter.api.TestInfo test) throws IOException {
        demo = Demo.installIn(dir);
        pings = PingServer.start();
        database = test.getTestMethod().orElseThrow().getName();
        influx.createDatabase(database);
        Files.writeString(dir.resolve("ping-url"), pings.url(KEY));
        config = dir.resolve("medic.yml");
        history = dir.resolve("state/medic.db");
        configure("reload-check: 100ms", "1s");
    }

    @AfterEach
    void tearDown() throws IOException {
        pings.close();
        demo.close();
    }

    private void configure(String daemonLine, String interval) throws IOException {
        Files.writeString(config, """
            host: daemon-host
            environment: test
            state-dir: state
            packages-dir: packages
            defaults:
              confirm-delay: 100ms
              retest-delay: 200ms
              repair-backoff: 0s
            packages:
              demo-service:
                interval: %s
                settings:
                  port: %d
            daemon:
              splay: 0s
              shutdown-grace: 20s
              %s
            heartbeat:
              url: {file: ping-url}
              every: 1s
              timeout: 2s
            influxdb:
              url: %s
              api: v1
              database: %s
              flush-interval: 200ms
            """.formatted(interval, demo.port(), daemonLine, influx.url(), database));
    }

    private DaemonProcess startDaemon() throws IOException {
        return DaemonProcess.start(config, dir, Map.of());
    }

    private List<Row> answers() {
        return History.of(history, ".answersOnItsPort");
    }

    @Test
    void runsAtItsIntervalHealsAKilledServiceAndStopsOnSigtermWithNothingLost() throws Exception {
        try (DaemonProcess daemon = startDaemon()) {
            daemon.awaitThat("the service is repaired, then found healthy twice", () ->
                answers().stream().filter(row -> row.outcome().equals("HEALTHY")).count() >= 2);
            assertThat(answers().get(0).outcome()).isEqualTo("REPAIRED");
            assertThat(answers()).extracting(Row::runMode).containsOnly("DAEMON");
            List<Row> rows = answers();
            for (int i = 1; i < rows.size(); i++) {
                // The scheduler counts from just before a run starts, so allow it those few milliseconds.
                assertThat(Duration.between(rows.get(i - 1).runStartedAt(), rows.get(i).runStartedAt()))
                    .as("runs of the check start an interval apart").isGreaterThanOrEqualTo(Duration.ofMillis(950));
            }
            assertThat(demo.answers()).isTrue();

            Instant killed = Instant.now();
            demo.stopService();
            daemon.awaitThat("the killed service is repaired", () -> answers().stream()
                .anyMatch(row -> row.outcome().equals("REPAIRED") && row.startedAt().isAfter(killed)));
            assertThat(demo.answers()).isTrue();
            assertThat(pings.await(ping -> ping.body().startsWith("medic daemon on daemon-host"), DaemonProcess.PATIENCE)
                .path()).isIn("/ping/" + KEY, "/ping/" + KEY + "/fail");
            assertThat(pings.pings()).extracting(PingServer.Ping::path).doesNotContain("/ping/" + KEY + "/start");

            assertThat(daemon.stop()).as(daemon.log()).isZero();
            assertThat(daemon.log()).contains("medic daemon stopped");
        }
        assertThat(dir.resolve("state/daemon/status.properties")).doesNotExist();
        assertThat(History.unfinishedRuns(history)).as("every run the daemon began has its summary").isZero();
        assertThat(influx.query(database, "SELECT count(*) FROM medic_check WHERE host = 'daemon-host'")).isNotEmpty();
        assertThat(MetricsLedger.stored(influx, database)).as("InfluxDB holds every point of the history, once")
            .containsExactlyInAnyOrderElementsOf(MetricsLedger.produced(history));
    }

    @Test
    void aBrokenConfigurationIsRejectedAndTheRunningOneGoesOn() throws Exception {
        try (DaemonProcess daemon = startDaemon()) {
            daemon.awaitThat("a first healthy record", () -> answers().stream().anyMatch(row -> row.outcome().equals("HEALTHY")));

            configure("reload-check: 100ms", "banana");
            daemon.awaitThat("the reload is rejected", () -> daemon.log().contains("the new configuration is rejected"));
            Instant rejected = Instant.now();
            assertThat(daemon.log()).contains(config + ":").contains("interval").contains("'banana'");

            daemon.awaitThat("checks go on running after the rejection", () -> answers().stream()
                .anyMatch(row -> row.startedAt().isAfter(rejected)));
            assertThat(daemon.isAlive()).isTrue();

            configure("reload-check: 100ms", "2s");
            daemon.awaitThat("the fixed configuration is taken", () -> daemon.log().contains("configuration reloaded"));
            assertThat(daemon.stop()).isZero();
        }
    }

    @Test
    void sighupReloadsWhenWatchingTheFileIsOff() throws Exception {
        configure("reload-check: 0s", "1s");
        try (DaemonProcess daemon = startDaemon()) {
            daemon.awaitThat("a first record", () -> !answers().isEmpty());
            configure("reload-check: 0s", "3s");
            assertThat(daemon.log()).doesNotContain("configuration reloaded");

            daemon.signal("HUP");

            daemon.awaitThat("SIGHUP reloads", () -> daemon.log().contains("configuration reloaded (SIGHUP)"));
            assertThat(daemon.stop()).isZero();
        }
    }

    @Test
    void aSecondDaemonOnTheSameStateDirectoryIsRefused() throws Exception {
        try (DaemonProcess daemon = startDaemon()) {
            daemon.awaitThat("the daemon writes its status", () -> Files.exists(dir.resolve("state/daemon/status.properties")));

            Cli.Result second = Cli.run("daemon", "--config", config.toString());

            assertThat(second.exitCode()).isEqualTo(2);
            assertThat(second.err()).contains("a daemon already runs for").contains("pid " + daemon.pid());
            Cli.Result status = Cli.run("status", "--config", config.toString());
            assertThat(status.out()).contains("daemon: running since").contains("pid " + daemon.pid()).contains("next due");
            assertThat(daemon.stop()).isZero();
        }
    }
}
