package dev.medic.store.sqlite.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import dev.medic.engine.Outcome;
import dev.medic.engine.Reason;
import dev.medic.engine.RepairOutcome;
import dev.medic.engine.RepairRecord;
import dev.medic.engine.RunMode;
import dev.medic.engine.RunRecord;
import dev.medic.engine.RunStart;
import dev.medic.engine.Selection;
import dev.medic.store.sqlite.SqliteStore;

class MigrationsTest {

    /** {@code PRAGMA application_id} of every Medic history: "Medi". */
    private static final int MEDIC = 0x4d656469;

    /**
     * Schema version 1 as released, copied here so that the files it made can be built without
     * the code under test, and so that a change to the released migration cannot go unnoticed.
     */
    private static final List<String> VERSION_1 = List.of("""
        CREATE TABLE runs (
            run_id      TEXT    PRIMARY KEY,
            mode        TEXT    NOT NULL,
            host        TEXT,
            environment TEXT,
            started_at  INTEGER NOT NULL,
            finished_at INTEGER,
            duration_ms INTEGER,
            healthy     INTEGER,
            repaired    INTEGER,
            unresolved  INTEGER,
            skipped     INTEGER
        )""", """
        CREATE TABLE check_results (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id      TEXT    NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
            package_id  TEXT    NOT NULL,
            check_name  TEXT    NOT NULL,
            outcome     TEXT    NOT NULL,
            reason      TEXT    NOT NULL,
            started_at  INTEGER NOT NULL,
            duration_ms INTEGER NOT NULL,
            attempts    INTEGER NOT NULL,
            message     TEXT    NOT NULL,
            repair      TEXT    NOT NULL
        )""",
        "CREATE INDEX check_results_by_check ON check_results (package_id, check_name, started_at)",
        "CREATE INDEX check_results_by_time ON check_results (started_at)",
        "CREATE INDEX check_results_by_run ON check_results (run_id)", """
        CREATE TABLE repairs (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id      TEXT    NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
            package_id  TEXT    NOT NULL,
            check_name  TEXT    NOT NULL,
            repair      TEXT    NOT NULL,
            outcome     TEXT    NOT NULL,
            started_at  INTEGER NOT NULL,
            duration_ms INTEGER NOT NULL,
            message     TEXT    NOT NULL,
            details     TEXT    NOT NULL,
            log         TEXT    NOT NULL
        )""",
        "CREATE INDEX repairs_by_check ON repairs (package_id, check_name, started_at)",
        "CREATE INDEX repairs_by_time ON repairs (started_at)",
        "CREATE INDEX repairs_by_run ON repairs (run_id)", """
        CREATE TABLE measurements (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id      TEXT    NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
            package_id  TEXT    NOT NULL,
            source      TEXT    NOT NULL,
            name        TEXT    NOT NULL,
            value       REAL,
            tags        TEXT    NOT NULL,
            time        INTEGER NOT NULL
        )""",
        "CREATE INDEX measurements_by_run ON measurements (run_id)", """
        CREATE TABLE problems (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id      TEXT    NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
            kind        TEXT    NOT NULL,
            subject     TEXT    NOT NULL,
            message     TEXT    NOT NULL,
            time        INTEGER NOT NULL
        )""",
        "CREATE INDEX problems_by_run ON problems (run_id)");

    /** Schema version 2 as released, copied for the same reasons as version 1. */
    private static final List<String> VERSION_2 = List.of(
        "ALTER TABLE check_results ADD COLUMN state       TEXT    NOT NULL DEFAULT 'HEALTHY'",
        "ALTER TABLE check_results ADD COLUMN flapping    INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE check_results ADD COLUMN blocked_by  TEXT    NOT NULL DEFAULT ''",
        "ALTER TABLE check_results ADD COLUMN maintenance TEXT    NOT NULL DEFAULT ''",
        "UPDATE check_results SET state = CASE WHEN outcome = 'UNRESOLVED' THEN 'FAILING' ELSE 'HEALTHY' END", """
        CREATE TABLE check_state (
            package_id            TEXT    NOT NULL,
            check_name            TEXT    NOT NULL,
            state                 TEXT    NOT NULL,
            since                 INTEGER NOT NULL,
            consecutive_failures  INTEGER NOT NULL,
            consecutive_passes    INTEGER NOT NULL,
            repairs               TEXT    NOT NULL,
            repairs_since_healthy INTEGER NOT NULL,
            state_changes         TEXT    NOT NULL,
            PRIMARY KEY (package_id, check_name)
        )""");

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");
    private static final CheckId HAS_ROOM = new CheckId("disk", "DiskChecks.hasRoom");
    private static final CheckId HAS_ROOM_VAR = new CheckId("disk", "DiskChecks.hasRoom[/var]");
    private static final CheckId IS_MOUNTED = new CheckId("disk", "DiskChecks.isMounted");
    private static final CheckId ANSWERS = new CheckId("web", "WebChecks.answers");
    private static final CheckId PACKAGE = new CheckId("broken", "_package");

