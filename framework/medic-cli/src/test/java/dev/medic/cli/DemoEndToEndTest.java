package dev.medic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

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
    private int port;

    @BeforeEach
    void installDemo() throws IOException {
        Path built = Path.of(System.getProperty("medic.demo.packages", "../../examples/packages"));
        Path jar;
        try (Stream<Path> files = Files.list(built)) {
            jar = files.filter(file -> file.getFileName().toString().startsWith("demo-service-")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no demo package in " + built + "; build with ./mvnw verify"));
        }
        Path packages = Files.createDirectories(dir.resolve("packages"));
        Files.copy(jar, packages.resolve(jar.getFileName()));
        port = freePort();
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
        Path pidFile = dir.resolve("state/package-data/demo-service/demo-service.pid");
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            ProcessHandle.of(pid).ifPresent(process -> {
                process.destroy();
                process.onExit().join();
            });
        }
    }

    @Test
    void firstRunRepairsTheServiceSecondRunFindsItHealthyAndHistoryShowsBoth() {
        Cli.Result first = Cli.run("run", "--config", config.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("REPAIRED   demo-service/DemoServiceChecks.answersOnItsPort")
            .contains("repair StartDemoService for DemoServiceChecks.answersOnItsPort: SUCCEEDED")
            .contains("HEALTHY    demo-service/DemoServiceChecks.workingDirectoryHasRoom");
        assertThat(answers(port)).isTrue();

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
        stopDemoService();
        assertThat(answers(port)).isFalse();

        Cli.Result check = Cli.run("check", "--config", config.toString());

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).contains("UNRESOLVED demo-service/DemoServiceChecks.answersOnItsPort (CHECK_ONLY)")
            .contains("nothing answers on 127.0.0.1:" + port)
            .doesNotContain("repair StartDemoService");
        assertThat(answers(port)).isFalse();
    }

    @Test
    void statusShowsTheLastOutcomeAndTheLastRepair() {
        Cli.run("run", "--config", config.toString());

        Cli.Result status = Cli.run("status", "--config", config.toString());

        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).contains("REPAIRED   demo-service/DemoServiceChecks.answersOnItsPort")
            .contains("last repair").contains("StartDemoService SUCCEEDED");
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

    private static boolean answers(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return socket.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
