package dev.medic.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.config.ConfigProblem;
import dev.medic.engine.config.CheckConfig;
import dev.medic.engine.config.CheckOptions;
import dev.medic.engine.config.MedicConfig;
import dev.medic.engine.config.Option;
import dev.medic.engine.config.PackageConfig;
import dev.medic.engine.testing.PackageJar;

/** Targets declared in YAML, each its own check: {@code @CheckEach}. */
class CheckEachTest {

    @TempDir
    Path dir;

    @BeforeEach
    void buildPackage() throws IOException {
        PackageJar.named("files").source("files.FileChecks", """
            package files;
            import static org.assertj.core.api.Assertions.assertThat;
            import java.nio.file.*;
            import dev.medic.api.*;
            class FileChecks {
                @CheckEach("targets")
                @RepairWith(CreateFile.class)
                void exists(Target target) throws Exception {
                    Files.writeString(Path.of(target.get("ran")).resolve("ran-" + target.name()), "yes");
                    assertThat(Path.of(target.get("file"))).as("file of target " + target.name()).exists();
                }
            }
            """).source("files.CreateFile", """
            package files;
            import java.nio.file.*;
            import dev.medic.api.*;
            class CreateFile implements Repair {
                public RepairResult repair(RepairContext context) throws Exception {
                    Path file = Path.of(context.settings().get("file"));
                    Files.createFile(file);
                    return RepairResult.succeeded("created " + file.getFileName());
                }
            }
            """).writeJar(dir.resolve("packages"));
    }

    private MedicConfig config(List<Map<String, Object>> targets) {
        return MedicConfig.inDirectory(dir.resolve("state")).withPackagesDir(dir.resolve("packages"))
            .withPackage("files", new PackageConfig(CheckOptions.inherit(),
                Map.of("ran", dir.toString(), "targets", targets), Map.of(), 3));
    }

    private List<Map<String, Object>> targets() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "present");
        return List.of(
            Map.of("name", "a", "file", dir.resolve("a.txt").toString()),
            Map.of("name", "b", "file", dir.resolve("b.txt").toString()),
            Map.of("name", "off", "file", dir.resolve("off.txt").toString(), "enabled", false));
    }

    @Test
    void eachTargetIsItsOwnCheckAndItsRepairGetsTheTargetsValues() throws IOException {
        try (Medic medic = Medic.builder(config(targets())).sleeper(duration -> { }).build()) {
            RunReport report = medic.run(RunMode.RUN, Selection.all());

            assertThat(report.checks()).extracting(record -> record.check().name(), CheckRecord::outcome)
                .containsExactly(tuple("FileChecks.exists[a]", Outcome.HEALTHY), tuple("FileChecks.exists[b]", Outcome.REPAIRED));
            assertThat(dir.resolve("b.txt")).exists();
            assertThat(dir.resolve("off.txt")).doesNotExist();
            assertThat(dir.resolve("ran-off")).doesNotExist();
        }
    }

    @Test
    void anEmptyOrAllDisabledListRunsNoCheckAndRecordsNothing() {
        List<Map<String, Object>> allOff = List.of(Map.of("name", "off", "file", "/x", "enabled", false));

        for (List<Map<String, Object>> targets : List.of(List.<Map<String, Object>>of(), allOff)) {
            try (Medic medic = Medic.builder(config(targets)).sleeper(duration -> { }).build()) {
                RunReport report = medic.run(RunMode.RUN, Selection.all());

                assertThat(report.checks()).as("records for targets %s", targets).isEmpty();
                assertThat(report.problems()).isEmpty();
                assertThat(medic.inventory().get(0).checks()).isEmpty();
            }
        }
    }

    @Test
    void listShowsEveryEnabledTarget() throws IOException {
        try (Medic medic = Medic.builder(config(targets())).sleeper(duration -> { }).build()) {
            PackageInfo info = medic.inventory().get(0);

            assertThat(info.checks()).extracting(check -> check.id().name(), CheckInfo::repair)
                .containsExactly(tuple("FileChecks.exists[a]", "CreateFile"), tuple("FileChecks.exists[b]", "CreateFile"));
        }
    }

    @Test
    void selectingOneTargetRunsOnlyThatTarget() throws IOException {
        try (Medic medic = Medic.builder(config(targets())).sleeper(duration -> { }).build()) {
            RunReport report = medic.run(RunMode.CHECK, Selection.of("files", "FileChecks.exists[b]"));

            assertThat(report.checks()).extracting(record -> record.check().name()).containsExactly("FileChecks.exists[b]");
            assertThat(dir.resolve("ran-b")).exists();
            assertThat(dir.resolve("ran-a")).doesNotExist();
        }
    }

    @Test
    void targetsWithoutNamesOrWithTheSameNameAreReported() {
        List<Map<String, Object>> unnamed = List.of(Map.of("file", "/x"));
        List<Map<String, Object>> twins = List.of(Map.of("name", "t", "file", "/x"), Map.of("name", "t", "file", "/y"));

        try (Medic first = Medic.builder(config(unnamed)).sleeper(duration -> { }).build(); Medic second = Medic.builder(config(twins)).sleeper(duration -> { }).build()) {
            assertThat(first.validate()).extracting(ConfigProblem::key, ConfigProblem::message).contains(tuple(
                "packages.files.settings.targets", "check FileChecks.exists: every entry of setting 'targets' needs a name; found {file=/x}"));
            assertThat(second.validate()).extracting(ConfigProblem::message).contains(
                "check FileChecks.exists: setting 'targets' has two targets named 't'; names must be unique");
            assertThat(first.inventory().get(0).problems()).singleElement().asString().contains("needs a name");
        }
    }

    @Test
    void anInvocationEntryMayNotSetWhatIsDecidedPerMethod() throws IOException {
        Map<String, CheckConfig> checks = Map.of(
            "FileChecks.exists[a]", new CheckConfig(CheckOptions.inherit().with(Option.ENABLED, false)
                .with(Option.TIMEOUT, java.time.Duration.ofSeconds(5)), Map.of(), 7, List.of()),
            "FileChecks.exists[b]", new CheckConfig(CheckOptions.inherit().with(Option.REPORT_ONLY, true), Map.of(), 9, List.of()));
        MedicConfig config = MedicConfig.inDirectory(dir.resolve("state")).withPackagesDir(dir.resolve("packages"))
            .withPackage("files", new PackageConfig(CheckOptions.inherit(),
                Map.of("ran", dir.toString(), "targets", targets()), checks, 3));

        try (Medic medic = Medic.builder(config).sleeper(duration -> { }).build()) {
            assertThat(medic.validate()).extracting(ConfigProblem::line, ConfigProblem::key, ConfigProblem::message)
                .containsExactlyInAnyOrder(
                    tuple(7, "packages.files.checks.FileChecks.exists[a].enabled", "'enabled' applies to every invocation"
                        + " of a method; write it under 'FileChecks.exists' (on one invocation it would be ignored)"),
                    tuple(7, "packages.files.checks.FileChecks.exists[a].timeout", "'timeout' applies to every invocation"
                        + " of a method; write it under 'FileChecks.exists' (on one invocation it would be ignored)"));
        }
    }
}
