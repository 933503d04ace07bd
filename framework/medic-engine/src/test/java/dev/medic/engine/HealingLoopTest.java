package dev.medic.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.engine.config.CheckOptions;
import dev.medic.engine.config.MedicConfig;
import dev.medic.engine.config.Option;
import dev.medic.engine.config.PackageConfig;
import dev.medic.engine.internal.store.InMemoryStore;
import dev.medic.engine.spi.RunListener;
import dev.medic.engine.testing.PackageJar;

class HealingLoopTest {

    @TempDir
    Path dir;

    private final List<Measurement> measurements = new ArrayList<>();

    private static final String MARKER_CHECK = """
        package acme;
        import static org.assertj.core.api.Assertions.assertThat;
        import java.nio.file.Path;
        import dev.medic.api.*;
        @RepairWith(%s.class)
        class MarkerChecks {
            @Check
            void markerExists(@Setting("marker") Path marker) {
                assertThat(marker).as("marker file").exists();
            }
        }
        """;

    private static String repair(String name, String body) {
        return """
            package acme;
            import java.nio.file.*;
            import dev.medic.api.*;
            class %s implements Repair {
                @Override
                public RepairResult repair(RepairContext context) throws Exception {
                    Path marker = context.settings().get("marker", Path.class);
                    %s
                }
            }
            """.formatted(name, body);
    }

    private Path marker() {
        return dir.resolve("marker");
    }

    private Path packages() {
        return dir.resolve("packages");
    }

    private MedicConfig config(String packageId, CheckOptions options) {
        return MedicConfig.inDirectory(dir.resolve("state")).withPackagesDir(packages())
            .withPackage(packageId, new PackageConfig(options, Map.of("marker", marker().toString()), Map.of(), 0));
    }

    private RunReport run(RunMode mode, CheckOptions options) {
        try (Medic medic = Medic.builder(config("acme", options)).store(new InMemoryStore()).sleeper(duration -> { })
                .listener(new RunListener() {
                    @Override
                    public void measured(Measurement measurement) {
                        measurements.add(measurement);
                    }
                }).build()) {
            return medic.run(mode, Selection.all());
        }
    }

    private void markerPackage(String repairName, String repairBody) throws IOException {
        PackageJar.named("acme")
            .source("acme.MarkerChecks", MARKER_CHECK.formatted(repairName))
            .source("acme." + repairName, repair(repairName, repairBody))
            .writeJar(packages());
    }

    private static CheckRecord only(RunReport report) {
        assertThat(report.checks()).hasSize(1);
        return report.checks().get(0);
    }

    @Test
    void passingCheckIsHealthyAndRunsNoRepair() throws IOException {
        markerPackage("CreateMarker", "Files.createFile(marker); return RepairResult.succeeded(\"created\");");
        Files.createFile(marker());

        RunReport report = run(RunMode.RUN, CheckOptions.inherit());

        assertThat(only(report).outcome()).isEqualTo(Outcome.HEALTHY);
        assertThat(report.repairs()).isEmpty();
        assertThat(report.exitCode()).isZero();
    }

    @Test
    void repairThatFixesTheCheckGivesRepairedAfterAPassingRetest() throws IOException {
        markerPackage("CreateMarker", "Files.createFile(marker); return RepairResult.succeeded(\"created it\");");

        RunReport report = run(RunMode.RUN, CheckOptions.inherit());

        CheckRecord record = only(report);
        assertThat(record.outcome()).isEqualTo(Outcome.REPAIRED);
        assertThat(record.attempts()).as("the check, its recheck, and one retest").isEqualTo(3);
        assertThat(record.repair()).isEqualTo("CreateMarker");
        assertThat(record.message()).contains("marker file").contains("created it");
        assertThat(report.repairs()).singleElement().extracting(RepairRecord::outcome).isEqualTo(RepairOutcome.SUCCEEDED);
        assertThat(marker()).exists();
        assertThat(report.exitCode()).isZero();
    }

