package dev.medic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.engine.testing.PackageJar;

class HonestOutcomesTest {

    @TempDir
    Path dir;

    @Test
    void packageWhoseRepairThrowsIsUnresolvedWithRepairFailedAndExitCodeOne() throws IOException {
        PackageJar.named("flaky").source("flaky.Checks", """
            package flaky;
            import static org.assertj.core.api.Assertions.assertThat;
            import dev.medic.api.*;
            class Checks {
                @Check
                @RepairWith(Explode.class)
                void queueIsDrained() {
                    assertThat(3).as("messages waiting").isZero();
                }
            }
            """).source("flaky.Explode", """
            package flaky;
            import dev.medic.api.*;
            class Explode implements Repair {
                public RepairResult repair(RepairContext context) {
                    throw new IllegalStateException("broker refused the purge");
                }
            }
            """).writeJar(dir.resolve("packages"));
        Path config = dir.resolve("medic.yml");
        Files.writeString(config, "state-dir: state\npackages-dir: packages\n");

        Cli.Result result = Cli.run("run", "--config", config.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out())
            .contains("repair Explode for Checks.queueIsDrained: THREW")
            .contains("UNRESOLVED flaky/Checks.queueIsDrained (REPAIR_FAILED)")
            .contains("IllegalStateException: broker refused the purge")
            .contains("1 check: 0 healthy, 0 repaired, 1 unresolved, 0 skipped");
    }

    @Test
    void validateReportsACheckNameThatMatchesNothingWithItsLine() throws IOException {
        PackageJar.named("acme").source("acme.Fine", """
            package acme;
            class Fine {
                @dev.medic.api.Check
                void passes() {
                }
            }
            """).writeJar(dir.resolve("packages"));
        Path config = dir.resolve("medic.yml");
        Files.writeString(config, """
            state-dir: state
            packages-dir: packages
            packages:
              acme:
                checks:
                  Fine.pases:
                    timeout: 5s
            """);

        Cli.Result result = Cli.run("validate", "--config", config.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(config + ":6: packages.acme.checks.Fine.pases: package 'acme' has no check named 'Fine.pases'; its checks: Fine.passes");
    }

    @Test
    void validateAcceptsAGoodSetup() throws IOException {
        PackageJar.named("acme").source("acme.Fine", """
            package acme;
            class Fine {
                @dev.medic.api.Check
                void passes() {
                }
            }
            """).writeJar(dir.resolve("packages"));
        Path config = dir.resolve("medic.yml");
        Files.writeString(config, "state-dir: state\npackages-dir: packages\n");

        Cli.Result result = Cli.run("validate", "--config", config.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("valid: ").contains("1 package");
    }

    @Test
    void versionAndHelpWorkOnEveryCommand() {
        assertThat(Cli.run("--version").out()).startsWith("medic 0.1.0");
        for (String command : new String[] {"run", "check", "list", "status", "history", "validate"}) {
            Cli.Result help = Cli.run(command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: medic " + command);
        }
    }
}
