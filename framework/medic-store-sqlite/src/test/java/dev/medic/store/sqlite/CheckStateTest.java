package dev.medic.store.sqlite;

import static dev.medic.store.sqlite.Events.T0;
import static dev.medic.store.sqlite.Events.at;
import static dev.medic.store.sqlite.Events.check;
import static dev.medic.store.sqlite.Events.id;
import static dev.medic.store.sqlite.Events.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medic.api.CheckId;
import dev.medic.engine.CheckState;
import dev.medic.engine.CheckStatus;
import dev.medic.engine.HealthState;
import dev.medic.engine.Outcome;
import dev.medic.engine.RunMode;
import dev.medic.engine.RunRecord;
import dev.medic.engine.RunStart;
import dev.medic.engine.Selection;

class CheckStateTest {

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
    void everyStateReadsBackExactlyAfterTheFileIsClosedAndReopened() {
        Instant beforeEpoch = Instant.parse("1969-12-31T23:59:59.999Z");
        List<CheckState> saved = List.of(
            CheckState.initial(HAS_ROOM, T0),
            state(HAS_ROOM_VAR, HealthState.FAILING, 3, List.of(1, 2, 3), List.of(0)),
            state(ANSWERS, HealthState.GIVEN_UP, 10, List.of(4, 4, 6, 8, 10), List.of(0, 30, 31, 60)),
            new CheckState(id("ünïcødé", "Odd.name[a=b\nc\\d\r]"), HealthState.FAILING, Instant.EPOCH, Integer.MAX_VALUE, 0,
                List.of(beforeEpoch, Instant.EPOCH, at(0)), Integer.MAX_VALUE, List.of(beforeEpoch)),
            new CheckState(BACKUP_ROOM, HealthState.HEALTHY, beforeEpoch, 0, 7, List.of(), 0, List.of(at(5))));

        try (SqliteStore store = SqliteStore.open(file())) {
            saved.forEach(store::saveState);
        }

        Map<CheckId, CheckState> expected = new LinkedHashMap<>();
        saved.stream().sorted((a, b) -> a.check().compareTo(b.check())).forEach(state -> expected.put(state.check(), state));
        try (SqliteStore store = SqliteStore.open(file())) {
            assertThat(store.states(Selection.all())).containsExactlyEntriesOf(expected);
        }
        assertThat(saved).extracting(CheckState::state).containsAll(List.of(HealthState.values()));
    }

    @Test
    void instantsAreKeptToTheMillisecondLikeEveryOtherInstantOfTheHistory() {
        Instant precise = Instant.parse("2026-03-01T10:15:30.123456789Z");
        Instant millis = Instant.parse("2026-03-01T10:15:30.123Z");

        try (SqliteStore store = SqliteStore.open(file())) {
            store.saveState(new CheckState(HAS_ROOM, HealthState.FAILING, precise, 1, 0, List.of(precise), 1, List.of(precise)));

            assertThat(store.states(Selection.all())).containsExactly(Map.entry(HAS_ROOM,
                new CheckState(HAS_ROOM, HealthState.FAILING, millis, 1, 0, List.of(millis), 1, List.of(millis))));
        }
    }

    @Test
    void savingAStateReplacesTheOneTheCheckHad() {
        CheckState failing = state(HAS_ROOM, HealthState.FAILING, 1, List.of(1, 2), List.of(0));
        CheckState givenUp = state(HAS_ROOM, HealthState.GIVEN_UP, 5, List.of(1, 2, 3, 4, 5), List.of(0));
        CheckState healthyAgain = new CheckState(HAS_ROOM, HealthState.HEALTHY, at(90), 0, 3, List.of(), 0, List.of(at(90)));
        CheckState other = state(ANSWERS, HealthState.FAILING, 2, List.of(), List.of(2));

        try (SqliteStore store = SqliteStore.open(file())) {
            store.saveState(failing);
            store.saveState(other);
            store.saveState(givenUp);

            assertThat(store.states(Selection.all())).containsExactly(Map.entry(HAS_ROOM, givenUp), Map.entry(ANSWERS, other));

            store.saveState(healthyAgain);
        }

        try (SqliteStore store = SqliteStore.open(file())) {
            assertThat(store.states(Selection.all())).containsExactly(Map.entry(HAS_ROOM, healthyAgain),
                Map.entry(ANSWERS, other));
        }
    }

