package dev.medic.packages.system;

import static dev.medic.packages.system.SystemPackage.target;
import static dev.medic.packages.system.SystemPackage.withTargets;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.api.RepairResult;
import dev.medic.engine.Reason;
import dev.medic.engine.RepairOutcome;
import dev.medic.test.TestRepairContext;
import dev.medic.test.TestRun;

/** The command and shell repairs, running real commands. */
class CommandRepairTest {

    @TempDir
    Path dir;

    private static TestRepairContext.Builder context(Map<String, Object> repair) {
        return TestRepairContext.forCheck("FreshFileChecks.isFresh[job]").packageId("system").setting("repair", repair);
    }

    private static RepairResult repair(TestRepairContext context) throws Exception {
        return new ConfiguredRepair().repair(context);
    }

    @Test
    void aCommandThatExitsWithZeroSucceeds() throws Exception {
        Path created = dir.resolve("created");

        RepairResult result = repair(context(Map.of("command", List.of("touch", created.toString()))).build());

        assertThat(result.isSuccess()).isTrue();
        assertThat(created).exists();
    }

    @Test
    void aCommandThatExitsNonZeroIsAFailedRepairWithItsExitCodeAndOutput() throws Exception {
        TestRepairContext context = context(Map.of("command", List.of("sh", "-c", "echo starting; echo disk still full >&2; exit 3")))
            .build();

        RepairResult result = repair(context);

        assertThat(result.isSuccess()).isFalse();
        assertThat(result.message()).isEqualTo("sh -c 'echo starting; echo disk still full >&2; exit 3' failed: exit code 3: disk still full");
        assertThat(result.details()).containsEntry("exit-code", "3").containsEntry("output", "starting\ndisk still full\n");
        assertThat(context.logged()).contains("INFO output: starting", "INFO output: disk still full");
    }

    @Test
    void aCommandThatOutlivesItsTimeoutIsKilledAndFails() throws Exception {
        String seconds = uniqueSleep();

        RepairResult result = repair(context(Map.of("command", List.of("sleep", seconds), "timeout", "300ms")).build());

        assertThat(result.isSuccess()).isFalse();
        assertThat(result.message()).contains("timed out after").contains("and was killed");
        assertThat(result.details()).containsEntry("exit-code", "none (timed out)");
        assertThat(sleeping(seconds)).as("sleep processes left running").isEmpty();
    }

    @Test
    void aCommandThatLeavesAChildInTheBackgroundReturnsWhenItExitsAndLeavesTheChildRunning() throws Exception {
        String seconds = uniqueSleep();
        try {
            // the child keeps the output pipe open; the repair must not wait for it to close
            RepairResult result = repair(context(Map.of("shell", "echo starting; sleep " + seconds + " &")).build());

            assertThat(result.isSuccess()).isTrue();
            assertThat(result.details()).containsEntry("output", "starting\n");
            assertThat(sleeping(seconds)).as("the started child").hasSize(1);
        } finally {
            sleeping(seconds).forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static String uniqueSleep() {
        return "600." + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
    }

    private static List<ProcessHandle> sleeping(String seconds) {
        return ProcessHandle.allProcesses().filter(process -> process.isAlive()
            && process.info().arguments().map(arguments -> Arrays.asList(arguments).contains(seconds)).orElse(false)).toList();
    }

    @Test
    void onlyTheLastBytesOfAChattyCommandAreKept() throws Exception {
        TestRepairContext context = context(Map.of("command", List.of("sh", "-c", "i=0; while [ $i -lt 2000 ]; do echo line $i; i=$((i+1)); done")))
            .setting("max-output-bytes", 100).build();

        RepairResult result = repair(context);

        assertThat(result.isSuccess()).isTrue();
        assertThat(result.details().get("output")).startsWith("[").contains("earlier bytes cut]").endsWith("line 1999\n")
            .hasSizeLessThan(200);
        assertThat(context.logged()).hasSizeLessThanOrEqualTo(60);
    }

    @Test
    void aCommandListIsNeverInterpretedByAShell() throws Exception {
        Path target = dir.resolve("redirected");

        RepairResult result = repair(context(Map.of("command", List.of("echo", "$HOME", ">", target.toString()))).build());

        assertThat(result.details().get("output")).isEqualTo("$HOME > " + target + "\n");
        assertThat(target).doesNotExist();
    }

    @Test
    void aShellCommandRunsOnlyWhenWrittenAsShell() throws Exception {
        Path answer = dir.resolve("answer");

        RepairResult result = repair(context(Map.of("shell", "echo $((6 * 7)) > '" + answer + "'")).build());

        assertThat(result.isSuccess()).isTrue();
        assertThat(result.details().get("command")).startsWith("/bin/sh -c ");
        assertThat(Files.readString(answer)).isEqualTo("42\n");
    }

    @Test
    void aMissingExecutableIsAFailedRepair() throws Exception {
        RepairResult result = repair(context(Map.of("command", List.of(dir.resolve("no-such-program").toString()))).build());

        assertThat(result.isSuccess()).isFalse();
        assertThat(result.message()).startsWith("could not start " + dir.resolve("no-such-program"));
    }

    @Test
    void theCommandRunsInItsDirectoryWithItsEnvironment() throws Exception {
        RepairResult result = repair(context(Map.of("command", List.of("sh", "-c", "pwd; echo \"$GREETING\""),
            "directory", dir.toString(), "environment", Map.of("GREETING", "hello from medic"))).build());

        assertThat(result.details().get("output")).isEqualTo(dir.toRealPath() + "\nhello from medic\n");
    }

    @Test
    void aFailingCommandLeavesTheCheckUnresolvedThroughTheHealingLoop() {
        TestRun run = withTargets("fresh-files", target("job", "path", dir.resolve("never").toString(), "max-age", "1h",
            "repair", Map.of("command", List.of("false")))).run("FreshFileChecks.*");

        assertThat(run.reason("FreshFileChecks.isFresh[job]")).isEqualTo(Reason.REPAIR_FAILED);
        assertThat(run.repairs()).singleElement().satisfies(repair -> {
            assertThat(repair.outcome()).isEqualTo(RepairOutcome.FAILED);
            assertThat(repair.message()).isEqualTo("false failed: exit code 1");
        });
    }
}
