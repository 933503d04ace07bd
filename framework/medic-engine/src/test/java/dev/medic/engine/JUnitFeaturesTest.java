package dev.medic.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.engine.config.CheckOptions;
import dev.medic.engine.config.MedicConfig;
import dev.medic.engine.config.PackageConfig;
import dev.medic.engine.internal.store.InMemoryStore;
import dev.medic.engine.testing.PackageJar;

/** Checks keep their JUnit meaning when Medic runs them. */
class JUnitFeaturesTest {

    @TempDir
    Path dir;

    private Path packages() {
        return dir.resolve("packages");
    }

    /** Where checks and repairs of a test keep their marker and counter files (setting "work"). */
    private Path work() {
        return dir.resolve("work");
    }

    private MedicConfig config() throws IOException {
        Files.createDirectories(work());
        return MedicConfig.inDirectory(dir.resolve("state")).withPackagesDir(packages())
            .withPackage("acme", new PackageConfig(CheckOptions.inherit(), Map.of("work", work().toString()), Map.of(), 0));
    }

    private RunReport run() throws IOException {
        try (Medic medic = Medic.builder(config()).store(new InMemoryStore()).sleeper(duration -> { }).build()) {
            return medic.run(RunMode.RUN, Selection.all());
        }
    }

    private List<PackageInfo> inventory() throws IOException {
        try (Medic medic = Medic.builder(config()).sleeper(duration -> { }).build()) {
            return medic.inventory();
        }
    }

    private static CheckRecord record(RunReport report, String name) {
        return report.checks().stream().filter(record -> record.check().name().equals(name)).findFirst()
            .orElseThrow(() -> new AssertionError("no record for " + name + " in " + report.checks()));
    }

    /** The lines of a counter file that checks append to each time they run; none when absent. */
    private List<String> lines(String file) throws IOException {
        Path path = work().resolve(file);
        return Files.exists(path) ? Files.readAllLines(path) : List.of();
    }

    /** A repair that creates the marker file named in brackets in its check's name, or "marker". */
    private static final String MARKER_REPAIR = """
        package acme;
        import java.nio.file.*;
        import dev.medic.api.*;
        class CreateMarker implements Repair {
            @Override
            public RepairResult repair(RepairContext context) throws Exception {
                String name = context.check().name();
                String marker = name.contains("[") ? name.substring(name.indexOf('[') + 1, name.length() - 1) : "marker";
                Files.createFile(context.settings().get("work", Path.class).resolve(marker));
                return RepairResult.succeeded("created " + marker);
            }
        }
        """;