    @Test
    void aSavedStateIsCommittedWithItsChecksRecordAndSeenAtOnceByItsOwnStore() {
        CheckState failing = state(HAS_ROOM, HealthState.FAILING, 1, List.of(1), List.of(0));

        try (SqliteStore writer = SqliteStore.open(file()); SqliteStore reader = SqliteStore.open(file())) {
            writer.runStarted(new RunStart("run-1", RunMode.RUN, "test-host", "test", T0));
            writer.saveState(failing);
            assertThat(reader.states(Selection.all())).as("not yet: it goes with the record").isEmpty();

            writer.checkFinished(check("run-1", HAS_ROOM, Outcome.UNRESOLVED, T0));
            assertThat(reader.states(Selection.all())).containsExactly(Map.entry(HAS_ROOM, failing));
            assertThat(reader.status(Selection.all())).singleElement().satisfies(status -> {
                assertThat(status.last().outcome()).isEqualTo(Outcome.UNRESOLVED);
                assertThat(status.state()).contains(failing);
            });

            writer.resetStates(Selection.all());
            assertThat(reader.states(Selection.all())).isEmpty();
        }
    }

    @Test
    void aStateWithoutARecordIsWrittenByTheEndOfTheRunOrAReadOrClose() {
        CheckState failing = state(HAS_ROOM, HealthState.FAILING, 1, List.of(1), List.of(0));
        try (SqliteStore writer = SqliteStore.open(file()); SqliteStore reader = SqliteStore.open(file())) {
            writer.runStarted(new RunStart("run-1", RunMode.RUN, "test-host", "test", T0));
            writer.saveState(failing);

            writer.runFinished(new RunRecord("run-1", RunMode.RUN, "test-host", "test", T0, java.time.Duration.ZERO,
                0, 0, 0, 0));

            assertThat(reader.states(Selection.all())).containsExactly(Map.entry(HAS_ROOM, failing));
        }
        CheckState healthy = CheckState.initial(ANSWERS, T0);
        try (SqliteStore writer = SqliteStore.open(file())) {
            writer.saveState(healthy);
            assertThat(writer.states(Selection.all())).containsKey(ANSWERS);
        }
        CheckState later = CheckState.initial(IS_MOUNTED, T0);
        SqliteStore closing = SqliteStore.open(file());
        closing.saveState(later);
        closing.close();
        try (SqliteStore reader = SqliteStore.open(file())) {
            assertThat(reader.states(Selection.all())).containsKeys(HAS_ROOM, ANSWERS, IS_MOUNTED);
        }
    }

    @Test
    void statesKeepOnlyTheSelectedPackageAndCheckPattern() {
        try (SqliteStore store = SqliteStore.open(file())) {
            saveFive(store);

            assertThat(store.states(Selection.of("disk", null))).containsOnlyKeys(HAS_ROOM, HAS_ROOM_VAR, IS_MOUNTED);
            assertThat(store.states(Selection.of(null, "*.hasRoom")).keySet())
                .containsExactly(BACKUP_ROOM, HAS_ROOM, HAS_ROOM_VAR);
            assertThat(store.states(Selection.of("backup", "*.hasRoom")).keySet()).containsExactly(BACKUP_ROOM);
            assertThat(store.states(Selection.of(null, "DiskChecks.hasRoom[/var]")).keySet()).containsExactly(HAS_ROOM_VAR);
            assertThat(store.states(Selection.of("nosuch", null))).isEmpty();
            assertThat(store.states(Selection.all()).keySet())
                .containsExactly(BACKUP_ROOM, HAS_ROOM, HAS_ROOM_VAR, IS_MOUNTED, ANSWERS);
        }
    }

    @Test
    void resettingWithAPackageAndAGlobRemovesOnlyThoseAndReturnsThemInCheckOrder() {
        try (SqliteStore store = SqliteStore.open(file())) {
            Map<CheckId, CheckState> saved = saveFive(store);

            assertThat(store.resetStates(Selection.of("disk", "*.hasRoom"))).containsExactly(HAS_ROOM, HAS_ROOM_VAR);
            assertThat(store.resetStates(Selection.of("disk", "*.hasRoom"))).isEmpty();

            saved.remove(HAS_ROOM);
            saved.remove(HAS_ROOM_VAR);
            assertThat(store.states(Selection.all())).containsExactlyInAnyOrderEntriesOf(saved);
        }
        try (SqliteStore store = SqliteStore.open(file())) {
            assertThat(store.states(Selection.all()).keySet()).containsExactly(BACKUP_ROOM, IS_MOUNTED, ANSWERS);
        }
    }

    @Test
    void resettingEverythingRemovesEveryStateAndAResetOfNothingRemovesNothing() {
        try (SqliteStore store = SqliteStore.open(file())) {
            assertThat(store.resetStates(Selection.all())).isEmpty();
            saveFive(store);

            assertThat(store.resetStates(Selection.of("nosuch", null))).isEmpty();
            assertThat(store.resetStates(Selection.of(null, "NoSuch.*"))).isEmpty();
            assertThat(store.states(Selection.all())).hasSize(5);

            assertThat(store.resetStates(Selection.all()))
                .containsExactly(BACKUP_ROOM, HAS_ROOM, HAS_ROOM_VAR, IS_MOUNTED, ANSWERS);
            assertThat(store.states(Selection.all())).isEmpty();
        }
    }

