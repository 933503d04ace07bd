package dev.medic.store.sqlite.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.medic.api.CheckId;
import dev.medic.engine.CheckRecord;
import dev.medic.engine.CheckState;
import dev.medic.engine.CheckStatus;
import dev.medic.engine.HistoryQuery;
import dev.medic.engine.Measurement;
import dev.medic.engine.Outcome;
import dev.medic.engine.RepairRecord;
import dev.medic.engine.RunProblem;
import dev.medic.engine.RunRecord;
import dev.medic.engine.Selection;

/**
 * Answers history queries, newest first: by start time, then by arrival.
 *
 * <p>SQL narrows by package and time; check patterns are matched in Java by
 * {@link Selection#includes}, because check names hold {@code [} and other characters that SQL
 * patterns would misread, and the answers must match every other store's.
 */
public final class HistoryReader {

    private static final String NEWEST_FIRST = " ORDER BY started_at DESC, id DESC";

    private static final String FAILED = "outcome NOT IN ('" + Outcome.HEALTHY.name() + "', '" + Outcome.SKIPPED.name() + "')";

    /** An unfinished run has no counts of its own; it gets those of the check records it wrote. */
    private static final String RUN_COLUMNS = "run_id, mode, host, environment, started_at, duration_ms, interval_ms, "
        + count(Outcome.HEALTHY) + ", " + count(Outcome.REPAIRED) + ", " + count(Outcome.UNRESOLVED) + ", "
        + count(Outcome.SKIPPED);

    private final Database database;

    public HistoryReader(Database database) {
        this.database = database;
    }

    public List<CheckStatus> status(Selection selection) {
        return database.read("read the status of the checks", connection -> {
            Map<CheckId, CheckRecord> last = newestPerCheck(connection, "check_results", Rows.CHECK_COLUMNS, Optional.empty(),
                selection, Rows::check, CheckRecord::check);
            Map<CheckId, CheckRecord> failures = newestPerCheck(connection, "check_results", Rows.CHECK_COLUMNS,
                Optional.of(FAILED), selection, Rows::check, CheckRecord::check);
            Map<CheckId, RepairRecord> repairs = newestPerCheck(connection, "repairs", Rows.REPAIR_COLUMNS, Optional.empty(),
                selection, Rows::repair, RepairRecord::check);
            Map<CheckId, CheckState> states = PolicyStates.select(connection, selection);
            return last.values().stream()
                .filter(record -> selection.includes(record.check()))
                .sorted((a, b) -> a.check().compareTo(b.check()))
                .map(record -> new CheckStatus(record, Optional.ofNullable(failures.get(record.check())),
                    Optional.ofNullable(repairs.get(record.check())), Optional.ofNullable(states.get(record.check()))))
                .toList();
        });
    }

    public List<CheckRecord> checks(HistoryQuery query) {
        Where where = Where.of(query.selection().packageId(), query.since());
        return database.read("read the check history", connection -> select(connection,
            "SELECT " + Rows.CHECK_COLUMNS + " FROM check_results" + where.sql() + NEWEST_FIRST, where.values(), Rows::check,
            record -> query.selection().includes(record.check()), query.limit()));
    }

    public List<RepairRecord> repairs(HistoryQuery query) {
        Where where = Where.of(query.selection().packageId(), query.since());
        return database.read("read the repair history", connection -> select(connection,
            "SELECT " + Rows.REPAIR_COLUMNS + " FROM repairs" + where.sql() + NEWEST_FIRST, where.values(), Rows::repair,
            record -> query.selection().includes(record.check()), query.limit()));
    }

    /** Runs are not selected by package or check: a run covers all of them. */
    public List<RunRecord> runs(HistoryQuery query) {
        Where where = Where.of(Optional.empty(), query.since());
        return database.read("read the run history", connection -> select(connection,
            "SELECT " + RUN_COLUMNS + " FROM runs r" + where.sql() + " ORDER BY started_at DESC, run_id DESC",
            where.values(), Rows::run, record -> true, query.limit()));
    }

    /** The run's measurements in the order they were recorded; the engine's SPI has no query for them. */
    public List<Measurement> measurements(String runId) {
        return database.read("read the measurements of run " + runId, connection -> select(connection,
            "SELECT " + Rows.MEASUREMENT_COLUMNS + " FROM measurements WHERE run_id = ? ORDER BY id", List.of(runId),
            Rows::measurement, record -> true, Integer.MAX_VALUE));
    }

    /** The run's problems in the order they were recorded; the engine's SPI has no query for them. */
    public List<RunProblem> problems(String runId) {
        return database.read("read the problems of run " + runId, connection -> select(connection,
            "SELECT " + Rows.PROBLEM_COLUMNS + " FROM problems WHERE run_id = ? ORDER BY id", List.of(runId),
            Rows::problem, record -> true, Integer.MAX_VALUE));
    }

    private static <T> Map<CheckId, T> newestPerCheck(Connection connection, String table, String columns,
            Optional<String> condition, Selection selection, RowMapper<T> mapper, Function<T, CheckId> id)
            throws SQLException {
        Where where = Where.of(selection.packageId(), Optional.empty()).and(condition);
        String sql = "SELECT " + columns + " FROM (SELECT *, row_number() OVER (PARTITION BY package_id, check_name"
            + NEWEST_FIRST + ") AS newness FROM " + table + where.sql() + ") WHERE newness = 1";
        Map<CheckId, T> newest = new HashMap<>();
        for (T record : select(connection, sql, where.values(), mapper, record -> true, Integer.MAX_VALUE)) {
            newest.put(id.apply(record), record);
        }
        return newest;
    }

    private static <T> List<T> select(Connection connection, String sql, List<Object> values, RowMapper<T> mapper,
            Predicate<T> filter, int limit) throws SQLException {
        List<T> selected = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            // SQLite steps lazily, so stopping at the limit stops the scan too
            try (ResultSet rows = statement.executeQuery()) {
                while (selected.size() < limit && rows.next()) {
                    T record = mapper.map(rows);
                    if (filter.test(record)) {
                        selected.add(record);
                    }
                }
            }
        }
        return selected;
    }

    private static String count(Outcome outcome) {
        String column = outcome.name().toLowerCase(java.util.Locale.ROOT);
        return "coalesce(" + column + ", (SELECT count(*) FROM check_results c WHERE c.run_id = r.run_id AND c.outcome = '"
            + outcome.name() + "')) AS " + column;
    }

    /** A WHERE clause and the values for its parameters. */
    private record Where(List<String> clauses, List<Object> values) {

        static Where of(Optional<String> packageId, Optional<Instant> since) {
            Where where = new Where(new ArrayList<>(), new ArrayList<>());
            packageId.ifPresent(id -> where.add("package_id = ?", id));
            // Stored instants are whole milliseconds; flooring keeps every record the query's instant admits.
            since.ifPresent(instant -> where.add("started_at >= ?", instant.toEpochMilli()));
            return where;
        }

        Where and(Optional<String> clause) {
            clause.ifPresent(clauses::add);
            return this;
        }

        private void add(String clause, Object value) {
            clauses.add(clause);
            values.add(value);
        }

        String sql() {
            return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
        }
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }
}