    /** What the version-1 file holds, in the order it was written; read back with the short constructor. */
    private static final List<CheckRecord> V1_CHECKS = List.of(
        new CheckRecord("run-1", HAS_ROOM, Outcome.REPAIRED, Reason.NONE, T0, Duration.ofMillis(250), 2, "disk was full",
            "CleanDisk"),
        new CheckRecord("run-1", HAS_ROOM_VAR, Outcome.HEALTHY, Reason.NONE, T0.plusMillis(1), Duration.ofMillis(5), 1, "",
            ""),
        new CheckRecord("run-1", ANSWERS, Outcome.UNRESOLVED, Reason.REPAIR_FAILED, T0.plusMillis(2), Duration.ofMillis(900),
            2, "connection refused", "Restart"),
        new CheckRecord("run-1", IS_MOUNTED, Outcome.SKIPPED, Reason.NONE, T0.plusMillis(3), Duration.ZERO, 1,
            "assumption failed", ""),
        new CheckRecord("run-1", PACKAGE, Outcome.UNRESOLVED, Reason.LOAD_FAILED, T0.plusMillis(4), Duration.ZERO, 0,
            "cannot load broken", ""));

    private static final RepairRecord V1_REPAIR = new RepairRecord("run-1", HAS_ROOM, "CleanDisk", RepairOutcome.SUCCEEDED,
        T0, Duration.ofMillis(40), "freed 2 GB", Map.of("freed", "2 GB"), List.of("deleting /tmp/a"));

