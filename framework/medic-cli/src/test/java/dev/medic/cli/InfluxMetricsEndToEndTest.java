package dev.medic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.influxdb.testing.InfluxServer;
import dev.medic.config.Secret;

/** {@code medic run} on the real demo package, with InfluxDB configured: the points docs/metrics.md describes. */
class InfluxMetricsEndToEndTest {

    private static final String PASSWORD = "d3mo-Secret-4-influx";

    @TempDir
    static Path servers;
    static InfluxServer influx;
    static InfluxServer secured;

    @TempDir
    Path dir;
    private int port;

    @BeforeAll
    static void startInflux() throws Exception {
        influx = InfluxServer.in(servers.resolve("plain")).start();
        influx.createDatabase("demo");
        secured = InfluxServer.withAuthentication(servers.resolve("secured"), "admin", "admin-pw").start();
        secured.createDatabase("demo");
        secured.command("CREATE USER medic WITH PASSWORD '" + PASSWORD + "'");
        secured.command("GRANT WRITE ON demo TO medic");
    }

    @AfterAll
    static void stopInflux() throws Exception {
        influx.close();
        secured.close();
    }

    private Demo demo;

    @BeforeEach
    void installDemo() throws IOException {
        demo = Demo.installIn(dir);
        port = demo.port();
    }

    @AfterEach
    void stopDemoService() throws IOException {
        demo.close();
    }

    private Path config(String influxdb) throws IOException {
        Path config = dir.resolve("medic.yml");
        Files.writeString(config, """
            host: test-host
            environment: test
            state-dir: state
            packages-dir: packages
            packages:
              demo-service:
                settings:
                  port: %d
            influxdb:
            %s""".formatted(port, influxdb.indent(2)));
        return config;
    }

    @Test
    void theDemoRunLeavesCheckRepairStatRunAndSpoolPointsAsDocumented() throws Exception {
        Path config = config("url: " + influx.url() + "\napi: v1\ndatabase: demo");

        Cli.Result run = Cli.run("run", "--config", config.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        List<Map<String, Object>> checks = influx.query("demo", "SELECT * FROM medic_check");
        assertThat(checks).hasSize(2).allSatisfy(row -> assertThat(row).containsEntry("host", "test-host")
            .containsEntry("environment", "test").containsEntry("package", "demo-service").containsEntry("state", 0L));
        assertThat(checks).filteredOn("check", "DemoServiceChecks.answersOnItsPort").singleElement().satisfies(row -> {
            assertThat(row).containsEntry("outcome", "REPAIRED").containsEntry("reason", "NONE")
                .containsEntry("repair", "StartDemoService");
            assertThat((Long) row.get("attempts")).as("failed, then passed its retest").isGreaterThan(1);
            assertThat((String) row.get("message")).contains("nothing answers on 127.0.0.1:" + port);
        });
        assertThat(checks).filteredOn("check", "DemoServiceChecks.workingDirectoryHasRoom").singleElement()
            .satisfies(row -> assertThat(row).containsEntry("outcome", "HEALTHY").containsEntry("attempts", 1L));
        assertThat(influx.query("demo", "SELECT * FROM medic_repair")).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("check", "DemoServiceChecks.answersOnItsPort")
                .containsEntry("repair", "StartDemoService").containsEntry("result", "SUCCEEDED").containsEntry("success", 1L);
            assertThat((String) row.get("message")).startsWith("started pid");
        });
        assertThat(influx.query("demo", "SELECT * FROM medic_stat")).extracting(row -> row.get("stat") + "@" + row.get("source"))
            .containsExactlyInAnyOrder("demo.response_ms@DemoServiceChecks.responseTime",
                "demo.status_code@DemoServiceChecks.responseTime");
        assertThat(influx.query("demo", "SELECT * FROM medic_stat WHERE stat = 'demo.status_code'")).singleElement()
            .satisfies(row -> assertThat(((Number) row.get("value")).doubleValue()).isEqualTo(200.0));
        assertThat(influx.query("demo", "SHOW FIELD KEYS FROM medic_stat")).singleElement()
            .satisfies(row -> assertThat(row).containsEntry("fieldKey", "value").containsEntry("fieldType", "float"));
        assertThat(influx.query("demo", "SELECT * FROM medic_run")).singleElement().satisfies(row ->
            assertThat(row).containsEntry("mode", "run").containsEntry("checks", 2L).containsEntry("healthy", 1L)
                .containsEntry("repaired", 1L).containsEntry("unresolved", 0L).containsEntry("skipped", 0L));
        assertThat(influx.query("demo", "SELECT * FROM medic_spool")).singleElement().satisfies(row ->
            assertThat(row).containsEntry("dropped", 0L).containsEntry("rejected", 0L));

        Cli.Result check = Cli.run("check", "--config", config.toString());
        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(influx.query("demo", "SELECT * FROM medic_run WHERE mode = 'check'")).singleElement()
            .satisfies(row -> assertThat(row).containsEntry("healthy", 2L));
        // Every timestamp is the event's own, as the history recorded it: same points, same times, same fields.
        assertThat(MetricsLedger.stored(influx, "demo"))
            .containsExactlyInAnyOrderElementsOf(MetricsLedger.produced(dir.resolve("state/medic.db")));
        assertThat(MetricsLedger.storedCheckFields(influx, "demo"))
            .containsExactlyInAnyOrderElementsOf(MetricsLedger.producedCheckFields(dir.resolve("state/medic.db")));
    }

    @Test
    void thePasswordNeverAppearsInOutputOrLogsEvenWhenItIsRefused() throws Exception {
        Files.writeString(dir.resolve("influx-password"), PASSWORD + "\n");
        Files.writeString(dir.resolve("wrong-password"), "not-the-" + PASSWORD + "\n");
        String influxdb = "url: " + secured.url() + "\napi: v1\ndatabase: demo\nusername: medic\ntimeout: 2s\n";

        Cli.Result refused = Cli.run("run", "-vv", "--config", config(influxdb + "password: {file: wrong-password}").toString());
        assertThat(refused.exitCode()).isZero();
        assertThat(refused.err()).contains("InfluxDB refused the credentials (HTTP 401")
            .contains("check influxdb.username and influxdb.password").contains("healing goes on");
        assertThat(secured.count("demo", "medic_check")).isZero();

        Path good = config(influxdb + "password: {file: influx-password}");
        Cli.Result accepted = Cli.run("run", "-vv", "--config", good.toString());
        assertThat(accepted.exitCode()).isZero();
        // The refused run's points waited in the spool and went out with this run's.
        assertThat(secured.count("demo", "medic_check")).isEqualTo(4);
        assertThat(secured.count("demo", "medic_run")).isEqualTo(2);

        Cli.Result validate = Cli.run("validate", "--connect", "-vv", "--config", good.toString());
        assertThat(validate.out()).contains("influxdb: OK: InfluxDB 1.6.7~rc0 at " + secured.url());
        for (Cli.Result result : List.of(refused, accepted, validate)) {
            assertThat(result.out() + result.err()).doesNotContain(PASSWORD);
        }
    }
}