    @Test
    void repairThatThrowsIsNeverCountedAsSuccess() throws IOException {
        markerPackage("ExplodingRepair", "throw new java.io.IOException(\"disk on fire\");");

        RunReport report = run(RunMode.RUN, CheckOptions.inherit());

        CheckRecord record = only(report);
        assertThat(record.outcome()).isEqualTo(Outcome.UNRESOLVED);
        assertThat(record.reason()).isEqualTo(Reason.REPAIR_FAILED);
        assertThat(record.message()).contains("IOException: disk on fire");
        assertThat(report.repairs()).singleElement().extracting(RepairRecord::outcome).isEqualTo(RepairOutcome.THREW);
        assertThat(report.exitCode()).isEqualTo(ExitCodes.UNRESOLVED);
    }

    @Test
    void repairThatThrowsAnErrorIsRecordedAsThrown() throws IOException {
        markerPackage("ErrorRepair", "throw new StackOverflowError(\"recursed\");");

        RunReport report = run(RunMode.RUN, CheckOptions.inherit());

        assertThat(only(report).reason()).isEqualTo(Reason.REPAIR_FAILED);
        assertThat(report.repairs()).singleElement().extracting(RepairRecord::outcome).isEqualTo(RepairOutcome.THREW);
    }

    @Test
    void repairThatHangsIsAbandonedAtItsTimeoutAndTheRunGoesOn() throws IOException {
        markerPackage("HangingRepair", "while (true) { try { Thread.sleep(1000); } catch (InterruptedException ignored) { } }");
        CheckOptions shortRepair = CheckOptions.inherit().with(Option.REPAIR_TIMEOUT, Duration.ofMillis(300));

        RunReport report = run(RunMode.RUN, shortRepair);

        CheckRecord record = only(report);
        assertThat(record.reason()).isEqualTo(Reason.REPAIR_FAILED);
        assertThat(record.message()).contains("did not finish within 300ms");
        assertThat(report.repairs()).singleElement().extracting(RepairRecord::outcome).isEqualTo(RepairOutcome.TIMED_OUT);
    }

    @Test
    void repairThatReportsFailureIsRepairFailed() throws IOException {
        markerPackage("RefusingRepair", "return RepairResult.failed(\"no permission to create it\");");

        RunReport report = run(RunMode.RUN, CheckOptions.inherit());

        CheckRecord record = only(report);
        assertThat(record.reason()).isEqualTo(Reason.REPAIR_FAILED);
        assertThat(record.message()).contains("no permission to create it");
        assertThat(report.repairs()).singleElement().extracting(RepairRecord::outcome).isEqualTo(RepairOutcome.FAILED);
    }

    @Test
    void repairReturningNullIsAFailedRepair() throws IOException {
        markerPackage("NullRepair", "return null;");

        RunReport report = run(RunMode.RUN, CheckOptions.inherit());

        assertThat(only(report).reason()).isEqualTo(Reason.REPAIR_FAILED);
        assertThat(report.repairs()).singleElement().extracting(RepairRecord::outcome).isEqualTo(RepairOutcome.FAILED);
    }

    @Test
    void repairThatClaimsSuccessWhileTheRetestFailsIsStillFailing() throws IOException {
        markerPackage("LyingRepair", "return RepairResult.succeeded(\"all good, trust me\");");

        RunReport report = run(RunMode.RUN, CheckOptions.inherit());

        CheckRecord record = only(report);
        assertThat(record.outcome()).isEqualTo(Outcome.UNRESOLVED);
        assertThat(record.reason()).isEqualTo(Reason.STILL_FAILING);
        assertThat(record.attempts()).as("the check, its recheck, and three retests").isEqualTo(5);
        assertThat(record.message()).contains("marker file").contains("all good, trust me");
    }

    @Test
    void checkModeNeverRunsARepair() throws IOException {
        markerPackage("CreateMarker", "Files.createFile(marker); return RepairResult.succeeded(\"created\");");

        RunReport report = run(RunMode.CHECK, CheckOptions.inherit());

        assertThat(only(report).reason()).isEqualTo(Reason.CHECK_ONLY);
        assertThat(report.repairs()).isEmpty();
        assertThat(marker()).doesNotExist();
        assertThat(report.exitCode()).isEqualTo(ExitCodes.UNRESOLVED);
    }

