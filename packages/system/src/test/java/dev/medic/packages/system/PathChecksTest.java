package dev.medic.packages.system;

import static dev.medic.packages.system.SystemPackage.measured;
import static dev.medic.packages.system.SystemPackage.target;
import static dev.medic.packages.system.SystemPackage.withTargets;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.engine.Outcome;
import dev.medic.test.TestRun;

/** A path exists with a type, mode and owner, against real files with real permissions. */
class PathChecksTest {

    @TempDir
    Path dir;

    private Path config;
    private String owner;
    private String group;

    @BeforeEach
    void writeConfigFile() throws IOException {
        config = Files.writeString(dir.resolve("app.conf"), "port=8080\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r-----"));
        owner = Files.getOwner(config).getName();
        group = Files.readAttributes(config, java.nio.file.attribute.PosixFileAttributes.class).group().getName();
    }

    @Test
    void aFileWithTheDeclaredTypeModeOwnerAndGroupIsHealthy() {
        TestRun run = withTargets("paths", target("config", "path", config.toString(), "type", "file", "mode", "0640",
            "owner", owner, "group", group)).check();

        assertThat(run.outcome("PathChecks.exists[config]")).isEqualTo(Outcome.HEALTHY);
    }

    @Test
    void aModeWrittenAsAnUnquotedNumberIsReadAsOctal() {
        // an unquoted 0640 in medic.yml reaches the package as the number 640
        TestRun run = withTargets("paths", target("config", "path", config.toString(), "mode", 640)).check();

        assertThat(run.outcome("PathChecks.exists[config]")).isEqualTo(Outcome.HEALTHY);
    }

    @Test
    void everyDifferenceIsReportedAtOnce() {
        TestRun run = withTargets("paths", target("config", "path", config.toString(), "type", "directory", "mode", "0600",
            "owner", "no-such-user-of-medic", "group", "no-such-group-of-medic")).check();

        assertThat(run.outcome("PathChecks.exists[config]")).isEqualTo(Outcome.UNRESOLVED);
        assertThat(run.check("PathChecks.exists[config]").message())
            .contains("how " + config + " differs from what path target 'config' declares")
            .contains("is a regular file, expected a directory")
            .contains("has mode 0640, expected 0600")
            .contains("is owned by " + owner + ", expected no-such-user-of-medic")
            .contains("has group " + group + ", expected no-such-group-of-medic");
    }

    @Test
    void aMissingPathFails() {
        TestRun run = withTargets("paths", target("pid", "path", dir.resolve("app.pid").toString())).check();

        assertThat(run.outcome("PathChecks.exists[pid]")).isEqualTo(Outcome.UNRESOLVED);
        assertThat(run.check("PathChecks.exists[pid]").message()).contains("does not exist");
    }

    @Test
    void aDirectoryIsHealthyAsADirectory() throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-x---"));

        TestRun run = withTargets("paths", target("data", "path", data.toString(), "type", "directory", "mode", "750")).check();

        assertThat(run.outcome("PathChecks.exists[data]")).isEqualTo(Outcome.HEALTHY);
    }

    @Test
    void aSymbolicLinkIsCheckedItselfWhenDeclaredAsOne() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("current.conf"), config);

        TestRun asLink = withTargets("paths", target("link", "path", link.toString(), "type", "symlink")).check();
        TestRun asFile = withTargets("paths", target("link", "path", config.toString(), "type", "symlink")).check();

        assertThat(asLink.outcome("PathChecks.exists[link]")).isEqualTo(Outcome.HEALTHY);
        assertThat(asFile.check("PathChecks.exists[link]").message()).contains("is a regular file, expected a symbolic link");
    }

    @Test
    void aDanglingSymbolicLinkFailsNamingWhereItPoints() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("gone.conf"), dir.resolve("gone"));

        TestRun run = withTargets("paths", target("link", "path", link.toString(), "type", "file")).check();

        assertThat(run.check("PathChecks.exists[link]").message()).contains("is a symbolic link to " + dir.resolve("gone"));
    }

    @Test
    void anOwnerCanBeGivenAsANumericId() throws IOException {
        String uid = String.valueOf(Files.getAttribute(config, "unix:uid"));

        TestRun run = withTargets("paths", target("config", "path", config.toString(), "owner", uid)).check();

        assertThat(run.outcome("PathChecks.exists[config]")).isEqualTo(Outcome.HEALTHY);
    }

    @Test
    void aModeThatIsNotOctalIsRefused() {
        TestRun run = withTargets("paths", target("config", "path", config.toString(), "mode", "0948")).check();

        assertThat(run.check("PathChecks.exists[config]").message()).contains("expected octal permission bits");
    }

    @Test
    void aCommandRepairCanCreateTheMissingPath() {
        Path pid = dir.resolve("run").resolve("app");

        TestRun run = withTargets("paths", target("run", "path", pid.toString(), "type", "directory",
            "repair", Map.of("command", java.util.List.of("mkdir", "-p", pid.toString())))).run("PathChecks.*");

        assertThat(run.outcome("PathChecks.exists[run]")).isEqualTo(Outcome.REPAIRED);
        assertThat(pid).isDirectory();
    }

    @Test
    void statsRecordWhetherThePathExists() {
        TestRun run = withTargets("paths", target("config", "path", config.toString()),
            target("pid", "path", dir.resolve("app.pid").toString())).run();

        assertThat(measured(run, "system.path.exists", "config")).containsExactly(1.0);
        assertThat(measured(run, "system.path.exists", "pid")).containsExactly(0.0);
    }
}
