package dev.medic.packages.system;

import static dev.medic.packages.system.SystemPackage.measured;
import static dev.medic.packages.system.SystemPackage.target;
import static dev.medic.packages.system.SystemPackage.withTargets;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.medic.engine.Outcome;
import dev.medic.engine.Reason;
import dev.medic.test.TestRun;

/** A process is running, against real child processes. */
class ProcessChecksTest {

    /** A sleep length no other process on the machine has as its argument. */
    private final String seconds = "3600." + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
    private final String exactly = "^" + Pattern.quote(seconds) + "$";
    private final List<Process> started = new ArrayList<>();

    private void startSleep() throws IOException {
        started.add(new ProcessBuilder("sleep", seconds).start());
    }

    @AfterEach
    void stopEverySleepOfThisTest() {
        started.forEach(Process::destroyForcibly);
        ProcessHandle.allProcesses()
            .filter(process -> process.info().arguments().map(arguments -> Arrays.asList(arguments).contains(seconds)).orElse(false))
            .forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void aRunningProcessIsFoundByCommandAndArguments() throws IOException {
        startSleep();

        TestRun run = withTargets("processes", target("sleeper", "command", "sleep", "arguments", exactly)).check();

        assertThat(run.outcome("ProcessChecks.isRunning[sleeper]")).isEqualTo(Outcome.HEALTHY);
    }

    @Test
    void theFullPathOfTheCommandMatchesToo() throws IOException {
        startSleep();
        String path = started.get(0).info().command().orElseThrow();

        TestRun run = withTargets("processes", target("sleeper", "command", path, "arguments", exactly)).check();

        assertThat(run.outcome("ProcessChecks.isRunning[sleeper]")).isEqualTo(Outcome.HEALTHY);
    }

    @Test
    void aProcessThatIsNotRunningFailsNamingWhatWasLookedFor() {
        TestRun run = withTargets("processes", target("sleeper", "command", "sleep", "arguments", exactly)).check();

        assertThat(run.outcome("ProcessChecks.isRunning[sleeper]")).isEqualTo(Outcome.UNRESOLVED);
        assertThat(run.check("ProcessChecks.isRunning[sleeper]").message())
            .contains("running processes with command 'sleep' and arguments matching '" + exactly + "'");
    }

    @Test
    void aCommandNameOfAnotherProgramDoesNotMatch() throws IOException {
        startSleep();

        TestRun run = withTargets("processes", target("sleeper", "command", "sleepy", "arguments", exactly)).check();

        assertThat(run.outcome("ProcessChecks.isRunning[sleeper]")).isEqualTo(Outcome.UNRESOLVED);
    }

    @Test
    void fewerProcessesThanTheMinimumCountFail() throws IOException {
        startSleep();
        startSleep();

        TestRun two = withTargets("processes", target("sleepers", "arguments", exactly, "min-count", 2)).check();
        TestRun three = withTargets("processes", target("sleepers", "arguments", exactly, "min-count", 3)).check();

        assertThat(two.outcome("ProcessChecks.isRunning[sleepers]")).isEqualTo(Outcome.HEALTHY);
        assertThat(three.outcome("ProcessChecks.isRunning[sleepers]")).isEqualTo(Outcome.UNRESOLVED);
    }

    @Test
    void aShellRepairThatStartsTheProcessInTheBackgroundRepairsTheCheck() {
        TestRun run = withTargets("processes", target("sleeper", "command", "sleep", "arguments", exactly,
            "repair", Map.of("shell", "sleep " + seconds + " >/dev/null 2>&1 &"))).run("ProcessChecks.*");

        assertThat(run.outcome("ProcessChecks.isRunning[sleeper]")).isEqualTo(Outcome.REPAIRED);
        assertThat(run.repairs()).singleElement().satisfies(repair ->
            assertThat(repair.details()).containsEntry("exit-code", "0"));
    }

    @Test
    void aTargetWithoutCommandOrArgumentsIsRefused() {
        TestRun run = withTargets("processes", target("nothing", "min-count", 1)).run("ProcessChecks.*");

        assertThat(run.reason("ProcessChecks.isRunning[nothing]")).isEqualTo(Reason.NO_REPAIR);
        assertThat(run.check("ProcessChecks.isRunning[nothing]").message()).contains("sets none of command, arguments");
    }

    @Test
    void statsCountTheMatchingProcesses() throws IOException {
        startSleep();
        startSleep();

        TestRun run = withTargets("processes", target("sleepers", "arguments", exactly)).run();

        assertThat(measured(run, "system.process.count", "sleepers")).containsExactly(2.0);
    }
}
