package dev.medic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.cli.History.Row;
import dev.medic.engine.testing.PackageJar;

/**
 * One healer per check across processes: the daemon (a real child process) and a manual
 * {@code medic run} (in this JVM) share a history and a state directory. The package's repair
 * holds until the test releases it, so the two really overlap.
 */
class HealerLockAcrossProcessesTest {

    @TempDir
    Path dir;

    private Path config;
    private Path work;

    @BeforeEach
    void setUp() throws IOException {
        work = Files.createDirectories(dir.resolve("work"));
        PackageJar.named("slow").source("slow.FileChecks", """
            package slow;
            import static org.assertj.core.api.Assertions.assertThat;
            import java.nio.file.*;
            import dev.medic.api.*;
            class FileChecks {
                @Check
                @RepairWith(CreateSlowly.class)
                void fileExists(Settings settings) throws Exception {
                    Path work = Path.of(settings.get("work"));
                    // Which process checked: the test waits for the manual run to be checking.
                    Files.writeString(work.resolve("checked-by-" + ProcessHandle.current().pid()), "");
                    assertThat(work.resolve("fixed")).as("the fixed file").exists();
                }
            }
            """).source("slow.CreateSlowly", """
            package slow;
            import java.nio.file.*;
            import dev.medic.api.*;
            class CreateSlowly implements Repair {
                public RepairResult repair(RepairContext context) throws Exception {
                    Path work = Path.of(context.settings().get("work"));
                    Files.writeString(work.resolve("attempts"), ProcessHandle.current().pid() + "\\n",
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    Files.writeString(work.resolve("repairing"), "");
                    while (!Files.exists(work.resolve("release"))) {
                        Thread.sleep(20);
                    }
                    Files.writeString(work.resolve("fixed"), "");
                    return RepairResult.succeeded("created the fixed file");
                }
            }
            """).writeJar(Files.createDirectories(dir.resolve("packages")));
        config = dir.resolve("medic.yml");
        Files.writeString(config, """
            state-dir: state
            packages-dir: packages
            defaults:
              confirm: 0
              retest-delay: 0s
              interval: 1s
            daemon:
              splay: 0s
            packages:
              slow:
                settings:
                  work: %s
            """.formatted(work));
    }

    private List<String> attempts() throws IOException {
        return Files.exists(work.resolve("attempts")) ? Files.readAllLines(work.resolve("attempts")) : List.of();
    }

    @Test
    void aManualRunWhileTheDaemonRepairsWaitsAndDoesNotRepairAgain() throws Exception {
        try (DaemonProcess daemon = DaemonProcess.start(config, dir, Map.of())) {
            daemon.awaitThat("the daemon is repairing", () -> Files.exists(work.resolve("repairing")));

            CompletableFuture<Cli.Result> manual = CompletableFuture.supplyAsync(() -> Cli.run("run", "--config", config.toString()));
            Path checkedHere = work.resolve("checked-by-" + ProcessHandle.current().pid());
            daemon.awaitThat("the manual run has checked and found the failure", () -> Files.exists(checkedHere));
            Files.writeString(work.resolve("release"), "");
            Cli.Result result = manual.get(DaemonProcess.PATIENCE.toSeconds(), TimeUnit.SECONDS);

            assertThat(result.out()).as(result.err()).contains("HEALTHY    slow/FileChecks.fileExists")
                .contains("repaired meanwhile by another Medic process");
            assertThat(result.exitCode()).isZero();
            assertThat(attempts()).as("one repair, by the daemon").containsExactly(Long.toString(daemon.pid()));
            daemon.awaitThat("the daemon records its repair", () -> History.of(dir.resolve("state/medic.db"), "fileExists")
                .stream().anyMatch(row -> row.outcome().equals("REPAIRED") && row.runMode().equals("DAEMON")));
            assertThat(daemon.stop()).isZero();
        }
        assertThat(attempts()).hasSize(1);
    }

    @Test
    void theLockOfADaemonKilledInMidRepairIsTakenOverByTheNextRun() throws Exception {
        try (DaemonProcess daemon = DaemonProcess.start(config, dir, Map.of())) {
            daemon.awaitThat("the daemon is repairing", () -> Files.exists(work.resolve("repairing")));
            daemon.kill();
        }
        Files.writeString(work.resolve("release"), "");

        Cli.Result manual = Cli.run("run", "--config", config.toString());

        assertThat(manual.exitCode()).as(manual.err()).isZero();
        assertThat(manual.out()).contains("REPAIRED   slow/FileChecks.fileExists");
        assertThat(attempts()).as("the killed daemon's attempt, then this run's").hasSize(2)
            .last().isEqualTo(Long.toString(ProcessHandle.current().pid()));
        assertThat(History.of(dir.resolve("state/medic.db"), "fileExists")).extracting(Row::outcome).containsExactly("REPAIRED");
        Cli.Result status = Cli.run("status", "--config", config.toString());
        assertThat(status.out()).as("the killed daemon's lock is stale too").contains("daemon: not running");
    }
}
