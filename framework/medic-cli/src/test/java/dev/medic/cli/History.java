package dev.medic.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The check records of a history file as plain rows, read the way any SQLite client could while Medic writes. */
final class History {

    /** One check record. */
    record Row(String check, String outcome, String reason, Instant startedAt, String message, String runMode,
            Instant runStartedAt) {
    }

    private History() {
    }

    /** Every record of checks whose name ends with {@code suffix}, oldest first; empty while the file does not exist. */
    static List<Row> of(Path file, String suffix) {
        List<Row> rows = new ArrayList<>();
        if (!java.nio.file.Files.exists(file)) {
            return rows;
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file); Statement sql = db.createStatement();
                ResultSet row = sql.executeQuery("SELECT c.check_name, c.outcome, c.reason, c.started_at, c.message, r.mode, r.started_at"
                    + " FROM check_results c JOIN runs r ON r.run_id = c.run_id ORDER BY c.started_at, c.id")) {
            while (row.next()) {
                if (row.getString(1).endsWith(suffix)) {
                    rows.add(new Row(row.getString(1), row.getString(2), row.getString(3),
                        Instant.ofEpochMilli(row.getLong(4)), row.getString(5), row.getString(6),
                        Instant.ofEpochMilli(row.getLong(7))));
                }
            }
        } catch (SQLException e) {
            // The daemon may be creating the schema right now: nothing to read yet.
            if (!String.valueOf(e.getMessage()).contains("no such table")) {
                throw new IllegalStateException(e);
            }
        }
        return rows;
    }

    /** Runs that started and never finished: a process that lost its summary. */
    static int unfinishedRuns(Path file) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file); Statement sql = db.createStatement();
                ResultSet row = sql.executeQuery("SELECT count(*) FROM runs WHERE finished_at IS NULL")) {
            return row.next() ? row.getInt(1) : 0;
        }
    }
}