    @Test
    void disabledCheckIsSkippedWithTheReason() throws IOException {
        PackageJar.named("acme").source("acme.Later", """
            package acme;
            import org.junit.jupiter.api.Disabled;
            import dev.medic.api.Check;
            class Later {
                @Check
                @Disabled("waiting for the new disk array")
                void diskArray() {
                    throw new AssertionError("must not run");
                }
                @Check
                void runs() {
                }
            }
            """).writeJar(packages());

        RunReport report = run();

        CheckRecord disabled = record(report, "Later.diskArray");
        assertThat(disabled.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(disabled.message()).contains("waiting for the new disk array").doesNotContain("must not run");
        assertThat(record(report, "Later.runs").outcome()).isEqualTo(Outcome.HEALTHY);
        assertThat(report.exitCode()).isZero();
    }

    @Test
    void checksOfADisabledClassAreSkippedWithTheReason() throws IOException {
        PackageJar.named("acme").source("acme.Retired", """
            package acme;
            import org.junit.jupiter.api.Disabled;
            import dev.medic.api.Check;
            @Disabled("service retired")
            class Retired {
                @Check
                void first() {
                    throw new AssertionError("must not run");
                }
                @Check
                void second() {
                    throw new AssertionError("must not run");
                }
            }
            """).writeJar(packages());

        RunReport report = run();

        assertThat(report.checks()).extracting(record -> record.check().name(), CheckRecord::outcome)
            .containsExactlyInAnyOrder(tuple("Retired.first", Outcome.SKIPPED), tuple("Retired.second", Outcome.SKIPPED));
        assertThat(report.checks()).allSatisfy(record -> assertThat(record.message()).contains("service retired"));
    }

    @Test
    void junitTimeoutOnACheckMakesItUnresolved() throws IOException {
        PackageJar.named("acme").source("acme.Sleepy", """
            package acme;
            import java.util.concurrent.TimeUnit;
            import org.junit.jupiter.api.Timeout;
            import dev.medic.api.Check;
            class Sleepy {
                @Check
                @Timeout(value = 200, unit = TimeUnit.MILLISECONDS)
                void sleeps() throws InterruptedException {
                    Thread.sleep(5000);
                }
            }
            """).writeJar(packages());

        RunReport report = run();

        CheckRecord record = record(report, "Sleepy.sleeps");
        assertThat(record.outcome()).isEqualTo(Outcome.UNRESOLVED);
        assertThat(record.reason()).isEqualTo(Reason.NO_REPAIR);
        assertThat(record.message()).contains("timed out");
    }

    private static final String DYNAMIC_CHECKS = """
        package acme;
        import static org.assertj.core.api.Assertions.assertThat;
        import static org.junit.jupiter.api.DynamicTest.dynamicTest;
        import java.nio.file.*;
        import java.util.stream.Stream;
        import org.junit.jupiter.api.DynamicTest;
        import org.junit.jupiter.api.TestFactory;
        import dev.medic.api.*;
        %s
        class Dynamic {
            @TestFactory
            Stream<DynamicTest> services(@Setting("work") Path work) {
                return Stream.of("a", "b").map(name -> dynamicTest(name, () -> {
                    Files.writeString(work.resolve("ran-" + name), name + "\\n",
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    if (name.equals("b")) {
                        assertThat(work.resolve("b")).as("marker b").exists();
                    }
                }));
            }
        }
        """;

    @Test
    void dynamicTestsAreChecksNamedAfterTheirDisplayNames() throws IOException {
        PackageJar.named("acme").source("acme.Dynamic", DYNAMIC_CHECKS.formatted("")).writeJar(packages());

        RunReport report = run();

        assertThat(report.checks()).extracting(record -> record.check().name(), CheckRecord::outcome)
            .containsExactlyInAnyOrder(tuple("Dynamic.services[a]", Outcome.HEALTHY), tuple("Dynamic.services[b]", Outcome.UNRESOLVED));
        assertThat(record(report, "Dynamic.services[b]").message()).contains("marker b");
    }

    @Test
    void repairOfAFailingDynamicTestRetestsOnlyThatDynamicTest() throws IOException {
        PackageJar.named("acme")
            .source("acme.Dynamic", DYNAMIC_CHECKS.formatted("@RepairWith(CreateMarker.class)"))
            .source("acme.CreateMarker", MARKER_REPAIR)
            .writeJar(packages());

        RunReport report = run();

        assertThat(report.checks()).extracting(record -> record.check().name(), CheckRecord::outcome, CheckRecord::attempts)
            .containsExactlyInAnyOrder(tuple("Dynamic.services[a]", Outcome.HEALTHY, 1),
                tuple("Dynamic.services[b]", Outcome.REPAIRED, 3));
        assertThat(report.repairs()).singleElement().extracting(repair -> repair.check().name())
            .isEqualTo("Dynamic.services[b]");
        assertThat(lines("ran-a")).as("runs of dynamic test a").hasSize(1);
        assertThat(lines("ran-b")).as("runs of dynamic test b: check, recheck, retest").hasSize(3);
    }

    @Test
    void repairOfAParameterizedCheckRepairsAndRetestsOnlyTheFailingInvocation() throws IOException {
        PackageJar.named("acme").source("acme.Markers", """
            package acme;
            import static org.assertj.core.api.Assertions.assertThat;
            import java.nio.file.*;
            import org.junit.jupiter.params.ParameterizedTest;
            import org.junit.jupiter.params.provider.ValueSource;
            import dev.medic.api.*;
            @RepairWith(CreateMarker.class)
            class Markers {
                @ParameterizedTest(name = "{0}")
                @ValueSource(ints = {1, 2, 3})
                void exists(int name, @Setting("work") Path work) throws Exception {
                    Files.writeString(work.resolve("ran-" + name), name + "\\n",
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    assertThat(work.resolve(String.valueOf(name))).as("marker " + name).exists();
                }
            }
            """).source("acme.CreateMarker", MARKER_REPAIR).writeJar(packages());
        Files.createDirectories(work());
        Files.createFile(work().resolve("1"));
        Files.createFile(work().resolve("3"));

        RunReport report = run();

        assertThat(report.checks()).extracting(record -> record.check().name(), CheckRecord::outcome)
            .containsExactlyInAnyOrder(
                tuple("Markers.exists[1]", Outcome.HEALTHY),
                tuple("Markers.exists[2]", Outcome.REPAIRED),
                tuple("Markers.exists[3]", Outcome.HEALTHY));
        assertThat(report.repairs()).singleElement().satisfies(repair -> {
            assertThat(repair.check().name()).isEqualTo("Markers.exists[2]");
            assertThat(repair.outcome()).isEqualTo(RepairOutcome.SUCCEEDED);
        });
        assertThat(lines("ran-1")).as("runs of invocation 1").hasSize(1);
        assertThat(lines("ran-2")).as("runs of invocation 2: check, recheck, retest").hasSize(3);
        assertThat(lines("ran-3")).as("runs of invocation 3").hasSize(1);
    }

    @Test
    void nestedChecksAreNamedAfterBothClassesAndInheritTheEnclosingClassRepair() throws IOException {
        PackageJar.named("acme").source("acme.Outer", """
            package acme;
            import static org.assertj.core.api.Assertions.assertThat;
            import java.nio.file.Path;
            import org.junit.jupiter.api.Nested;
            import dev.medic.api.*;
            @RepairWith(CreateMarker.class)
            class Outer {
                @Nested
                class Inner {
                    @Check
                    void markerExists(@Setting("work") Path work) {
                        assertThat(work.resolve("marker")).as("marker").exists();
                    }
                }
            }
            """).source("acme.CreateMarker", MARKER_REPAIR).writeJar(packages());

        List<PackageInfo> inventory = inventory();
        RunReport report = run();

        assertThat(inventory).singleElement().satisfies(info -> assertThat(info.checks())
            .extracting(check -> check.id().name(), CheckInfo::repair)
            .containsExactly(tuple("Outer.Inner.markerExists", "CreateMarker")));
        CheckRecord record = record(report, "Outer.Inner.markerExists");
        assertThat(record.outcome()).isEqualTo(Outcome.REPAIRED);
        assertThat(record.repair()).isEqualTo("CreateMarker");
        assertThat(work().resolve("marker")).exists();
    }

    @Test
    void runsAfterAnInventorySelectTheClassesItFoundAndRunTheSameChecksAndStats() throws IOException {
        PackageJar.named("acme").source("acme.Outer", """
            package acme;
            import org.junit.jupiter.api.Nested;
            import dev.medic.api.*;
            class Outer {
                @Check
                void top() {
                }
                @Nested
                class Inner {
                    @Check
                    void inner() {
                    }
                }
                @Stats
                void counts(Measurements measurements) {
                    measurements.record("acme.count", 1);
                }
            }
            """).source("acme.Other", """
            package acme;
            import dev.medic.api.*;
            class Other {
                @Check
                void other() {
                }
            }
            """).writeJar(packages());

        List<String> measuredIn = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Medic medic = Medic.builder(config()).store(new InMemoryStore()).sleeper(duration -> { })
                .listener(new dev.medic.engine.spi.RunListener() {
                    @Override
                    public void measured(Measurement measurement) {
                        measuredIn.add(measurement.runId());
                    }
                }).build()) {
            RunReport cold = medic.run(RunMode.RUN, Selection.all());
            medic.inventory();
            RunReport warm = medic.run(RunMode.RUN, Selection.all());
            assertThat(measuredIn).as("the stats ran in both runs").containsExactly(cold.run().runId(), warm.run().runId());
            RunReport one = medic.run(RunMode.RUN, Selection.of("acme", "Outer.Inner.*"));

            assertThat(warm.checks()).extracting(record -> record.check().name())
                .containsExactlyInAnyOrder("Outer.top", "Outer.Inner.inner", "Other.other")
                .containsExactlyInAnyOrderElementsOf(cold.checks().stream().map(record -> record.check().name()).toList());
            assertThat(warm.run().healthy()).isEqualTo(3);
            assertThat(one.checks()).extracting(record -> record.check().name()).containsExactly("Outer.Inner.inner");
        }
    }

