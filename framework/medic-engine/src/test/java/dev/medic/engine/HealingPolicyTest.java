package dev.medic.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.api.CheckId;
import dev.medic.engine.config.CheckConfig;
import dev.medic.engine.config.CheckOptions;
import dev.medic.engine.config.MaintenanceWindow;
import dev.medic.engine.config.MedicConfig;
import dev.medic.engine.config.Option;
import dev.medic.engine.config.PackageConfig;
import dev.medic.engine.internal.store.InMemoryStore;
import dev.medic.engine.schedule.CronExpression;
import dev.medic.engine.testing.ManualClock;
import dev.medic.engine.testing.PackageJar;

/**
 * The healing policy, rule by rule, with a manual clock: nothing sleeps. The package under test
 * is scripted through files in a work directory: {@code fail-once} makes the next execution fail,
 * {@code up} is what the check wants, and the repair's behaviour is chosen in {@code repair-mode}.
 */
class HealingPolicyTest {

    private static final Instant START = Instant.parse("2026-11-20T01:00:00Z");
    private static final CheckId UP = new CheckId("svc", "Svc.up");

    @TempDir
    Path dir;

    private Path work;
    private final ManualClock clock = new ManualClock(START);
    private final InMemoryStore store = new InMemoryStore();
    private CheckOptions options = CheckOptions.inherit().with(Option.REPAIR_BACKOFF, Duration.ZERO)
        .with(Option.RETEST_DELAY, Duration.ofSeconds(2)).with(Option.CONFIRM_DELAY, Duration.ofSeconds(5));
    private final Map<String, CheckConfig> checkConfigs = new java.util.LinkedHashMap<>();
    private List<MaintenanceWindow> maintenance = List.of();

    @BeforeEach
    void buildPackages() throws IOException {
        work = Files.createDirectories(dir.resolve("work"));
        PackageJar.named("svc").source("svc.Svc", """
            package svc;
            import static org.assertj.core.api.Assertions.*;
            import java.nio.file.*;
            import dev.medic.api.*;
            class Svc {
                static void count(Path work, String name) throws Exception {
                    Files.writeString(work.resolve(name), "x\\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
                @Check
                @RepairWith(Fix.class)
                void up(@Setting("work") Path work) throws Exception {
                    count(work, "executions");
                    if (Files.deleteIfExists(work.resolve("fail-once"))) {
                        fail("a blip");
                    }
                    Path countdown = work.resolve("countdown");
                    if (Files.exists(countdown)) {
                        int left = Integer.parseInt(Files.readString(countdown).strip());
                        if (left > 0) {
                            Files.writeString(countdown, String.valueOf(left - 1));
                            fail("still starting");
                        }
                    }
                    assertThat(work.resolve("up")).as("service").exists();
                }
                @Check
                @RepairWith(Fix.class)
                void dependent(@Setting("work") Path work) throws Exception {
                    assertThat(work.resolve("dependent-up")).as("dependent").exists();
                }
                @Check
                void base(@Setting("work") Path work) throws Exception {
                    assertThat(work.resolve("base-up")).as("base").exists();
                }
            }
            """).source("svc.Fix", """
            package svc;
            import java.nio.file.*;
            import dev.medic.api.*;
            class Fix implements Repair {
                public RepairResult repair(RepairContext context) throws Exception {
                    Path work = context.settings().get("work", Path.class);
                    Svc.count(work, "repairs-" + context.check().name());
                    Path modeFile = work.resolve("repair-mode");
                    String mode = Files.exists(modeFile) ? Files.readString(modeFile).strip() : "fix";
                    String marker = context.check().name().endsWith("dependent") ? "dependent-up" : "up";
                    if (mode.startsWith("slow:")) {
                        Files.writeString(work.resolve("countdown"), mode.substring(5));
                    }
                    if (!mode.equals("noop")) {
                        Files.writeString(work.resolve(marker), "up");
                    }
                    return RepairResult.succeeded("did " + mode);
                }
            }
            """).writeJar(dir.resolve("packages"));
    }

