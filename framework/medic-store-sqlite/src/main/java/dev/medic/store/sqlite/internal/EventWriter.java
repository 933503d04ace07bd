package dev.medic.store.sqlite.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

import dev.medic.engine.CheckRecord;
import dev.medic.engine.Measurement;
import dev.medic.engine.RepairRecord;
import dev.medic.engine.RunStart;
import dev.medic.engine.RunProblem;
import dev.medic.engine.RunRecord;
import dev.medic.store.sqlite.StoreException;

/** Writes each event in a transaction of its own, committed before the method returns. */
public final class EventWriter {

    private final Database database;

    public EventWriter(Database database) {
        this.database = database;
    }

    public void runStarted(RunStart start) {
        database.write("record the start of run " + start.runId(), connection -> update(connection,
            "INSERT INTO runs (run_id, mode, host, environment, started_at) VALUES (?, ?, ?, ?, ?)", start.runId(),
            start.mode().name(), start.host(), start.environment(), start.startedAt().toEpochMilli()));
    }

    /** Fills in the run's row; a run whose start was never recorded gets its row now. */
    public void runFinished(RunRecord run) {
        long started = run.startedAt().toEpochMilli();
        long duration = run.duration().toMillis();
        database.write("record the end of run " + run.runId(), connection -> update(connection, """
            INSERT INTO runs (run_id, mode, host, environment, started_at, finished_at, duration_ms,
                              healthy, repaired, unresolved, skipped, interval_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (run_id) DO UPDATE SET
                mode = excluded.mode, host = excluded.host, environment = excluded.environment,
                started_at = excluded.started_at, finished_at = excluded.finished_at,
                duration_ms = excluded.duration_ms, healthy = excluded.healthy, repaired = excluded.repaired,
                unresolved = excluded.unresolved, skipped = excluded.skipped, interval_ms = excluded.interval_ms""",
            run.runId(), run.mode().name(), run.host(), run.environment(), started, started + duration, duration,
            run.healthy(), run.repaired(), run.unresolved(), run.skipped(), run.interval().toMillis()));
    }

    public void checkFinished(CheckRecord check) {
        String what = "record check " + check.check() + " of run " + check.runId();
        database.write(what, connection -> {
            requireRun(connection, check.runId(), what);
            update(connection, "INSERT INTO check_results (" + Rows.CHECK_COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                check.runId(), check.check().packageId(), check.check().name(), check.outcome().name(),
                check.reason().name(), check.startedAt().toEpochMilli(), check.duration().toMillis(), check.attempts(),
                check.message(), check.repair(), check.state().name(), check.flapping() ? 1 : 0, check.blockedBy(),
                check.maintenance());
        });
    }

    public void repairFinished(RepairRecord repair) {
        String what = "record repair " + repair.repair() + " of " + repair.check() + " in run " + repair.runId();
        database.write(what, connection -> {
            requireRun(connection, repair.runId(), what);
            update(connection, "INSERT INTO repairs (" + Rows.REPAIR_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                repair.runId(), repair.check().packageId(), repair.check().name(), repair.repair(),
                repair.outcome().name(), repair.startedAt().toEpochMilli(), repair.duration().toMillis(), repair.message(),
                TextCodec.encodeMap(repair.details()), TextCodec.encodeList(repair.log()));
        });
    }

    public void measured(Measurement measurement) {
        String what = "record measurement " + measurement.name() + " of run " + measurement.runId();
        // SQLite turns NaN into NULL; the reader turns it back
        Object value = Double.isNaN(measurement.value()) ? null : measurement.value();
        database.write(what, connection -> {
            requireRun(connection, measurement.runId(), what);
            update(connection, "INSERT INTO measurements (" + Rows.MEASUREMENT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                measurement.runId(), measurement.packageId(), measurement.source(), measurement.name(), value,
                TextCodec.encodeMap(measurement.tags()), measurement.time().toEpochMilli());
        });
    }

    public void problem(RunProblem problem) {
        String what = "record a problem with " + problem.subject() + " in run " + problem.runId();
        database.write(what, connection -> {
            requireRun(connection, problem.runId(), what);
            update(connection, "INSERT INTO problems (" + Rows.PROBLEM_COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
                problem.runId(), problem.kind().name(), problem.subject(), problem.message(), problem.time().toEpochMilli());
        });
    }

    /** Says which contract was broken, where the foreign key would only say that one was. */
    private void requireRun(Connection connection, String runId, String what) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM runs WHERE run_id = ?")) {
            statement.setString(1, runId);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    throw new StoreException("cannot " + what + ": " + database.file() + " has no run " + runId
                        + "; a run's events must follow its runStarted");
                }
            }
        }
    }

    private static void update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    statement.setNull(i + 1, Types.NULL);
                } else {
                    statement.setObject(i + 1, values[i]);
                }
            }
            statement.executeUpdate();
        }
    }
}
