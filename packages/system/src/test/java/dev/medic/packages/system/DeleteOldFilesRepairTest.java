package dev.medic.packages.system;

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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.api.RepairResult;
import dev.medic.engine.Reason;
import dev.medic.engine.RepairOutcome;
import dev.medic.test.TestRepairContext;
import dev.medic.test.TestRun;

/** Deleting old files, in real directories with real modification times and symbolic links. */
class DeleteOldFilesRepairTest {

    @TempDir
    Path root;

    private Path logs;
    private Path outside;

    @BeforeEach
    void layOutFiles() throws IOException {
        logs = Files.createDirectory(root.resolve("logs"));
        outside = Files.createDirectory(root.resolve("outside"));
        old(logs.resolve("app.log.1"), 1000);
        old(logs.resolve("app.log.2"), 500);
        Files.writeString(logs.resolve("app.log.3"), "new\n");
        old(logs.resolve("keep.txt"), 10);
        old(Files.createDirectory(logs.resolve("nested")).resolve("app.log.9"), 20);
        old(outside.resolve("precious.log.1"), 30);
        Files.createSymbolicLink(logs.resolve("link.log.1"), outside.resolve("precious.log.1"));
        Files.createSymbolicLink(logs.resolve("linked-dir"), outside);
    }

    private static void old(Path file, int bytes) throws IOException {
        Files.write(file, new byte[bytes]);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofDays(30))));
    }

    private static RepairResult delete(Map<String, Object> spec) throws Exception {
        return new ConfiguredRepair().repair(TestRepairContext.forCheck("DiskChecks.hasFreeSpace[logs]")
            .setting("repair", Map.of("delete-old-files", spec)).build());
    }

    private Map<String, Object> spec(Object directories) {
        return Map.of("directories", directories, "patterns", List.of("*.log.*"), "older-than", "7d");
    }

    @Test
    void onlyOldFilesMatchingAPatternAreDeletedAndTheFreedBytesReported() throws Exception {
        RepairResult result = delete(spec(List.of(logs.toString())));

        assertThat(result.isSuccess()).isTrue();
        assertThat(result.message()).startsWith("deleted 2 files matching *.log.* older than 7d in " + logs);
        assertThat(result.details()).containsEntry("deleted", "2").containsEntry("freed-bytes", "1500")
            .containsEntry("skipped-symlinks", "2");
        assertThat(result.details().get("files").lines()).containsExactlyInAnyOrder(
            logs.resolve("app.log.1").toString(), logs.resolve("app.log.2").toString());
        assertThat(logs.resolve("app.log.1")).doesNotExist();
        assertThat(logs.resolve("app.log.3")).exists();
        assertThat(logs.resolve("keep.txt")).exists();
        assertThat(logs.resolve("nested/app.log.9")).exists();
    }

    @Test
    void symbolicLinksAreNeitherFollowedNorDeleted() throws Exception {
        delete(Map.of("directories", List.of(logs.toString()), "patterns", List.of("*"), "older-than", "1d",
            "recursive", true));

        assertThat(outside.resolve("precious.log.1")).exists();
        assertThat(logs.resolve("link.log.1")).isSymbolicLink();
        assertThat(logs.resolve("linked-dir")).isSymbolicLink();
    }

    @Test
    void recursiveSweepsGoIntoRealSubdirectories() throws Exception {
        RepairResult result = delete(Map.of("directories", List.of(logs.toString()), "patterns", List.of("*.log.*"),
            "older-than", "7d", "recursive", true));

        assertThat(result.details()).containsEntry("deleted", "3");
        assertThat(logs.resolve("nested/app.log.9")).doesNotExist();
        assertThat(logs.resolve("nested")).isDirectory();
        assertThat(outside.resolve("precious.log.1")).exists();
    }

    @Test
    void aDirectoryWithDotDotIsRefused() throws Exception {
        RepairResult result = delete(spec(List.of(logs + "/../outside")));

        assertThat(result.isSuccess()).isFalse();
        assertThat(result.message()).contains("refusing to delete in '" + logs + "/../outside'").contains("contains '..'");
        assertThat(outside.resolve("precious.log.1")).exists();
    }

    @Test
    void aDirectoryThatIsASymbolicLinkIsRefused() throws Exception {
        RepairResult result = delete(spec(List.of(logs.resolve("linked-dir").toString())));

        assertThat(result.isSuccess()).isFalse();
        assertThat(result.message()).contains("it is a symbolic link");
        assertThat(outside.resolve("precious.log.1")).exists();
    }

    @Test
    void aDirectoryReachedThroughASymbolicLinkIsRefusedNamingTheRealPath() throws Exception {
        Files.createDirectory(outside.resolve("deeper"));
        old(outside.resolve("deeper/precious.log.2"), 10);

        RepairResult result = delete(spec(List.of(logs.resolve("linked-dir/deeper").toString())));

        assertThat(result.isSuccess()).isFalse();
        assertThat(result.message()).contains("is reached through a symbolic link (it is really " + outside.resolve("deeper").toRealPath());
        assertThat(outside.resolve("deeper/precious.log.2")).exists();
    }

    @Test
    void relativeDirectoriesAndTheRootAreRefused() throws Exception {
        assertThat(delete(spec(List.of("logs"))).message()).contains("is not an absolute path");
        assertThat(delete(spec(List.of("/"))).message()).contains("is the root directory");
    }

    @Test
    void aPatternWithAPathSeparatorIsRefused() throws Exception {
        RepairResult result = delete(Map.of("directories", List.of(logs.toString()), "patterns", List.of("../outside/*"),
            "older-than", "7d"));

        assertThat(result.message()).contains("pattern '../outside/*' contains a path separator");
        assertThat(outside.resolve("precious.log.1")).exists();
    }

    @Test
    void deletingNothingIsAFailedRepair() throws Exception {
        RepairResult result = delete(Map.of("directories", List.of(logs.toString()), "patterns", List.of("*.gz"),
            "older-than", "7d"));

        assertThat(result.isSuccess()).isFalse();
        assertThat(result.message()).startsWith("deleted nothing: no files matching *.gz older than 7d in " + logs);
    }

    @Test
    void throughTheHealingLoopASweepThatCannotFreeEnoughIsStillFailing() throws IOException {
        long total = Files.getFileStore(logs).getTotalSpace();

        TestRun run = withTargets("disks", target("logs", "path", logs.toString(), "min-free-bytes", total + 1,
            "repair", Map.of("delete-old-files", spec(List.of(logs.toString()))))).run("DiskChecks.*");

        assertThat(run.reason("DiskChecks.hasFreeSpace[logs]")).isEqualTo(Reason.STILL_FAILING);
        assertThat(run.repairs()).singleElement().satisfies(repair -> {
            assertThat(repair.outcome()).isEqualTo(RepairOutcome.SUCCEEDED);
            assertThat(repair.details()).containsEntry("freed-bytes", "1500");
            assertThat(repair.log()).anySatisfy(line -> assertThat(line).contains("deleted " + logs.resolve("app.log.1")));
        });
        assertThat(logs.resolve("app.log.1")).doesNotExist();
    }
}
