package dev.medic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.cli.PingServer.Ping;

/**
 * Heartbeat pings in the Healthchecks.io style, sent by real runs of the demo to a ping server on
 * 127.0.0.1.
 */
class HeartbeatTest {

    private static final String KEY = "5f2c-secret-ping-key";

    @TempDir
    Path dir;

    private Demo demo;
    private PingServer pings;
    private Path config;

    @BeforeEach
    void setUp() throws IOException {
        demo = Demo.installIn(dir);
        pings = PingServer.start();
        config = configure(pings.url(KEY), "");
    }

    @AfterEach
    void tearDown() throws IOException {
        pings.close();
        demo.close();
    }

    private Path configure(String url, String more) throws IOException {
        Files.writeString(dir.resolve("ping-url"), url + "\n");
        Path file = dir.resolve("medic.yml");
        Files.writeString(file, """
            host: web-1
            environment: test
            state-dir: state
            packages-dir: packages
            packages:
              demo-service:
                settings:
                  port: %d
            heartbeat:
              url: {file: ping-url}
              timeout: 2s
            %s""".formatted(demo.port(), more));
        return file;
    }

    @Test
    void aRunPingsStartThenSuccessWithOneRunIdAndASummary() {
        Cli.Result run = Cli.run("run", "--config", config.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(pings.pings()).satisfiesExactly(
            start -> assertThat(start.path()).isEqualTo("/ping/" + KEY + "/start"),
            end -> {
                assertThat(end.path()).isEqualTo("/ping/" + KEY);
                assertThat(end.method()).isEqualTo("POST");
                assertThat(end.body()).startsWith("medic run on web-1 (test): 2 checks: 1 healthy, 1 repaired, 0 unresolved")
                    .contains("nothing is unresolved on this host");
            });
        assertThat(pings.pings()).extracting(Ping::runId).doesNotContain("").containsOnly(pings.pings().get(0).runId());
    }

    @Test
    void aCheckThatFindsAFailurePingsFailAndNamesTheCheck() throws IOException {
        Cli.run("run", "--config", config.toString());
        demo.stopService();

        Cli.Result check = Cli.run("check", "--config", config.toString());

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(pings.pings().get(pings.pings().size() - 1)).satisfies(end -> {
            assertThat(end.path()).isEqualTo("/ping/" + KEY + "/fail");
            assertThat(end.body()).startsWith("medic check on web-1")
                .contains("unresolved on this host (1):")
                .contains("demo-service/DemoServiceChecks.answersOnItsPort (CHECK_ONLY")
                .contains("nothing answers on 127.0.0.1:" + demo.port());
        });
    }

    @Test
    void rerunningOneHealthyCheckDoesNotClearAFailureElsewhereOnTheHost() throws IOException {
        Cli.run("run", "--config", config.toString());
        demo.stopService();
        Cli.run("check", "--config", config.toString());

        Cli.Result partial = Cli.run("check", "--config", config.toString(), "--check", "*.workingDirectoryHasRoom");

        assertThat(partial.exitCode()).as("the selected check passes").isZero();
        assertThat(last().path()).isEqualTo("/ping/" + KEY + "/fail");
        assertThat(last().body()).contains("DemoServiceChecks.answersOnItsPort");

        Cli.Result fixed = Cli.run("run", "--config", config.toString());

        assertThat(fixed.exitCode()).isZero();
        assertThat(last().path()).as("the repair fixed the host: the alert clears").isEqualTo("/ping/" + KEY);
    }

    @Test
    void anUnreachablePingServerIsAWarningThatNeverShowsTheKeyAndHealingGoesOn() throws IOException {
        config = configure("http://127.0.0.1:" + Demo.freePort() + "/ping/" + KEY, "");

        Cli.Result run = Cli.run("run", "--config", config.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("REPAIRED   demo-service/DemoServiceChecks.answersOnItsPort");
        assertThat(run.err()).contains("heartbeat ping /start to http://127.0.0.1:").contains("failed")
            .contains("from file " + dir.resolve("ping-url")).doesNotContain(KEY);
    }

    @Test
    void aPingUrlWrittenInlineIsRefusedWithoutEchoingIt() throws IOException {
        Path file = dir.resolve("inline.yml");
        Files.writeString(file, "state-dir: state\nheartbeat:\n  url: " + pings.url(KEY) + "\n");

        Cli.Result validate = Cli.run("validate", "--config", file.toString());

        assertThat(validate.exitCode()).isEqualTo(2);
        assertThat(validate.err()).contains(file + ":3:")
            .contains("an inline secret is not allowed").contains("url: {env: VARIABLE}").doesNotContain(KEY);
    }

    @Test
    void aPingUrlThatIsNotHttpIsRefusedWithoutEchoingIt() throws IOException {
        config = configure("ftp://127.0.0.1/" + KEY, "");

        Cli.Result validate = Cli.run("validate", "--config", config.toString());

        assertThat(validate.exitCode()).isEqualTo(2);
        assertThat(validate.err()).contains("heartbeat.url")
            .contains("the ping URL read from file " + dir.resolve("ping-url") + " is not an http or https URL")
            .doesNotContain(KEY);
    }

    @Test
    void aMissingVariableIsNamed() throws IOException {
        Path file = dir.resolve("env.yml");
        Files.writeString(file, "state-dir: state\nheartbeat:\n  url: {env: MEDIC_TEST_NO_SUCH_VARIABLE}\n  every: often\n");

        Cli.Result validate = Cli.run("validate", "--config", file.toString());

        assertThat(validate.exitCode()).isEqualTo(2);
        assertThat(validate.err()).contains("the environment variable MEDIC_TEST_NO_SUCH_VARIABLE is not set")
            .contains("heartbeat.every").contains("'often'");
    }

    private Ping last() {
        return pings.pings().get(pings.pings().size() - 1);
    }
}
