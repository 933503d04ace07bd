package dev.medic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.engine.testing.PackageJar;

/**
 * The healing policy's state in the real SQLite history: each command is a fresh engine and a
 * freshly opened store, as separate processes would be.
 */
class PolicyAcrossRunsTest {

    @TempDir
    Path dir;

    private Path config;

    @BeforeEach
    void install() throws IOException {
        PackageJar.named("svc").source("svc.Svc", """
            package svc;
            import static org.assertj.core.api.Assertions.assertThat;
            import java.nio.file.Path;
            import dev.medic.api.*;
            class Svc {
                @Check
                @RepairWith(Fix.class)
                void up(@Setting("work") Path work) {
                    assertThat(work.resolve("up")).as("service").exists();
                }
            }
            """).source("svc.Fix", """
            package svc;
            import java.nio.file.*;
            import dev.medic.api.*;
            class Fix implements Repair {
                public RepairResult repair(RepairContext context) throws Exception {
                    Path work = context.settings().get("work", Path.class);
                    if (Files.exists(work.resolve("broken-repair"))) {
                        return RepairResult.succeeded("pretended");
                    }
                    Files.writeString(work.resolve("up"), "up");
                    return RepairResult.succeeded("started");
                }
            }
            """).writeJar(dir.resolve("packages"));
        Files.createDirectories(dir.resolve("work"));
    }

    private void configure(String defaults) throws IOException {
        config = dir.resolve("medic.yml");
        Files.writeString(config, """
            state-dir: state
            packages-dir: packages
            defaults:
              confirm-delay: 0s
              retest-delay: 0s
              repair-backoff: 0s
            %s
            packages:
              svc:
                settings:
                  work: %s
            """.formatted(defaults.indent(2).stripTrailing(), dir.resolve("work")));
    }

    @Test
    void theThresholdCountsAcrossSeparateRuns() throws IOException {
        configure("threshold: 2");

        Cli.Result first = Cli.run("run", "--config", config.toString());
        Cli.Result second = Cli.run("run", "--config", config.toString());

        assertThat(first.exitCode()).isEqualTo(1);
        assertThat(first.out()).contains("UNRESOLVED svc/Svc.up (BELOW_THRESHOLD)");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("REPAIRED   svc/Svc.up");
    }

    @Test
    void aGivenUpCheckShowsInStatusAndResetLetsRepairsResume() throws IOException {
        configure("max-repairs: 1\nretests: 1");
        Files.writeString(dir.resolve("work/broken-repair"), "yes");

        Cli.run("run", "--config", config.toString());
        Cli.Result givenUp = Cli.run("run", "--config", config.toString());
        Cli.Result status = Cli.run("status", "--config", config.toString());
        Cli.Result reset = Cli.run("reset", "--config", config.toString(), "--check", "Svc.up");
        Files.delete(dir.resolve("work/broken-repair"));
        Cli.Result afterReset = Cli.run("run", "--config", config.toString());

        assertThat(givenUp.out()).contains("UNRESOLVED svc/Svc.up (GIVEN_UP)")
            .contains("repairs resume after 3 passes in a row, or 'medic reset'");
        assertThat(status.out()).contains("state GIVEN_UP").contains("1 repair in the window");
        assertThat(reset.exitCode()).isZero();
        assertThat(reset.out()).contains("reset 1 check:").contains("svc/Svc.up");
        assertThat(afterReset.out()).contains("REPAIRED   svc/Svc.up");
    }
}
