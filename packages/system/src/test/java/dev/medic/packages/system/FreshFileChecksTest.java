package dev.medic.packages.system;

import static dev.medic.packages.system.SystemPackage.measured;
import static dev.medic.packages.system.SystemPackage.target;
import static dev.medic.packages.system.SystemPackage.withTargets;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.engine.Outcome;
import dev.medic.engine.Reason;
import dev.medic.engine.RepairOutcome;
import dev.medic.test.TestRun;

/** The dead man's switch, against real files with set modification times. */
class FreshFileChecksTest {

    @TempDir
    Path dir;

    private Path stamp(Duration age) throws IOException {
        Path file = Files.writeString(dir.resolve("backup.done"), "ok\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
        return file;
    }

    @Test
    void aFileTouchedWithinTheGraceTimeIsHealthy() throws IOException {
        Path file = stamp(Duration.ofHours(2));

        TestRun run = withTargets("fresh-files", target("backup", "path", file.toString(), "max-age", "1d")).check();

        assertThat(run.outcome("FreshFileChecks.isFresh[backup]")).isEqualTo(Outcome.HEALTHY);
    }

    @Test
    void aFileOlderThanTheGraceTimeFailsWithItsAge() throws IOException {
        Path file = stamp(Duration.ofDays(2));

        TestRun run = withTargets("fresh-files", target("backup", "path", file.toString(), "max-age", "1d")).check();

        assertThat(run.reason("FreshFileChecks.isFresh[backup]")).isEqualTo(Reason.CHECK_ONLY);
        assertThat(run.check("FreshFileChecks.isFresh[backup]").message())
            .contains("seconds since " + file + " was last modified").contains("max-age is 1d").contains("86400");
    }

    @Test
    void aFileTheJobNeverWroteFails() {
        TestRun run = withTargets("fresh-files", target("backup", "path", dir.resolve("never").toString(), "max-age", "1h"))
            .check();

        assertThat(run.outcome("FreshFileChecks.isFresh[backup]")).isEqualTo(Outcome.UNRESOLVED);
        assertThat(run.check("FreshFileChecks.isFresh[backup]").message()).contains("file of target 'backup'").contains("exist");
    }

    @Test
    void aCommandRepairThatRerunsTheJobRepairsTheCheck() throws IOException {
        Path file = stamp(Duration.ofDays(3));

        TestRun run = withTargets("fresh-files", target("backup", "path", file.toString(), "max-age", "1d",
            "repair", Map.of("command", List.of("touch", file.toString()), "timeout", "10s"))).run("FreshFileChecks.*");

        assertThat(run.outcome("FreshFileChecks.isFresh[backup]")).isEqualTo(Outcome.REPAIRED);
        assertThat(run.repairs()).singleElement().satisfies(repair -> {
            assertThat(repair.outcome()).isEqualTo(RepairOutcome.SUCCEEDED);
            assertThat(repair.message()).isEqualTo("touch " + file + " exited with 0");
            assertThat(repair.details()).containsEntry("exit-code", "0").containsEntry("command", "touch " + file);
        });
        assertThat(Files.getLastModifiedTime(file).toInstant()).isAfter(Instant.now().minus(Duration.ofMinutes(5)));
    }

    @Test
    void statsRecordTheFilesAgeInSeconds() throws IOException {
        Path file = stamp(Duration.ofHours(3));

        TestRun run = withTargets("fresh-files", target("backup", "path", file.toString(), "max-age", "1d")).run();

        assertThat(measured(run, "system.file.age_seconds", "backup")).singleElement()
            .satisfies(age -> assertThat(age).isBetween(3 * 3600.0, 3 * 3600.0 + 600));
    }
}
