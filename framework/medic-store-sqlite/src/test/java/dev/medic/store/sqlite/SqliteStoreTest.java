package dev.medic.store.sqlite;

import static dev.medic.store.sqlite.Events.T0;
import static dev.medic.store.sqlite.Events.annotated;
import static dev.medic.store.sqlite.Events.all;
import static dev.medic.store.sqlite.Events.at;
import static dev.medic.store.sqlite.Events.check;
import static dev.medic.store.sqlite.Events.id;
import static dev.medic.store.sqlite.Events.query;
import static dev.medic.store.sqlite.Events.repair;
import static dev.medic.store.sqlite.Events.run;
import static dev.medic.store.sqlite.Events.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.api.CheckId;
import dev.medic.engine.CheckRecord;
import dev.medic.engine.CheckState;
import dev.medic.engine.CheckStatus;
import dev.medic.engine.HealthState;
import dev.medic.engine.HistoryQuery;
import dev.medic.engine.Measurement;
import dev.medic.engine.Outcome;
import dev.medic.engine.Reason;
import dev.medic.engine.RepairOutcome;
import dev.medic.engine.RepairRecord;
import dev.medic.engine.RunMode;
import dev.medic.engine.RunProblem;
import dev.medic.engine.RunRecord;
import dev.medic.engine.RunStart;
import dev.medic.engine.Selection;
import dev.medic.engine.internal.store.InMemoryStore;
import dev.medic.engine.spi.Store;
import dev.medic.store.sqlite.internal.Database;
import dev.medic.store.sqlite.internal.HistoryReader;

class SqliteStoreTest {

