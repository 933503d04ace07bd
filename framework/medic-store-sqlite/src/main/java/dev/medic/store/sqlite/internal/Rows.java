package dev.medic.store.sqlite.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.medic.api.CheckId;
import dev.medic.engine.CheckRecord;
import dev.medic.engine.CheckState;
import dev.medic.engine.HealthState;
import dev.medic.engine.Measurement;
import dev.medic.engine.Outcome;
import dev.medic.engine.Reason;
import dev.medic.engine.RepairOutcome;
import dev.medic.engine.RepairRecord;
import dev.medic.engine.RunMode;
import dev.medic.engine.RunProblem;
import dev.medic.engine.RunRecord;

/** Turns rows back into records; each column list names exactly what its mapper reads. */
final class Rows {

    static final String CHECK_COLUMNS = "run_id, package_id, check_name, outcome, reason, started_at, duration_ms, "
        + "attempts, message, repair, state, flapping, blocked_by, maintenance";

    static final String STATE_COLUMNS = "package_id, check_name, state, since, consecutive_failures, "
        + "consecutive_passes, repairs, repairs_since_healthy, state_changes";

    static final String REPAIR_COLUMNS =
        "run_id, package_id, check_name, repair, outcome, started_at, duration_ms, message, details, log";

    static final String MEASUREMENT_COLUMNS = "run_id, package_id, source, name, value, tags, time";

    static final String PROBLEM_COLUMNS = "run_id, kind, subject, message, time";

    private Rows() {
    }

    static CheckRecord check(ResultSet row) throws SQLException {
        return new CheckRecord(row.getString("run_id"), checkId(row), Outcome.valueOf(row.getString("outcome")),
            Reason.valueOf(row.getString("reason")), instant(row, "started_at"), Duration.ofMillis(row.getLong("duration_ms")),
            row.getInt("attempts"), row.getString("message"), row.getString("repair"),
            HealthState.valueOf(row.getString("state")), row.getInt("flapping") != 0, row.getString("blocked_by"),
            row.getString("maintenance"));
    }

    static CheckState state(ResultSet row) throws SQLException {
        return new CheckState(checkId(row), HealthState.valueOf(row.getString("state")), instant(row, "since"),
            row.getInt("consecutive_failures"), row.getInt("consecutive_passes"), decodeInstants(row.getString("repairs")),
            row.getInt("repairs_since_healthy"), decodeInstants(row.getString("state_changes")));
    }

    /** Instants as a {@link TextCodec} list of epoch milliseconds, readable in the {@code sqlite3} shell. */
    static String encodeInstants(List<Instant> instants) {
        return TextCodec.encodeList(instants.stream().map(instant -> Long.toString(instant.toEpochMilli())).toList());
    }

    static List<Instant> decodeInstants(String text) {
        return TextCodec.decodeList(text).stream().map(millis -> Instant.ofEpochMilli(Long.parseLong(millis))).toList();
    }

    static RepairRecord repair(ResultSet row) throws SQLException {
        return new RepairRecord(row.getString("run_id"), checkId(row), row.getString("repair"),
            RepairOutcome.valueOf(row.getString("outcome")), instant(row, "started_at"),
            Duration.ofMillis(row.getLong("duration_ms")), row.getString("message"),
            TextCodec.decodeMap(row.getString("details")), TextCodec.decodeList(row.getString("log")));
    }

    /**
     * Reads the columns of {@link HistoryReader}'s run query, where an unfinished run has no
     * duration, and a run written before schema version 3 (or not finished) no interval: both read as zero.
     */
    static RunRecord run(ResultSet row) throws SQLException {
        long millis = row.getLong("duration_ms");
        Duration duration = row.wasNull() ? Duration.ZERO : Duration.ofMillis(millis);
        long intervalMillis = row.getLong("interval_ms");
        Duration interval = row.wasNull() ? Duration.ZERO : Duration.ofMillis(intervalMillis);
        return new RunRecord(row.getString("run_id"), RunMode.valueOf(row.getString("mode")),
            orEmpty(row.getString("host")), orEmpty(row.getString("environment")), instant(row, "started_at"),
            duration, row.getInt("healthy"), row.getInt("repaired"),
            row.getInt("unresolved"), row.getInt("skipped"), interval);
    }

    static Measurement measurement(ResultSet row) throws SQLException {
        double stored = row.getDouble("value");
        // SQLite stores NaN as NULL
        double value = row.wasNull() ? Double.NaN : stored;
        return new Measurement(row.getString("run_id"), row.getString("package_id"), row.getString("source"),
            row.getString("name"), value, TextCodec.decodeMap(row.getString("tags")),
            instant(row, "time"));
    }

    static RunProblem problem(ResultSet row) throws SQLException {
        return new RunProblem(row.getString("run_id"), RunProblem.Kind.valueOf(row.getString("kind")),
            row.getString("subject"), row.getString("message"), instant(row, "time"));
    }

    private static CheckId checkId(ResultSet row) throws SQLException {
        return new CheckId(row.getString("package_id"), row.getString("check_name"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return Instant.ofEpochMilli(row.getLong(column));
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
