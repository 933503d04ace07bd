package dev.medic.store.sqlite.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import dev.medic.store.sqlite.StoreException;

/**
 * The history schema, one migration per version, with the version kept in {@code PRAGMA user_version}
 * and the file marked as Medic's in {@code PRAGMA application_id}.
 *
 * <p>Append only: a released migration never changes; a new schema version is a new entry.
 */
public final class Migrations {

    /** "Medi", so that {@code file(1)} and other tools can tell the file is Medic's. */
    static final int APPLICATION_ID = 0x4d656469;

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

    /**
     * The healing policy: each check record says where the check stood after its run, and
     * {@code check_state} keeps the policy's state of each check between runs. Records written
     * before version 2 carry no state; like {@code CheckRecord}'s short constructor, they get
     * FAILING when unresolved and HEALTHY otherwise. Lists of instants are kept as
     * {@link TextCodec} lists of epoch milliseconds.
     */
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

    /**
     * Each run keeps how often its runner is expected to run ({@code RunRecord.interval}), which the
     * silent-runner alert compares with the time since the last run. Nullable: runs written before
     * version 3 have none, and read back as zero, which means unknown.
     */
    private static final List<String> VERSION_3 = List.of(
        "ALTER TABLE runs ADD COLUMN interval_ms INTEGER");

    /** Index i holds the statements that take the schema from version i to version i + 1. */
    private static final List<List<String>> MIGRATIONS = List.of(VERSION_1, VERSION_2, VERSION_3);

    private Migrations() {
    }

    /** The schema version this code writes. */
    public static int latest() {
        return MIGRATIONS.size();
    }

    /** The statements that take the schema from {@code version - 1} to {@code version}; for tests. */
    static List<String> statements(int version) {
        return MIGRATIONS.get(version - 1);
    }

    /**
     * The file's schema version, 0 for a new empty file.
     *
     * @throws StoreException when the file belongs to another application or to a newer Medic
     */
    static int identify(Connection connection, Path file) throws SQLException {
        int application = pragma(connection, "application_id");
        int version = pragma(connection, "user_version");
        if (application == APPLICATION_ID) {
            if (version > latest()) {
                throw new StoreException(file + " was written by a newer Medic: its history schema is version " + version
                    + ", this Medic knows versions up to " + latest());
            }
            return version;
        }
        if (application == 0 && version == 0 && isEmpty(connection)) {
            return 0;
        }
        throw new StoreException(file + " is not a Medic history database: it is an SQLite database of another application");
    }

    /** Brings the schema from the given version to the latest, one transaction per version. */
    static void migrate(Database database, int from) {
        for (int version = from + 1; version <= latest(); version++) {
            int target = version;
            database.write("create the history schema version " + target, connection -> {
                // Another process may have migrated since identify(); the write lock makes this check final.
                if (pragma(connection, "user_version") >= target) {
                    return;
                }
                try (Statement statement = connection.createStatement()) {
                    for (String sql : MIGRATIONS.get(target - 1)) {
                        statement.execute(sql);
                    }
                    statement.execute("PRAGMA application_id = " + APPLICATION_ID);
                    statement.execute("PRAGMA user_version = " + target);
                }
            });
        }
    }

    static int pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("PRAGMA " + name)) {
            return result.next() ? result.getInt(1) : 0;
        }
    }

    private static boolean isEmpty(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT count(*) FROM sqlite_master")) {
            return result.next() && result.getInt(1) == 0;
        }
    }
}