    private static final CheckId HAS_ROOM = id("disk", "DiskChecks.hasRoom");
    private static final CheckId HAS_ROOM_VAR = id("disk", "DiskChecks.hasRoom[/var]");
    private static final CheckId IS_MOUNTED = id("disk", "DiskChecks.isMounted");
    private static final CheckId ANSWERS = id("web", "WebChecks.answers");
    private static final CheckId BACKUP_ROOM = id("backup", "BackupChecks.hasRoom");

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("medic.db");
    }

    @Test
    void everyEventReadsBackExactlyAfterTheFileIsClosedAndReopened() {
        Instant start = T0;
        CheckRecord check = new CheckRecord("run-1", HAS_ROOM, Outcome.REPAIRED, Reason.NONE, start.plusMillis(5),
            Duration.ofMillis(1234), 2, "disk was full\nsecond line", "CleanDisk");
        RepairRecord repair = new RepairRecord("run-1", HAS_ROOM, "CleanDisk", RepairOutcome.SUCCEEDED, start.plusMillis(10),
            Duration.ofMillis(800), "freed 2 GB",
            Map.of("freed", "2 GB", "key=with=equals", "value=with=equals", "back\\slash", "line\nfeed\r\nand \\n", "", ""),
            List.of("deleting /tmp/a", "", "line with \\ backslash\r", "key=value", "\\n is not a line feed"));
        Measurement free = new Measurement("run-1", "disk", "DiskChecks.hasRoom", "disk.free_bytes", 1.5e9,
            Map.of("mount", "/var", "a=b", "c\nd"), start.plusMillis(20));
        Measurement missing = new Measurement("run-1", "disk", "DiskStats.inodes", "disk.inodes", Double.NaN, Map.of(),
            start.plusMillis(21));
        RunProblem problem = new RunProblem("run-1", RunProblem.Kind.STATS, "disk/DiskStats.inodes", "no /proc here",
            start.plusMillis(22));
        RunRecord run = new RunRecord("run-1", RunMode.RUN, "host-a", "prod", start, Duration.ofMillis(4567), 0, 1, 0, 0,
            Duration.ofSeconds(90));

        try (SqliteStore store = SqliteStore.open(file())) {
            store.runStarted(new RunStart("run-1", RunMode.RUN, "test-host", "test", start));
            store.repairFinished(repair);
            store.checkFinished(check);
            store.measured(free);
            store.measured(missing);
            store.problem(problem);
            store.runFinished(run);
        }

        try (SqliteStore store = SqliteStore.open(file())) {
            assertThat(store.checks(all())).containsExactly(check);
            assertThat(store.repairs(all())).containsExactly(repair);
            assertThat(store.runs(all())).containsExactly(run);
        }
        try (Database database = Database.open(file())) {
            HistoryReader reader = new HistoryReader(database);
            assertThat(reader.measurements("run-1")).containsExactly(free, missing);
            assertThat(reader.problems("run-1")).containsExactly(problem);
        }
    }

    @Test
    void theHealingPolicysAnnotationsOfACheckRecordReadBackExactly() {
        List<CheckRecord> records = List.of(
            new CheckRecord("run-1", HAS_ROOM, Outcome.UNRESOLVED, Reason.GIVEN_UP, at(0), Duration.ofMillis(10), 1,
                "still full", "CleanDisk", HealthState.GIVEN_UP, true, "", ""),
            new CheckRecord("run-1", HAS_ROOM_VAR, Outcome.UNRESOLVED, Reason.BLOCKED, at(1), Duration.ofMillis(11), 1,
                "blocked", "", HealthState.FAILING, false, "disk/DiskChecks.isMounted[/var=x]", ""),
            new CheckRecord("run-1", IS_MOUNTED, Outcome.UNRESOLVED, Reason.SUPPRESSED, at(2), Duration.ofMillis(12), 1,
                "in maintenance", "", HealthState.FAILING, true, "", "patch tuesday\nsecond line\n"),
            new CheckRecord("run-1", ANSWERS, Outcome.REPAIRED, Reason.NONE, at(3), Duration.ofMillis(13), 2, "fixed",
                "Restart", HealthState.HEALTHY, true, "net/NetChecks.up", "nightly"),
            new CheckRecord("run-1", BACKUP_ROOM, Outcome.HEALTHY, Reason.NONE, at(4), Duration.ZERO, 1, "", "",
                HealthState.HEALTHY, false, "", ""));

        try (SqliteStore store = SqliteStore.open(file())) {
            store.runStarted(new RunStart("run-1", RunMode.RUN, "test-host", "test", T0));
            records.forEach(store::checkFinished);
        }

        try (SqliteStore store = SqliteStore.open(file())) {
            assertThat(store.checks(all())).containsExactly(records.get(4), records.get(3), records.get(2), records.get(1),
                records.get(0));
            assertThat(store.status(Selection.all())).extracting(CheckStatus::last)
                .containsExactly(records.get(4), records.get(0), records.get(1), records.get(2), records.get(3));
            assertThat(store.status(Selection.of(null, "*.isMounted"))).singleElement()
                .extracting(CheckStatus::lastFailure).isEqualTo(Optional.of(records.get(2)));
        }
    }

    @Test
    void openingCreatesTheMissingParentDirectories() {
        Path nested = dir.resolve("state").resolve("history").resolve("medic.db");

        try (SqliteStore store = SqliteStore.open(nested)) {
            assertThat(store.file()).isEqualTo(nested.toAbsolutePath());
        }

        assertThat(nested).isRegularFile();
    }

    @Test
    void statusGivesTheLastOutcomeLastFailureAndLastRepairOfEachCheck() {
        try (SqliteStore store = SqliteStore.open(file())) {
            writeTwoRuns(store);

            List<CheckStatus> status = store.status(Selection.all());

            assertThat(status).extracting(entry -> entry.last().check())
                .containsExactly(BACKUP_ROOM, HAS_ROOM, HAS_ROOM_VAR, IS_MOUNTED, ANSWERS);
            CheckStatus hasRoom = status.get(1);
            assertThat(hasRoom.last()).isEqualTo(check("run-2", HAS_ROOM, Outcome.HEALTHY, at(60)));
            assertThat(hasRoom.lastFailure()).contains(check("run-1", HAS_ROOM, Outcome.REPAIRED, at(0)));
            assertThat(hasRoom.lastRepair()).contains(repair("run-1", HAS_ROOM, RepairOutcome.SUCCEEDED, at(0)));
            CheckStatus isMounted = status.get(3);
            assertThat(isMounted.last().outcome()).isEqualTo(Outcome.SKIPPED);
            assertThat(isMounted.lastFailure()).isEmpty();
            assertThat(isMounted.lastRepair()).isEmpty();
            CheckStatus answers = status.get(4);
            assertThat(answers.last().outcome()).isEqualTo(Outcome.HEALTHY);
            assertThat(answers.lastFailure()).map(CheckRecord::outcome).contains(Outcome.UNRESOLVED);
            assertThat(answers.lastRepair()).map(RepairRecord::outcome).contains(RepairOutcome.FAILED);
        }
    }

    @Test
    void statusKeepsOnlyTheSelectedPackageAndCheckPattern() {
        try (SqliteStore store = SqliteStore.open(file())) {
            writeTwoRuns(store);

            assertThat(checksIn(store.status(Selection.of("disk", null))))
                .containsExactly(HAS_ROOM, HAS_ROOM_VAR, IS_MOUNTED);
            assertThat(checksIn(store.status(Selection.of(null, "DiskChecks.*"))))
                .containsExactly(HAS_ROOM, HAS_ROOM_VAR, IS_MOUNTED);
            assertThat(checksIn(store.status(Selection.of(null, "*.hasRoom"))))
                .containsExactly(BACKUP_ROOM, HAS_ROOM, HAS_ROOM_VAR);
            assertThat(checksIn(store.status(Selection.of("backup", "*.hasRoom")))).containsExactly(BACKUP_ROOM);
            assertThat(checksIn(store.status(Selection.of(null, "DiskChecks.hasRoom[/var]")))).containsExactly(HAS_ROOM_VAR);
            assertThat(store.status(Selection.of("nosuch", null))).isEmpty();
        }
    }

    @Test
    void everyQueryAgreesWithTheInMemoryStore() {
        InMemoryStore memory = new InMemoryStore();
        try (SqliteStore store = SqliteStore.open(file())) {
            writeTwoRuns(store);
            writeTwoRuns(memory);
            saveStates(store);
            saveStates(memory);

            for (Selection selection : List.of(Selection.all(), Selection.of("disk", null), Selection.of(null, "*.hasRoom"),
                    Selection.of("web", "WebChecks.*"), Selection.of(null, "DiskChecks.hasRoom"))) {
                assertThat(store.status(selection)).as("status of %s", selection).isEqualTo(memory.status(selection));
                assertThat(store.states(selection)).as("states of %s", selection).isEqualTo(memory.states(selection));
                for (HistoryQuery query : List.of(query(selection, null, 50), query(selection, at(30), 50),
                        query(selection, null, 2), query(selection, at(60), 1))) {
                    assertThat(store.checks(query)).as("checks %s", query).isEqualTo(memory.checks(query));
                    assertThat(store.repairs(query)).as("repairs %s", query).isEqualTo(memory.repairs(query));
                    assertThat(store.runs(query)).as("runs %s", query).isEqualTo(memory.runs(query));
                }
            }

            // The contract names no order: the in-memory store answers in the order the states were
            // first saved, this one in check order. The same checks are reset, and the same remain.
            for (Selection selection : List.of(Selection.of("disk", "*.hasRoom"), Selection.of(null, "WebChecks.*"),
                    Selection.of("nosuch", null), Selection.all())) {
                List<CheckId> reset = store.resetStates(selection);
                assertThat(reset).as("reset of %s", selection).isSorted()
                    .containsExactlyInAnyOrderElementsOf(memory.resetStates(selection));
                assertThat(store.states(Selection.all())).as("states after reset of %s", selection)
                    .isEqualTo(memory.states(Selection.all()));
                assertThat(store.status(Selection.all())).as("status after reset of %s", selection)
                    .isEqualTo(memory.status(Selection.all()));
            }
        }
    }

    @Test
    void checksRepairsAndRunsComeNewestFirstFromSinceUpToTheLimit() {
        try (SqliteStore store = SqliteStore.open(file())) {
            for (int i = 0; i < 5; i++) {
                String runId = "run-" + i;
                store.runStarted(new RunStart(runId, RunMode.RUN, "test-host", "test", at(i)));
                store.repairFinished(repair(runId, HAS_ROOM, RepairOutcome.SUCCEEDED, at(i)));
                store.checkFinished(check(runId, HAS_ROOM, Outcome.REPAIRED, at(i)));
                store.runFinished(run(runId, at(i)));
            }

            assertThat(store.checks(query(Selection.all(), at(2), 50))).extracting(CheckRecord::runId)
                .containsExactly("run-4", "run-3", "run-2");
            assertThat(store.checks(query(Selection.all(), at(1), 2))).extracting(CheckRecord::runId)
                .containsExactly("run-4", "run-3");
            assertThat(store.repairs(query(Selection.all(), at(3), 50))).extracting(RepairRecord::runId)
                .containsExactly("run-4", "run-3");
            assertThat(store.repairs(query(Selection.all(), null, 1))).extracting(RepairRecord::runId)
                .containsExactly("run-4");
            assertThat(store.runs(query(Selection.all(), at(2), 50))).extracting(RunRecord::runId)
                .containsExactly("run-4", "run-3", "run-2");
            assertThat(store.runs(query(Selection.all(), null, 3))).extracting(RunRecord::runId)
                .containsExactly("run-4", "run-3", "run-2");
            assertThat(store.runs(query(Selection.all(), at(5), 50))).isEmpty();
        }
    }

    @Test
    void recordsThatStartedInTheSameMillisecondComeLatestArrivedFirst() {
        try (SqliteStore store = SqliteStore.open(file())) {
            store.runStarted(new RunStart("run-1", RunMode.RUN, "test-host", "test", T0));
            store.checkFinished(check("run-1", HAS_ROOM, Outcome.UNRESOLVED, T0));
            store.checkFinished(check("run-1", HAS_ROOM, Outcome.HEALTHY, T0));

            assertThat(store.checks(all())).extracting(CheckRecord::outcome)
                .containsExactly(Outcome.HEALTHY, Outcome.UNRESOLVED);
            assertThat(store.status(Selection.all()).get(0).last().outcome()).isEqualTo(Outcome.HEALTHY);
        }
    }

    @Test
    void theLimitCountsOnlyChecksThatMatchThePattern() {
        try (SqliteStore store = SqliteStore.open(file())) {
            store.runStarted(new RunStart("run-1", RunMode.RUN, "test-host", "test", T0));
            store.checkFinished(check("run-1", HAS_ROOM, Outcome.HEALTHY, at(0)));
            for (int i = 1; i <= 10; i++) {
                store.checkFinished(check("run-1", ANSWERS, Outcome.HEALTHY, at(i)));
            }

            assertThat(store.checks(query(Selection.of(null, "*.hasRoom"), null, 1))).extracting(CheckRecord::check)
                .containsExactly(HAS_ROOM);
        }
    }

    @Test
    void aRunThatNeverFinishedIsListedWithTheCountsOfTheChecksItWrote() {
        try (SqliteStore store = SqliteStore.open(file())) {
            store.runStarted(new RunStart("run-1", RunMode.CHECK, "test-host", "test", T0));
            store.checkFinished(check("run-1", HAS_ROOM, Outcome.HEALTHY, at(1)));
            store.checkFinished(check("run-1", ANSWERS, Outcome.UNRESOLVED, at(1)));
            store.checkFinished(check("run-1", IS_MOUNTED, Outcome.SKIPPED, at(1)));

            assertThat(store.runs(all())).containsExactly(
                new RunRecord("run-1", RunMode.CHECK, "test-host", "test", T0, Duration.ZERO, 1, 0, 1, 1));
        }
    }

    @Test
    void anEventForARunThatNeverStartedIsRefusedNamingTheFileAndTheRun() {
        try (SqliteStore store = SqliteStore.open(file())) {
            assertThatThrownBy(() -> store.checkFinished(check("ghost", HAS_ROOM, Outcome.HEALTHY, T0)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file().toAbsolutePath().toString())
                .hasMessageContaining("ghost");
            assertThat(store.checks(all())).isEmpty();
        }
    }

    @Test
    void aRunFinishedWithoutItsStartIsStillRecorded() {
        try (SqliteStore store = SqliteStore.open(file())) {
            store.runFinished(run("run-1", T0));

            assertThat(store.runs(all())).containsExactly(run("run-1", T0));
        }
    }

    @Test
    void aClosedStoreRefusesEventsWithAStoreException() {
        SqliteStore store = SqliteStore.open(file());
        store.close();
        store.close();

        assertThatThrownBy(() -> store.runStarted(new RunStart("run-1", RunMode.RUN, "test-host", "test", T0)))
            .isInstanceOf(StoreException.class)
            .hasMessageContaining(file().toAbsolutePath().toString());
    }

    /** Two runs over four packages; arrival order is start order, as the engine sends them. */
    private static void writeTwoRuns(Store store) {
        store.runStarted(new RunStart("run-1", RunMode.RUN, "test-host", "test", at(0)));
        store.repairFinished(repair("run-1", HAS_ROOM, RepairOutcome.SUCCEEDED, at(0)));
        store.checkFinished(check("run-1", HAS_ROOM, Outcome.REPAIRED, at(0)));
        store.checkFinished(check("run-1", HAS_ROOM_VAR, Outcome.HEALTHY, at(1)));
        store.checkFinished(check("run-1", IS_MOUNTED, Outcome.HEALTHY, at(2)));
        store.repairFinished(repair("run-1", ANSWERS, RepairOutcome.FAILED, at(3)));
        store.checkFinished(annotated(check("run-1", ANSWERS, Outcome.UNRESOLVED, at(3)), HealthState.FAILING, true,
            "disk/DiskChecks.isMounted", "nightly"));
        store.checkFinished(check("run-1", BACKUP_ROOM, Outcome.HEALTHY, at(4)));
        store.runFinished(new RunRecord("run-1", RunMode.RUN, "host-a", "prod", at(0), Duration.ofMinutes(5), 3, 1, 1, 0));

        store.runStarted(new RunStart("run-2", RunMode.RUN, "test-host", "test", at(60)));
        store.checkFinished(check("run-2", HAS_ROOM, Outcome.HEALTHY, at(60)));
        store.checkFinished(check("run-2", HAS_ROOM_VAR, Outcome.HEALTHY, at(61)));
        store.checkFinished(check("run-2", IS_MOUNTED, Outcome.SKIPPED, at(62)));
        store.checkFinished(check("run-2", ANSWERS, Outcome.HEALTHY, at(63)));
        store.runFinished(new RunRecord("run-2", RunMode.RUN, "host-a", "prod", at(60), Duration.ofMinutes(4), 3, 0, 0, 1));
    }

    /** States for checks with records and for one without, saved out of check order, one of them twice. */
    private static void saveStates(Store store) {
        store.saveState(state(ANSWERS, HealthState.FAILING, 3, List.of(3), List.of(3)));
        store.saveState(state(HAS_ROOM_VAR, HealthState.GIVEN_UP, 1, List.of(0, 1), List.of(0)));
        store.saveState(CheckState.initial(id("gone", "GoneChecks.isThere"), at(0)));
        store.saveState(state(HAS_ROOM, HealthState.FAILING, 0, List.of(0), List.of(0)));
        store.saveState(CheckState.initial(BACKUP_ROOM, at(4)));
        store.saveState(state(HAS_ROOM, HealthState.HEALTHY, 60, List.of(0), List.of(0, 60)));
    }

    private static List<CheckId> checksIn(List<CheckStatus> status) {
        return status.stream().map(entry -> entry.last().check()).toList();
    }
}