    @Test
    void displayNamesAndTagsAreVisibleInTheInventory() throws IOException {
        PackageJar.named("acme").source("acme.Disks", """
            package acme;
            import org.junit.jupiter.api.DisplayName;
            import org.junit.jupiter.api.Tag;
            import dev.medic.api.Check;
            @Tag("storage")
            class Disks {
                @Check
                @DisplayName("Root disk has room")
                @Tag("disk")
                @Tag("critical")
                void rootHasRoom() {
                }
                @Check
                void plain() {
                }
            }
            """).writeJar(packages());

        List<PackageInfo> inventory = inventory();

        assertThat(inventory).singleElement().satisfies(info -> assertThat(info.checks())
            .extracting(check -> check.id().name(), CheckInfo::displayName, CheckInfo::tags)
            .containsExactlyInAnyOrder(
                tuple("Disks.rootHasRoom", "Root disk has room", List.of("critical", "disk", "storage")),
                tuple("Disks.plain", "plain()", List.of("storage"))));
    }

    @Test
    void whatAChecksPrintsDoesNotReachTheRunnersOutput() throws IOException {
        PackageJar.named("acme").source("acme.Chatty", """
            package acme;
            import dev.medic.api.Check;
            class Chatty {
                @Check
                void talks() {
                    System.out.println("chatty-check-stdout-line");
                    System.err.println("chatty-check-stderr-line");
                }
                @Check
                void talksAndFails() {
                    System.out.println("chatty-failing-check-stdout-line");
                    throw new AssertionError("failed after talking");
                }
            }
            """).writeJar(packages());
        MedicConfig config = config();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        PrintStream capturedOut = new PrintStream(out, true, StandardCharsets.UTF_8);
        RunReport report;
        PrintStream afterTheRun;
        System.setOut(capturedOut);
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try (Medic medic = Medic.builder(config).store(new InMemoryStore()).sleeper(duration -> { }).build()) {
            report = medic.run(RunMode.RUN, Selection.all());
            afterTheRun = System.out;
            System.out.println("runner-line-after-the-run");
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }

        assertThat(record(report, "Chatty.talks").outcome()).isEqualTo(Outcome.HEALTHY);
        assertThat(record(report, "Chatty.talksAndFails").outcome()).isEqualTo(Outcome.UNRESOLVED);
        assertThat(out.toString(StandardCharsets.UTF_8))
            .doesNotContain("chatty-check-stdout-line")
            .doesNotContain("chatty-failing-check-stdout-line")
            .as("the runner's own output still reaches System.out").contains("runner-line-after-the-run");
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("chatty-check-stderr-line");
        assertThat(afterTheRun).as("System.out after the run").isSameAs(capturedOut);
    }
}
