package dev.medic.store.sqlite.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;
import java.util.Optional;

import dev.medic.engine.CheckRecord;
import dev.medic.engine.CheckState;
import dev.medic.engine.Measurement;
import dev.medic.engine.RepairRecord;
import dev.medic.engine.RunStart;
import dev.medic.engine.RunProblem;
import dev.medic.engine.RunRecord;
import dev.medic.store.sqlite.StoreException;

/** Writes each event in a transaction of its own, committed before the method returns. */
public final class EventWriter {

    /** How many recent run ids to remember as known, sparing each event a lookup of its run. */
    private static final int KNOWN_RUNS = 64;

    private final Database database;
    private final java.util.Set<String> knownRuns = java.util.Collections.newSetFromMap(
        new java.util.LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > KNOWN_RUNS;
            }
        });

    public EventWriter(Database database) {
        this.database = database;
    }

    public void runStarted(RunStart start) {
        database.write("record the start of run " + start.runId(), connection -> update(
            "INSERT INTO runs (run_id, mode, host, environment, started_at) VALUES (?, ?, ?, ?, ?)", start.runId(),
            start.mode().name(), start.host(), start.environment(), start.startedAt().toEpochMilli()));
        knownRuns.add(start.runId());
    }

    /** Fills in the run's row; a run whose start was never recorded gets its row now. */
    public void runFinished(RunRecord run) {
        long started = run.startedAt().toEpochMilli();
        long duration = run.duration().toMillis();
        database.write("record the end of run " + run.runId(), connection -> update("""
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

    /**
     * Records a check's result, and with it, in the same transaction, the policy state it left
     * the check in: the two are never seen apart.
     */
    public void checkFinished(CheckRecord check, Optional<CheckState> state) {
        String what = "record check " + check.check() + " of run " + check.runId();
        database.write(what, connection -> {
            requireRun(connection, check.runId(), what);
            if (state.isPresent()) {
                PolicyStates.save(database, state.get());
            }
            update("INSERT INTO check_results (" + Rows.CHECK_COLUMNS + ")"
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
            update("INSERT INTO repairs (" + Rows.REPAIR_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
            update("INSERT INTO measurements (" + Rows.MEASUREMENT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                measurement.runId(), measurement.packageId(), measurement.source(), measurement.name(), value,
                TextCodec.encodeMap(measurement.tags()), measurement.time().toEpochMilli());
        });
    }

    public void problem(RunProblem problem) {
        String what = "record a problem with " + problem.subject() + " in run " + problem.runId();
        database.write(what, connection -> {
            requireRun(connection, problem.runId(), what);
            update("INSERT INTO problems (" + Rows.PROBLEM_COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
                problem.runId(), problem.kind().name(), problem.subject(), problem.message(), problem.time().toEpochMilli());
        });
    }

    /** Says which contract was broken, where the foreign key would only say that one was. */
    private void requireRun(Connection connection, String runId, String what) throws SQLException {
        if (knownRuns.contains(runId)) {
            return;
        }
        PreparedStatement statement = database.prepared("SELECT 1 FROM runs WHERE run_id = ?");
        statement.setString(1, runId);
        try (ResultSet result = statement.executeQuery()) {
            if (!result.next()) {
                throw new StoreException("cannot " + what + ": " + database.file() + " has no run " + runId
                    + "; a run's events must follow its runStarted");
            }
        }
        knownRuns.add(runId);
    }

    private void update(String sql, Object... values) throws SQLException {
        PreparedStatement statement = database.prepared(sql);
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
