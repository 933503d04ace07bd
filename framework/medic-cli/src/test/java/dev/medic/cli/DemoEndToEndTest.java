package dev.medic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo as a user meets it: the real demo package, a real service process on 127.0.0.1, the
 * real SQLite history.
 */
class DemoEndToEndTest {

    @TempDir
    Path dir;

    private Path config;
    private Demo demo;
    private int port;

    @BeforeEach
    void installDemo() throws IOException {
        demo = Demo.installIn(dir);
        port = demo.port();
        config = dir.resolve("medic.yml");
        Files.writeString(config, """
            environment: test
            state-dir: state
            packages-dir: packages
            packages:
              demo-service:
                settings:
                  port: %d
            """.formatted(port));
    }

    @AfterEach
    void stopDemoService() throws IOException {
        demo.close();
    }

    @Test
    void firstRunRepairsTheServiceSecondRunFindsItHealthyAndHistoryShowsBoth() {
        Cli.Result first = Cli.run("run", "--config", config.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("REPAIRED   demo-service/DemoServiceChecks.answersOnItsPort")
            .contains("repair StartDemoService for DemoServiceChecks.answersOnItsPort: SUCCEEDED")
            .contains("HEALTHY    demo-service/DemoServiceChecks.workingDirectoryHasRoom");
        assertThat(demo.answers()).isTrue();

        Cli.Result second = Cli.run("run", "--config", config.toString());

        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("HEALTHY    demo-service/DemoServiceChecks.answersOnItsPort")
            .doesNotContain("repair StartDemoService");

        Cli.Result history = Cli.run("history", "--config", config.toString(), "--check", "*.answersOnItsPort");

        assertThat(history.exitCode()).isZero();
        assertThat(history.out().lines().filter(line -> line.contains("answersOnItsPort")).toList())
            .hasSize(2)
            .satisfiesExactly(
                newest -> assertThat(newest).contains("HEALTHY"),
                oldest -> assertThat(oldest).contains("REPAIRED"));
    }

    @Test
    void checkAfterTheServiceStopsReportsUnresolvedAndNeverStartsIt() throws IOException {
        assertThat(Cli.run("run", "--config", config.toString()).exitCode()).isZero();
        demo.stopService();
        assertThat(demo.answers()).isFalse();

        Cli.Result check = Cli.run("check", "--config", config.toString());

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).contains("UNRESOLVED demo-service/DemoServiceChecks.answersOnItsPort (CHECK_ONLY)")
            .contains("nothing answers on 127.0.0.1:" + port)
            .doesNotContain("repair StartDemoService");
        assertThat(demo.answers()).isFalse();
    }

    @Test
    void statusShowsTheLastOutcomeAndTheLastRepair() {
        Cli.run("run", "--config", config.toString());

        Cli.Result status = Cli.run("status", "--config", config.toString());

        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).contains("REPAIRED   demo-service/DemoServiceChecks.answersOnItsPort")
            .contains("last repair").contains("StartDemoService SUCCEEDED");
        // The last record is also the last failure: its message is shown once, not twice.
        assertThat(status.out().split("was failing: nothing answers", -1)).hasSize(2);
    }

    @Test
    void listShowsChecksRepairsAndStats() {
        Cli.Result list = Cli.run("list", "--config", config.toString());

        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("demo-service 0.1.0")
            .contains("check  DemoServiceChecks.answersOnItsPort  repair StartDemoService")
            .contains("check  DemoServiceChecks.workingDirectoryHasRoom  (no repair)")
            .contains("stats  DemoServiceChecks.responseTime");
    }

    @Test
    void jsonOutputCarriesTheRunAndItsChecks() {
        Cli.Result run = Cli.run("run", "--config", config.toString(), "--output", "json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).startsWith("{").endsWith("}")
            .contains("\"outcome\": \"REPAIRED\"").contains("\"repair\": \"StartDemoService\"")
            .contains("\"result\": \"SUCCEEDED\"").contains("\"exitCode\": 0")
            .doesNotContain("REPAIRED   ");
    }
}