    private static final RunRecord V1_RUN = new RunRecord("run-1", RunMode.RUN, "host-a", "prod", T0, Duration.ofSeconds(3),
        1, 1, 2, 1);

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("medic.db");
    }

    @Test
    void theReleasedVersionOneIsNeverChanged() {
        assertThat(Migrations.statements(1)).isEqualTo(VERSION_1);
    }

    @Test
    void theReleasedVersionTwoIsNeverChanged() {
        assertThat(Migrations.statements(2)).isEqualTo(VERSION_2);
    }

    @Test
    void aVersionOneHistoryIsMigratedToTheLatestVersionOnOpenAndKeepsEveryRecord() throws SQLException {
        writeVersionOneFile();

        try (SqliteStore store = SqliteStore.open(file())) {
            assertThat(store.checks(all())).containsExactly(V1_CHECKS.get(4), V1_CHECKS.get(3), V1_CHECKS.get(2),
                V1_CHECKS.get(1), V1_CHECKS.get(0));
            assertThat(store.repairs(all())).containsExactly(V1_REPAIR);
            assertThat(store.runs(all())).containsExactly(V1_RUN);
            assertThat(store.states(Selection.all())).isEmpty();
        }
        try (Database database = Database.open(file())) {
            assertThat(new HistoryReader(database).measurements("run-1")).hasSize(1);
            assertThat(new HistoryReader(database).problems("run-1")).hasSize(1);
        }
        assertThat(pragma("user_version")).isEqualTo(3);
        assertThat(pragma("application_id")).isEqualTo(MEDIC);
    }

    @Test
    void aMigratedUnresolvedRecordIsFailingAndEveryOtherIsHealthyWithNoAnnotations() throws SQLException {
        writeVersionOneFile();

        try (SqliteStore store = SqliteStore.open(file())) {
            List<CheckRecord> checks = store.checks(all());

            assertThat(checks).filteredOn(record -> record.outcome() == Outcome.UNRESOLVED)
                .extracting(CheckRecord::check).containsExactlyInAnyOrder(ANSWERS, PACKAGE);
            assertThat(checks).allSatisfy(record -> {
                assertThat(record.state()).as("state of %s", record.check())
                    .isEqualTo(record.outcome() == Outcome.UNRESOLVED ? HealthState.FAILING : HealthState.HEALTHY);
                assertThat(record.flapping()).isFalse();
                assertThat(record.blockedBy()).isEmpty();
                assertThat(record.maintenance()).isEmpty();
            });
            CheckStatus answers = store.status(Selection.of("web", null)).get(0);
            assertThat(answers.last().state()).isEqualTo(HealthState.FAILING);
            assertThat(answers.lastFailure()).contains(V1_CHECKS.get(2));
            assertThat(answers.state()).isEmpty();
        }
    }

    @Test
    void aMigratedHistoryTakesNewRecordsAndStatesAndIsNotMigratedAgain() throws SQLException {
        writeVersionOneFile();
        // unresolved but healthy: would turn FAILING if the version-2 UPDATE ran again
        CheckRecord blocked = new CheckRecord("run-2", ANSWERS, Outcome.UNRESOLVED, Reason.BLOCKED, T0.plusSeconds(60),
            Duration.ofMillis(3), 1, "blocked", "", HealthState.HEALTHY, true, "net/NetChecks.up", "nightly");
        CheckState state = new CheckState(ANSWERS, HealthState.GIVEN_UP, T0.plusSeconds(60), 4, 0,
            List.of(T0, T0.plusSeconds(30)), 2, List.of(T0));

        try (SqliteStore store = SqliteStore.open(file())) {
            store.runStarted(new RunStart("run-2", RunMode.RUN, "test-host", "test", T0.plusSeconds(60)));
            store.checkFinished(blocked);
            store.saveState(state);
        }
        try (SqliteStore store = SqliteStore.open(file())) {
            assertThat(store.checks(all())).first().isEqualTo(blocked);
            assertThat(store.states(Selection.all())).containsExactly(Map.entry(ANSWERS, state));
            assertThat(store.status(Selection.of("web", null))).singleElement()
                .isEqualTo(new CheckStatus(blocked, Optional.of(blocked), Optional.empty(), Optional.of(state)));
        }
        assertThat(pragma("user_version")).isEqualTo(3);
    }

    @Test
    void aMigratedHistoryHasTheSchemaOfANewOne() throws SQLException {
        writeVersionOneFile();
        SqliteStore.open(file()).close();
        Path fresh = dir.resolve("fresh.db");
        SqliteStore.open(fresh).close();

        assertThat(schema(file())).isEqualTo(schema(fresh));
    }

    @Test
    void versionTwoAddsTheHealingColumnsWithDefaultsAndTheStateTable() throws SQLException {
        SqliteStore.open(file()).close();

        assertThat(columns("check_results")).contains(
            "state TEXT notnull=1 default='HEALTHY' pk=0",
            "flapping INTEGER notnull=1 default=0 pk=0",
            "blocked_by TEXT notnull=1 default='' pk=0",
            "maintenance TEXT notnull=1 default='' pk=0");
        assertThat(columns("check_state")).containsExactly(
            "package_id TEXT notnull=1 default=null pk=1",
            "check_name TEXT notnull=1 default=null pk=2",
            "state TEXT notnull=1 default=null pk=0",
            "since INTEGER notnull=1 default=null pk=0",
            "consecutive_failures INTEGER notnull=1 default=null pk=0",
            "consecutive_passes INTEGER notnull=1 default=null pk=0",
            "repairs TEXT notnull=1 default=null pk=0",
            "repairs_since_healthy INTEGER notnull=1 default=null pk=0",
            "state_changes TEXT notnull=1 default=null pk=0");
    }

    @Test
    void versionThreeAddsANullableIntervalToRuns() throws SQLException {
        SqliteStore.open(file()).close();

        assertThat(columns("runs")).contains("interval_ms INTEGER notnull=0 default=null pk=0");
    }

    @Test
    void runsOfAVersionTwoHistoryReadBackWithAnUnknownIntervalAndNewRunsKeepTheirs() throws SQLException {
        writeVersionOneFile();
        try (Connection connection = connect(file()); Statement statement = connection.createStatement()) {
            for (String sql : VERSION_2) {
                statement.execute(sql);
            }
            statement.execute("PRAGMA user_version = 2");
        }
        RunRecord daemonRun = new RunRecord("run-2", RunMode.DAEMON, "host-a", "prod", T0.plusSeconds(60),
            Duration.ofMillis(80), 1, 0, 0, 0, Duration.ofMinutes(5));

        try (SqliteStore store = SqliteStore.open(file())) {
            assertThat(store.runs(all())).singleElement().satisfies(run -> {
                assertThat(run).isEqualTo(V1_RUN);
                assertThat(run.interval()).as("unknown").isZero();
            });
            store.runStarted(new RunStart("run-2", RunMode.DAEMON, "host-a", "prod", T0.plusSeconds(60)));
            store.runFinished(daemonRun);
        }
        try (SqliteStore store = SqliteStore.open(file())) {
            assertThat(store.runs(all())).containsExactly(daemonRun, V1_RUN);
        }
        assertThat(pragma("user_version")).isEqualTo(3);
    }

    @Test
    void listsOfInstantsAreKeptAsEpochMillisecondsOnePerLine() throws SQLException {
        try (SqliteStore store = SqliteStore.open(file())) {
            store.saveState(new CheckState(ANSWERS, HealthState.FAILING, T0, 1, 0, List.of(Instant.ofEpochMilli(-1), T0), 1,
                List.of()));
        }

        try (Connection connection = connect(file());
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT since, repairs, state_changes FROM check_state")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getLong("since")).isEqualTo(T0.toEpochMilli());
            assertThat(row.getString("repairs")).isEqualTo("-1\n" + T0.toEpochMilli() + "\n");
            assertThat(row.getString("state_changes")).isEmpty();
        }
    }

    /** A history as a version-1 Medic left it: built with plain JDBC from the released DDL, in WAL mode. */
    private void writeVersionOneFile() throws SQLException {
        try (Connection connection = connect(file()); Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode = WAL");
            for (String sql : VERSION_1) {
                statement.execute(sql);
            }
            statement.execute("PRAGMA application_id = " + MEDIC);
            statement.execute("PRAGMA user_version = 1");
            insert(connection, "INSERT INTO runs (run_id, mode, host, environment, started_at, finished_at, duration_ms,"
                + " healthy, repaired, unresolved, skipped) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", V1_RUN.runId(),
                V1_RUN.mode().name(), V1_RUN.host(), V1_RUN.environment(), millis(V1_RUN.startedAt()),
                millis(V1_RUN.startedAt()) + V1_RUN.duration().toMillis(), V1_RUN.duration().toMillis(), V1_RUN.healthy(),
                V1_RUN.repaired(), V1_RUN.unresolved(), V1_RUN.skipped());
            insert(connection, "INSERT INTO repairs (run_id, package_id, check_name, repair, outcome, started_at, duration_ms,"
                + " message, details, log) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", V1_REPAIR.runId(),
                V1_REPAIR.check().packageId(), V1_REPAIR.check().name(), V1_REPAIR.repair(), V1_REPAIR.outcome().name(),
                millis(V1_REPAIR.startedAt()), V1_REPAIR.duration().toMillis(), V1_REPAIR.message(), "freed=2 GB\n",
                "deleting /tmp/a\n");
            for (CheckRecord check : V1_CHECKS) {
                insert(connection, "INSERT INTO check_results (run_id, package_id, check_name, outcome, reason, started_at,"
                    + " duration_ms, attempts, message, repair) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", check.runId(),
                    check.check().packageId(), check.check().name(), check.outcome().name(), check.reason().name(),
                    millis(check.startedAt()), check.duration().toMillis(), check.attempts(), check.message(),
                    check.repair());
            }
            insert(connection, "INSERT INTO measurements (run_id, package_id, source, name, value, tags, time)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", "run-1", "disk", "DiskChecks.hasRoom", "disk.free_bytes", 1.5e9, "",
                millis(T0));
            insert(connection, "INSERT INTO problems (run_id, kind, subject, message, time) VALUES (?, ?, ?, ?, ?)",
                "run-1", "STATS", "disk/DiskStats.inodes", "no /proc here", millis(T0));
        }
        assertThat(pragma("user_version")).as("the file is at version 1 before it is opened").isEqualTo(1);
    }

    private static void insert(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    private int pragma(String name) throws SQLException {
        try (Connection connection = connect(file());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("PRAGMA " + name)) {
            return result.next() ? result.getInt(1) : -1;
        }
    }

    private List<String> columns(String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = connect(file());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rows.next()) {
                columns.add(rows.getString("name") + " " + rows.getString("type") + " notnull=" + rows.getInt("notnull")
                    + " default=" + rows.getString("dflt_value") + " pk=" + rows.getInt("pk"));
            }
        }
        return columns;
    }

    private static List<String> schema(Path file) throws SQLException {
        List<String> schema = new ArrayList<>();
        try (Connection connection = connect(file);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")) {
            while (rows.next()) {
                schema.add(rows.getString("type") + " " + rows.getString("name") + ": " + rows.getString("sql"));
            }
        }
        return schema;
    }

    private static Connection connect(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    private static long millis(Instant instant) {
        return instant.toEpochMilli();
    }

    private static HistoryQuery all() {
        return new HistoryQuery(Selection.all(), Optional.empty(), 1000);
    }
}