    @Test
    void reportOnlyChecksAreNotRepaired() throws IOException {
        markerPackage("CreateMarker", "Files.createFile(marker); return RepairResult.succeeded(\"created\");");
        CheckOptions reportOnly = CheckOptions.inherit().with(Option.REPORT_ONLY, true);

        RunReport report = run(RunMode.RUN, reportOnly);

        assertThat(only(report).reason()).isEqualTo(Reason.SUPPRESSED);
        assertThat(marker()).doesNotExist();
    }

    @Test
    void checkWithoutRepairIsUnresolvedWithNoRepair() throws IOException {
        PackageJar.named("acme").source("acme.Lonely", """
            package acme;
            import static org.assertj.core.api.Assertions.assertThat;
            import dev.medic.api.Check;
            class Lonely {
                @Check
                void answer() {
                    assertThat(41).as("the answer").isEqualTo(42);
                }
            }
            """).writeJar(packages());

        CheckRecord record = only(run(RunMode.RUN, CheckOptions.inherit()));

        assertThat(record.reason()).isEqualTo(Reason.NO_REPAIR);
        assertThat(record.message()).contains("[the answer]").contains("42");
        assertThat(record.check().name()).isEqualTo("Lonely.answer");
    }

    @Test
    void checkThatHangsIsStoppedAtItsTimeoutAndTheOtherChecksStillRun() throws IOException {
        PackageJar.named("acme").source("acme.Slow", """
            package acme;
            import dev.medic.api.Check;
            class Slow {
                @Check
                void hangs() throws Exception {
                    while (true) { try { Thread.sleep(1000); } catch (InterruptedException ignored) { } }
                }
                @Check
                void passes() {
                }
            }
            """).writeJar(packages());
        CheckOptions shortCheck = CheckOptions.inherit().with(Option.TIMEOUT, Duration.ofMillis(300));

        RunReport report = run(RunMode.RUN, shortCheck);

        assertThat(report.checks()).extracting(record -> record.check().name(), CheckRecord::outcome)
            .containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("Slow.hangs", Outcome.UNRESOLVED),
                org.assertj.core.groups.Tuple.tuple("Slow.passes", Outcome.HEALTHY));
        assertThat(report.checks()).filteredOn(record -> record.check().name().equals("Slow.hangs"))
            .singleElement().extracting(CheckRecord::message).asString().contains("timed out after 300ms");
    }

    @Test
    void checkThatThrowsAnErrorIsRecordedAndOtherPackagesStillRun() throws IOException {
        PackageJar.named("broken").source("broken.Boom", """
            package broken;
            import dev.medic.api.Check;
            class Boom {
                @Check
                void throwsError() {
                    throw new OutOfMemoryError("simulated");
                }
            }
            """).writeJar(packages());
        PackageJar.named("fine").source("fine.Fine", """
            package fine;
            import dev.medic.api.Check;
            class Fine {
                @Check
                void passes() {
                }
            }
            """).writeJar(packages());

        RunReport report = run(RunMode.RUN, CheckOptions.inherit());

        assertThat(report.checks()).extracting(record -> record.check().toString(), CheckRecord::outcome)
            .contains(org.assertj.core.groups.Tuple.tuple("fine/Fine.passes", Outcome.HEALTHY));
        assertThat(report.checks()).filteredOn(record -> record.check().packageId().equals("broken"))
            .isNotEmpty().allSatisfy(record -> {
                assertThat(record.outcome()).isEqualTo(Outcome.UNRESOLVED);
                assertThat(record.message()).contains("OutOfMemoryError");
            });
    }

    @Test
    void failedAssumptionMeansSkipped() throws IOException {
        PackageJar.named("acme").source("acme.WindowsOnly", """
            package acme;
            import static org.junit.jupiter.api.Assumptions.assumeTrue;
            import dev.medic.api.Check;
            class WindowsOnly {
                @Check
                void serviceRuns() {
                    assumeTrue(false, "only on Windows");
                }
            }
            """).writeJar(packages());

        RunReport report = run(RunMode.RUN, CheckOptions.inherit());

        CheckRecord record = only(report);
        assertThat(record.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(record.message()).contains("only on Windows");
        assertThat(report.exitCode()).isZero();
    }

    @Test
    void parameterizedCheckGivesOneRecordPerInvocation() throws IOException {
        PackageJar.named("acme").source("acme.Numbers", """
            package acme;
            import static org.assertj.core.api.Assertions.assertThat;
            import org.junit.jupiter.params.ParameterizedTest;
            import org.junit.jupiter.params.provider.ValueSource;
            class Numbers {
                @ParameterizedTest(name = "{0}")
                @ValueSource(ints = {2, 3, 4})
                void isEven(int number) {
                    assertThat(number % 2).as("remainder of " + number).isZero();
                }
            }
            """).writeJar(packages());

        RunReport report = run(RunMode.RUN, CheckOptions.inherit());

        assertThat(report.checks()).extracting(record -> record.check().name(), CheckRecord::outcome)
            .containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("Numbers.isEven[2]", Outcome.HEALTHY),
                org.assertj.core.groups.Tuple.tuple("Numbers.isEven[3]", Outcome.UNRESOLVED),
                org.assertj.core.groups.Tuple.tuple("Numbers.isEven[4]", Outcome.HEALTHY));
    }

    @Test
    void failingBeforeAllFailsEveryCheckOfTheClassWithItsReason() throws IOException {
        PackageJar.named("acme").source("acme.Setup", """
            package acme;
            import org.junit.jupiter.api.BeforeAll;
            import dev.medic.api.Check;
            class Setup {
                @BeforeAll
                static void connect() {
                    throw new IllegalStateException("database unreachable");
                }
                @Check
                void first() {
                }
                @Check
                void second() {
                }
            }
            """).writeJar(packages());

        RunReport report = run(RunMode.RUN, CheckOptions.inherit());

        assertThat(report.checks()).hasSize(2).allSatisfy(record -> {
            assertThat(record.outcome()).isEqualTo(Outcome.UNRESOLVED);
            assertThat(record.message()).contains("database unreachable");
        });
    }

    @Test
    void packageThatIsNotAPackageIsReportedAndTheOthersRun() throws IOException {
        Files.createDirectories(packages());
        Files.write(packages().resolve("garbage.jar"), new byte[] {1, 2, 3});
        PackageJar.named("fine").source("fine.Fine", """
            package fine;
            class Fine {
                @dev.medic.api.Check
                void passes() {
                }
            }
            """).writeJar(packages());

        RunReport report = run(RunMode.RUN, CheckOptions.inherit());

        assertThat(report.checks()).extracting(record -> record.check().toString(), CheckRecord::outcome, CheckRecord::reason)
            .containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("fine/Fine.passes", Outcome.HEALTHY, Reason.NONE),
                org.assertj.core.groups.Tuple.tuple("garbage.jar/_package", Outcome.UNRESOLVED, Reason.LOAD_FAILED));
        assertThat(report.exitCode()).isEqualTo(ExitCodes.UNRESOLVED);
    }

    @Test
    void statsAndCheckMeasurementsReachTheListeners() throws IOException {
        PackageJar.named("acme").source("acme.Numbers", """
            package acme;
            import java.util.Map;
            import dev.medic.api.*;
            class Numbers {
                @Check
                void measuresWhileChecking(Measurements measurements) {
                    measurements.record("acme.queue_depth", 7, Map.of("queue", "mail"));
                }
                @Stats
                void diskUsage(Measurements measurements, @Setting("marker") String marker) {
                    measurements.record("acme.disk_used_pct", 42.5);
                }
            }
            """).writeJar(packages());

        RunReport report = run(RunMode.RUN, CheckOptions.inherit());

        assertThat(report.checks()).singleElement().extracting(CheckRecord::outcome).isEqualTo(Outcome.HEALTHY);
        assertThat(measurements).extracting(Measurement::source, Measurement::name, Measurement::value, Measurement::tags)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple("Numbers.measuresWhileChecking", "acme.queue_depth", 7.0, Map.of("queue", "mail")),
                org.assertj.core.groups.Tuple.tuple("Numbers.diskUsage", "acme.disk_used_pct", 42.5, Map.of()));
    }

    @Test
    void checkModeRunsNoStats() throws IOException {
        PackageJar.named("acme").source("acme.Numbers", """
            package acme;
            import dev.medic.api.*;
            class Numbers {
                @Stats
                void count(Measurements measurements) {
                    measurements.record("acme.count", 1);
                }
            }
            """).writeJar(packages());

        run(RunMode.CHECK, CheckOptions.inherit());

        assertThat(measurements).isEmpty();
    }
}
