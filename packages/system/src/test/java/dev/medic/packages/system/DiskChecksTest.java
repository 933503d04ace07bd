package dev.medic.packages.system;

import static dev.medic.packages.system.SystemPackage.measured;
import static dev.medic.packages.system.SystemPackage.target;
import static dev.medic.packages.system.SystemPackage.withTargets;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.engine.Outcome;
import dev.medic.engine.Reason;
import dev.medic.test.TestRun;

/** Free disk space, against the real file system of a temporary directory. */
class DiskChecksTest {

    @TempDir
    Path dir;

    @Test
    void aDiskWithMoreThanTheRequiredFreeSpaceIsHealthy() throws IOException {
        long free = Files.getFileStore(dir).getUsableSpace();

        TestRun run = withTargets("disks", target("tmp", "path", dir.toString(), "min-free-bytes", free / 2, "min-free-percent", 0))
            .check();

        assertThat(run.outcome("DiskChecks.hasFreeSpace[tmp]")).isEqualTo(Outcome.HEALTHY);
    }

    @Test
    void requiringMoreBytesThanTheFileSystemHoldsFailsNamingBothNumbers() throws IOException {
        long total = Files.getFileStore(dir).getTotalSpace();

        TestRun run = withTargets("disks", target("tmp", "path", dir.toString(), "min-free-bytes", total + 1)).check();

        assertThat(run.reason("DiskChecks.hasFreeSpace[tmp]")).isEqualTo(Reason.CHECK_ONLY);
        assertThat(run.check("DiskChecks.hasFreeSpace[tmp]").message())
            .contains("free bytes on the file system of " + dir).contains(String.valueOf(total + 1));
    }

    @Test
    void sizesAreReadWithBinaryUnits() {
        TestRun passing = withTargets("disks", target("tmp", "path", dir.toString(), "min-free-bytes", "1KiB")).check();
        TestRun failing = withTargets("disks", target("tmp", "path", dir.toString(), "min-free-bytes", "1000000P")).check();

        assertThat(passing.outcome("DiskChecks.hasFreeSpace[tmp]")).isEqualTo(Outcome.HEALTHY);
        assertThat(failing.outcome("DiskChecks.hasFreeSpace[tmp]")).isEqualTo(Outcome.UNRESOLVED);
    }

    @Test
    void requiringAllOfTheFileSystemFreeFailsOnPercent() {
        TestRun run = withTargets("disks", target("tmp", "path", dir.toString(), "min-free-percent", 100)).check();

        assertThat(run.outcome("DiskChecks.hasFreeSpace[tmp]")).isEqualTo(Outcome.UNRESOLVED);
        assertThat(run.check("DiskChecks.hasFreeSpace[tmp]").message()).contains("free percent on the file system of " + dir);
    }

    @Test
    void aTargetWithoutAnyLimitIsAConfigurationErrorThatIsNotRepaired() throws IOException {
        Path victim = Files.createFile(dir.resolve("old.log"));
        Files.setLastModifiedTime(victim, java.nio.file.attribute.FileTime.fromMillis(0));

        TestRun run = withTargets("disks", target("tmp", "path", dir.toString(), "repair",
            java.util.Map.of("delete-old-files", java.util.Map.of("directories", java.util.List.of(dir.toString()),
                "patterns", java.util.List.of("*.log"), "older-than", "1d")))).run("DiskChecks.*");

        assertThat(run.reason("DiskChecks.hasFreeSpace[tmp]")).isEqualTo(Reason.NO_REPAIR);
        assertThat(run.repairs()).singleElement().satisfies(repair ->
            assertThat(repair.message()).startsWith("the check failed on its configuration")
                .contains("sets none of min-free-bytes, min-free-percent"));
        assertThat(victim).exists();
    }

    @Test
    void statsRecordFreeAndTotalSpaceTaggedWithTheTarget() throws IOException {
        FileStore store = Files.getFileStore(dir);

        TestRun run = withTargets("disks", target("tmp", "path", dir.toString(), "min-free-percent", 0)).run();

        assertThat(measured(run, "system.disk.total_bytes", "tmp")).containsExactly((double) store.getTotalSpace());
        assertThat(measured(run, "system.disk.free_bytes", "tmp")).singleElement()
            .satisfies(free -> assertThat(free).isPositive().isLessThanOrEqualTo(store.getTotalSpace()));
        assertThat(measured(run, "system.disk.free_percent", "tmp")).singleElement()
            .satisfies(percent -> assertThat(percent).isBetween(0.0, 100.0));
    }
}