    private RunReport run(RunMode mode) {
        PackageConfig pkg = new PackageConfig(CheckOptions.inherit(), Map.of("work", work.toString()), checkConfigs, 0);
        MedicConfig config = MedicConfig.inDirectory(dir.resolve("state")).withPackagesDir(dir.resolve("packages"))
            .withDefaults(options).withPackage("svc", pkg).withMaintenance(maintenance);
        // A new engine each time, as a new process would be; only the store carries state over.
        try (Medic medic = Medic.builder(config).store(store).clock(clock).sleeper(clock).build()) {
            return medic.run(mode, Selection.of("svc", "Svc.up"));
        }
    }

    private RunReport runAll() {
        PackageConfig pkg = new PackageConfig(CheckOptions.inherit(), Map.of("work", work.toString()), checkConfigs, 0);
        MedicConfig config = MedicConfig.inDirectory(dir.resolve("state")).withPackagesDir(dir.resolve("packages"))
            .withDefaults(options).withPackage("svc", pkg);
        try (Medic medic = Medic.builder(config).store(store).clock(clock).sleeper(clock).build()) {
            return medic.run(RunMode.RUN, Selection.of("svc", "Svc.*"));
        }
    }

    private static CheckRecord up(RunReport report) {
        return report.checks().stream().filter(record -> record.check().equals(UP)).findFirst().orElseThrow();
    }

    private int lines(String file) throws IOException {
        Path path = work.resolve(file);
        return Files.exists(path) ? (int) Files.readAllLines(path).size() : 0;
    }

    private void write(String file, String content) throws IOException {
        Files.writeString(work.resolve(file), content);
    }

    @Test
    void aFlakyTargetThatFailsOneRunInFiveGetsNoRepairWithConfirmationOn() throws IOException {
        write("up", "up");
        List<Outcome> outcomes = new ArrayList<>();
        for (int run = 0; run < 20; run++) {
            if (run % 5 == 0) {
                write("fail-once", "blip");
            }
            outcomes.add(up(run(RunMode.RUN)).outcome());
            clock.advance(Duration.ofMinutes(5));
        }

        assertThat(outcomes).containsOnly(Outcome.HEALTHY);
        assertThat(lines("repairs-Svc.up")).isZero();
        assertThat(store.states(Selection.all()).get(UP).state()).isEqualTo(HealthState.HEALTHY);
    }

    @Test
    void withoutConfirmationTheSameBlipIsRepaired() throws IOException {
        options = options.with(Option.CONFIRM, 0);
        write("up", "up");
        write("fail-once", "blip");

        RunReport report = run(RunMode.RUN);

        assertThat(up(report).outcome()).isEqualTo(Outcome.REPAIRED);
        assertThat(lines("repairs-Svc.up")).isOne();
    }