    @Test
    void statesAndResetsComeInCheckOrderWhereSqliteWouldSortTheNamesOtherwise() {
        // Java orders by UTF-16 units (U+D83D before U+FB01), SQLite by UTF-8 bytes (F0 after EF)
        CheckId emoji = id("disk", "Checks.named\uD83D\uDE00");
        CheckId ligature = id("disk", "Checks.named\uFB01");
        assertThat(emoji).isLessThan(ligature);

        try (SqliteStore store = SqliteStore.open(file())) {
            store.saveState(CheckState.initial(ligature, T0));
            store.saveState(CheckState.initial(emoji, T0));

            assertThat(store.states(Selection.all()).keySet()).containsExactly(emoji, ligature);
            assertThat(store.resetStates(Selection.of("disk", "Checks.*"))).containsExactly(emoji, ligature);
        }
    }

    @Test
    void aResetStateIsGoneFromStatusAndASavedOneCanComeBack() {
        try (SqliteStore store = SqliteStore.open(file())) {
            store.runStarted(new RunStart("run-1", RunMode.RUN, "test-host", "test", T0));
            store.checkFinished(check("run-1", HAS_ROOM, Outcome.UNRESOLVED, T0));
            CheckState givenUp = state(HAS_ROOM, HealthState.GIVEN_UP, 0, List.of(0), List.of(0));
            store.saveState(givenUp);

            store.resetStates(Selection.of(null, "DiskChecks.hasRoom"));
            assertThat(store.status(Selection.all())).singleElement().extracting(CheckStatus::state).isEqualTo(Optional.empty());

            store.saveState(givenUp);
            assertThat(store.status(Selection.all())).singleElement().extracting(CheckStatus::state)
                .isEqualTo(Optional.of(givenUp));
        }
    }

    @Test
    void statusCarriesTheStateOfEachCheckThatHasOne() {
        CheckState failing = state(HAS_ROOM, HealthState.FAILING, 0, List.of(0), List.of(0));
        CheckState healthy = CheckState.initial(ANSWERS, at(1));
        try (SqliteStore store = SqliteStore.open(file())) {
            store.runStarted(new RunStart("run-1", RunMode.RUN, "test-host", "test", T0));
            store.checkFinished(check("run-1", HAS_ROOM, Outcome.UNRESOLVED, at(0)));
            store.checkFinished(check("run-1", IS_MOUNTED, Outcome.HEALTHY, at(1)));
            store.checkFinished(check("run-1", ANSWERS, Outcome.HEALTHY, at(2)));
            store.saveState(failing);
            store.saveState(healthy);
            // a state without any record of its check does not make a status entry, as in every store
            store.saveState(state(BACKUP_ROOM, HealthState.FAILING, 0, List.of(), List.of()));
        }

        try (SqliteStore store = SqliteStore.open(file())) {
            List<CheckStatus> status = store.status(Selection.all());

            assertThat(status).extracting(entry -> entry.last().check()).containsExactly(HAS_ROOM, IS_MOUNTED, ANSWERS);
            assertThat(status).extracting(CheckStatus::state)
                .containsExactly(Optional.of(failing), Optional.empty(), Optional.of(healthy));
            assertThat(store.status(Selection.of("web", null))).extracting(CheckStatus::state)
                .containsExactly(Optional.of(healthy));
        }
    }

    @Test
    void aClosedStoreRefusesStateCallsWithAStoreException() {
        SqliteStore store = SqliteStore.open(file());
        store.close();

        assertThatThrownBy(() -> store.saveState(CheckState.initial(HAS_ROOM, T0)))
            .isInstanceOf(StoreException.class)
            .hasMessageContaining(file().toAbsolutePath().toString());
        assertThatThrownBy(() -> store.states(Selection.all()))
            .isInstanceOf(StoreException.class)
            .hasMessageContaining(file().toAbsolutePath().toString());
        assertThatThrownBy(() -> store.resetStates(Selection.all()))
            .isInstanceOf(StoreException.class)
            .hasMessageContaining(file().toAbsolutePath().toString());
    }

    /** Saves a state for five checks of three packages, out of check order; returns them. */
    private static Map<CheckId, CheckState> saveFive(SqliteStore store) {
        Map<CheckId, CheckState> saved = new LinkedHashMap<>();
        for (CheckState state : List.of(
                state(ANSWERS, HealthState.FAILING, 3, List.of(3), List.of(3)),
                state(HAS_ROOM_VAR, HealthState.GIVEN_UP, 4, List.of(1, 2, 3), List.of(0, 1)),
                CheckState.initial(IS_MOUNTED, at(0)),
                state(HAS_ROOM, HealthState.FAILING, 2, List.of(2), List.of(2)),
                state(BACKUP_ROOM, HealthState.HEALTHY, 5, List.of(), List.of(4, 5)))) {
            store.saveState(state);
            saved.put(state.check(), state);
        }
        return saved;
    }
}