    @Test
    void aRealOutageIsRepairedAtItsFirstConfirmedFailure() throws IOException {
        RunReport report = run(RunMode.RUN);

        CheckRecord record = up(report);
        assertThat(record.outcome()).isEqualTo(Outcome.REPAIRED);
        assertThat(record.attempts()).as("check, recheck, retest").isEqualTo(3);
        assertThat(lines("repairs-Svc.up")).isOne();
        assertThat(clock.sleeps()).as("one wait before the recheck").containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void aFailureIsRepairedOnlyAfterThresholdConsecutiveConfirmedFailuresCountedAcrossRuns() throws IOException {
        options = options.with(Option.THRESHOLD, 3);

        RunReport first = run(RunMode.RUN);
        RunReport second = run(RunMode.RUN);
        RunReport third = run(RunMode.RUN);

        assertThat(List.of(up(first), up(second), up(third))).extracting(CheckRecord::outcome, CheckRecord::reason)
            .containsExactly(tuple(Outcome.UNRESOLVED, Reason.BELOW_THRESHOLD), tuple(Outcome.UNRESOLVED, Reason.BELOW_THRESHOLD),
                tuple(Outcome.REPAIRED, Reason.NONE));
        assertThat(up(second).message()).contains("confirmed failure 2 in a row; repairs start at 3");
        assertThat(lines("repairs-Svc.up")).isOne();
    }

    @Test
    void aPassInBetweenResetsTheConsecutiveFailures() throws IOException {
        options = options.with(Option.THRESHOLD, 2);

        run(RunMode.RUN);
        write("up", "up");
        run(RunMode.RUN);
        Files.delete(work.resolve("up"));
        RunReport afterPass = run(RunMode.RUN);

        assertThat(up(afterPass).reason()).isEqualTo(Reason.BELOW_THRESHOLD);
        assertThat(up(afterPass).message()).contains("confirmed failure 1 in a row");
    }

    @Test
    void aServiceThatTakesTimeToComeUpIsRetestedWithADelayBetweenTries() throws IOException {
        write("repair-mode", "slow:2");

        RunReport report = run(RunMode.RUN);

        assertThat(up(report).outcome()).isEqualTo(Outcome.REPAIRED);
        assertThat(up(report).message()).contains("retest 3 of 3 passed");
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void fewerRetestsThanTheServiceNeedsLeaveItStillFailing() throws IOException {
        options = options.with(Option.RETESTS, 2);
        write("repair-mode", "slow:2");

        RunReport report = run(RunMode.RUN);

        assertThat(up(report).reason()).isEqualTo(Reason.STILL_FAILING);
        assertThat(up(report).message()).contains("all 2 retests still fail");
    }

    @Test
    void aRepairThatNeverHelpsStopsAfterMaxRepairsAndShowsGivenUp() throws IOException {
        options = options.with(Option.MAX_REPAIRS, 3);
        write("repair-mode", "noop");
        List<Reason> reasons = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            reasons.add(up(run(RunMode.RUN)).reason());
            clock.advance(Duration.ofMinutes(5));
        }

        assertThat(reasons).containsExactly(Reason.STILL_FAILING, Reason.STILL_FAILING, Reason.STILL_FAILING,
            Reason.GIVEN_UP, Reason.GIVEN_UP);
        assertThat(lines("repairs-Svc.up")).isEqualTo(3);
        assertThat(store.states(Selection.all()).get(UP).state()).isEqualTo(HealthState.GIVEN_UP);
    }

    @Test
    void aGivenUpCheckRecoversAfterRecoverAfterPassesInARowAndRepairsResume() throws IOException {
        options = options.with(Option.MAX_REPAIRS, 1).with(Option.RECOVER_AFTER, 2);
        write("repair-mode", "noop");
        run(RunMode.RUN);
        assertThat(up(run(RunMode.RUN)).reason()).isEqualTo(Reason.GIVEN_UP);

        write("up", "up");
        CheckRecord firstPass = up(run(RunMode.RUN));
        CheckRecord secondPass = up(run(RunMode.RUN));
        Files.delete(work.resolve("up"));
        write("repair-mode", "fix");
        CheckRecord again = up(run(RunMode.RUN));

        assertThat(firstPass.outcome()).isEqualTo(Outcome.HEALTHY);
        assertThat(firstPass.state()).as("one pass is not enough").isEqualTo(HealthState.GIVEN_UP);
        assertThat(secondPass.state()).isEqualTo(HealthState.HEALTHY);
        assertThat(again.outcome()).as("repairs resume").isEqualTo(Outcome.REPAIRED);
    }

    @Test
    void resetClearsGivenUp() throws IOException {
        options = options.with(Option.MAX_REPAIRS, 1);
        write("repair-mode", "noop");
        run(RunMode.RUN);
        assertThat(up(run(RunMode.RUN)).reason()).isEqualTo(Reason.GIVEN_UP);

        assertThat(store.resetStates(Selection.of("svc", "Svc.up"))).containsExactly(UP);
        write("repair-mode", "fix");

        assertThat(up(run(RunMode.RUN)).outcome()).isEqualTo(Outcome.REPAIRED);
    }

    @Test
    void repairAttemptsOlderThanTheWindowNoLongerCount() throws IOException {
        options = options.with(Option.MAX_REPAIRS, 2).with(Option.REPAIR_WINDOW, Duration.ofHours(1));
        write("repair-mode", "noop");
        run(RunMode.RUN);
        clock.advance(Duration.ofMinutes(40));
        run(RunMode.RUN);
        clock.advance(Duration.ofMinutes(30));

        RunReport third = run(RunMode.RUN);

        assertThat(up(third).reason()).as("the first attempt fell out of the window").isEqualTo(Reason.STILL_FAILING);
        assertThat(lines("repairs-Svc.up")).isEqualTo(3);
    }

    @Test
    void backoffDoublesTheWaitBetweenRepairAttempts() throws IOException {
        options = options.with(Option.REPAIR_BACKOFF, Duration.ofMinutes(10)).with(Option.MAX_REPAIRS, 10);
        write("repair-mode", "noop");
        List<Reason> reasons = new ArrayList<>();
        for (int minute : new int[] {0, 5, 11, 21, 32, 60}) {
            clock.set(START.plus(Duration.ofMinutes(minute)));
            reasons.add(up(run(RunMode.RUN)).reason());
        }

        // attempts at 0 and 11; the third waits 20 minutes after 11, so 21 backs off and 32 repairs;
        // the fourth waits 40 minutes after 32, so 60 backs off.
        assertThat(reasons).containsExactly(Reason.STILL_FAILING, Reason.BACKOFF, Reason.STILL_FAILING, Reason.BACKOFF,
            Reason.STILL_FAILING, Reason.BACKOFF);
        assertThat(lines("repairs-Svc.up")).isEqualTo(3);
    }

    @Test
    void checkModeNeverRepairsButStillCountsTowardTheThreshold() throws IOException {
        options = options.with(Option.THRESHOLD, 2);

        CheckRecord checked = up(run(RunMode.CHECK));
        CheckRecord healed = up(run(RunMode.RUN));

        assertThat(checked.reason()).isEqualTo(Reason.CHECK_ONLY);
        assertThat(healed.outcome()).as("second confirmed failure in a row").isEqualTo(Outcome.REPAIRED);
    }

    @Test
    void aFailingDependencyBlocksItsDependentsRepairAndTheRecordNamesIt() throws IOException {
        checkConfigs.put("Svc.dependent", new CheckConfig(CheckOptions.inherit()
            .with(Option.DEPENDS_ON, List.of("Svc.base")), Map.of(), 0));
        write("up", "up");

        RunReport blocked = runAll();
        write("base-up", "up");
        RunReport unblocked = runAll();

        CheckRecord dependent = blocked.checks().stream().filter(r -> r.check().name().equals("Svc.dependent")).findFirst().orElseThrow();
        assertThat(dependent.reason()).isEqualTo(Reason.BLOCKED);
        assertThat(dependent.blockedBy()).isEqualTo("svc/Svc.base");
        assertThat(dependent.message()).contains("it depends on svc/Svc.base, which is failing");
        assertThat(unblocked.checks()).filteredOn(r -> r.check().name().equals("Svc.dependent"))
            .singleElement().extracting(CheckRecord::outcome).as("repaired once its dependency passes").isEqualTo(Outcome.REPAIRED);
        assertThat(lines("repairs-Svc.dependent")).as("only the second run repaired it").isOne();
    }

    @Test
    void aDependencyThatIsRepairedFirstLetsItsDependentRecoverWithoutItsOwnRepair() throws IOException {
        checkConfigs.put("Svc.dependent", new CheckConfig(CheckOptions.inherit()
            .with(Option.DEPENDS_ON, List.of("Svc.up")), Map.of(), 0));
        write("dependent-up", "up");
        write("fail-once", "x");
        options = options.with(Option.CONFIRM, 0);
        Files.delete(work.resolve("dependent-up"));

        RunReport report = runAll();

        assertThat(report.checks()).extracting(r -> r.check().name(), CheckRecord::outcome)
            .contains(tuple("Svc.up", Outcome.REPAIRED), tuple("Svc.dependent", Outcome.REPAIRED));
        assertThat(report.checks().stream().map(r -> r.check().name()).toList())
            .as("the dependency is decided first").containsSubsequence("Svc.up", "Svc.dependent");
    }

    @Test
    void aMaintenanceWindowSuppressesRepairsAndTheRecordNamesIt() throws IOException {
        maintenance = List.of(new MaintenanceWindow("nightly-backup", CronExpression.parse("0 2 * * *"),
            Duration.ofMinutes(30), Optional.empty(), Optional.empty(), ZoneOffset.UTC));
        clock.set(Instant.parse("2026-11-20T02:10:00Z"));

        CheckRecord during = up(run(RunMode.RUN));
        clock.set(Instant.parse("2026-11-20T02:40:00Z"));
        CheckRecord after = up(run(RunMode.RUN));

        assertThat(during.reason()).isEqualTo(Reason.SUPPRESSED);
        assertThat(during.maintenance()).isEqualTo("nightly-backup");
        assertThat(during.message()).contains("maintenance window nightly-backup until 2026-11-20T02:30:00Z");
        assertThat(after.outcome()).isEqualTo(Outcome.REPAIRED);
        assertThat(after.maintenance()).isEmpty();
    }

    @Test
    void aDateRangeWindowCoversOnlyItsRange() throws IOException {
        maintenance = List.of(new MaintenanceWindow("migration", Optional.empty(), Duration.ZERO,
            Optional.of(Instant.parse("2026-11-20T00:00:00Z")), Optional.of(Instant.parse("2026-11-20T02:00:00Z")),
            ZoneOffset.UTC));

        CheckRecord during = up(run(RunMode.RUN));
        clock.set(Instant.parse("2026-11-20T02:00:00Z"));
        CheckRecord after = up(run(RunMode.RUN));

        assertThat(during.maintenance()).isEqualTo("migration");
        assertThat(after.maintenance()).as("the end is exclusive").isEmpty();
    }

    @Test
    void aCheckThatChangesStateTooOftenIsMarkedFlapping() throws IOException {
        options = options.with(Option.CONFIRM, 0).with(Option.FLAP_THRESHOLD, 3).with(Option.REPORT_ONLY, true);
        List<Boolean> flapping = new ArrayList<>();
        for (int run = 0; run < 4; run++) {
            if (run % 2 == 0) {
                Files.deleteIfExists(work.resolve("up"));
            } else {
                write("up", "up");
            }
            flapping.add(up(run(RunMode.RUN)).flapping());
            clock.advance(Duration.ofMinutes(5));
        }

        assertThat(flapping).containsExactly(false, false, true, true);
    }

    @Test
    void confirmationsOfSeveralFailuresShareOneWait() throws IOException {
        RunReport report = runAll();

        assertThat(report.checks()).extracting(CheckRecord::outcome).doesNotContain(Outcome.HEALTHY);
        assertThat(clock.sleeps()).as("one wait for all rechecks").containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void theStateSurvivesARestart() throws IOException {
        options = options.with(Option.THRESHOLD, 2);
        run(RunMode.RUN);

        CheckState saved = store.states(Selection.all()).get(UP);

        assertThat(saved.state()).isEqualTo(HealthState.FAILING);
        assertThat(saved.consecutiveFailures()).isOne();
        assertThat(up(run(RunMode.RUN)).outcome()).as("the next process repairs: two in a row").isEqualTo(Outcome.REPAIRED);
    }
}
