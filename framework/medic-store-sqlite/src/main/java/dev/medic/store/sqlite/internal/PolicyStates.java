package dev.medic.store.sqlite.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.medic.api.CheckId;
import dev.medic.engine.CheckState;
import dev.medic.engine.Selection;

/**
 * Keeps the healing policy's state of each check: one row per check in {@code check_state}.
 *
 * <p>As in {@link HistoryReader}, SQL narrows by package and {@link Selection#includes} matches
 * the check pattern in Java. Answers come in {@link CheckId} order, sorted in Java, because
 * SQLite compares text by its UTF-8 bytes and Java by UTF-16 units.
 */
public final class PolicyStates {

    private static final String BY_ID = " WHERE package_id = ? AND check_name = ?";

    private final Database database;

    public PolicyStates(Database database) {
        this.database = database;
    }

    /** The selected checks' states, in check order. */
    public Map<CheckId, CheckState> states(Selection selection) {
        return database.read("read the healing state of the checks", connection -> select(connection, selection));
    }

    /** Replaces the check's state, or adds it; committed before returning. */
    public void save(CheckState state) {
        database.write("keep the healing state of " + state.check(), connection -> save(database, state));
    }

    /** Replaces the check's state, or adds it, inside the caller's transaction. */
    static void save(Database database, CheckState state) throws SQLException {
        PreparedStatement statement = database.prepared(
            "INSERT INTO check_state (" + Rows.STATE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (package_id, check_name) DO UPDATE SET"
            + " state = excluded.state, since = excluded.since,"
            + " consecutive_failures = excluded.consecutive_failures,"
            + " consecutive_passes = excluded.consecutive_passes, repairs = excluded.repairs,"
            + " repairs_since_healthy = excluded.repairs_since_healthy, state_changes = excluded.state_changes");
        statement.setString(1, state.check().packageId());
        statement.setString(2, state.check().name());
        statement.setString(3, state.state().name());
        statement.setLong(4, state.since().toEpochMilli());
        statement.setInt(5, state.consecutiveFailures());
        statement.setInt(6, state.consecutivePasses());
        statement.setString(7, Rows.encodeInstants(state.repairs()));
        statement.setInt(8, state.repairsSinceHealthy());
        statement.setString(9, Rows.encodeInstants(state.stateChanges()));
        statement.executeUpdate();
    }

    /**
     * Deletes the selected checks' states in one transaction. Reads only the checks' ids, so that
     * a row this Medic cannot read can still be reset.
     *
     * @return the checks whose state was deleted, in check order
     */
    public List<CheckId> reset(Selection selection) {
        List<CheckId> reset = new ArrayList<>();
        database.write("reset the healing state of the checks", connection -> {
            reset.clear();
            List<CheckId> selected = new ArrayList<>();
            Where where = Where.of(selection);
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT package_id, check_name FROM check_state" + where.sql())) {
                where.bind(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        CheckId id = new CheckId(rows.getString("package_id"), rows.getString("check_name"));
                        if (selection.includes(id)) {
                            selected.add(id);
                        }
                    }
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM check_state" + BY_ID)) {
                for (CheckId id : selected) {
                    delete.setString(1, id.packageId());
                    delete.setString(2, id.name());
                    delete.executeUpdate();
                }
            }
            selected.sort(Comparator.naturalOrder());
            reset.addAll(selected);
        });
        return List.copyOf(reset);
    }

    /** The selected checks' states, in check order; for reads that need them with other rows. */
    static Map<CheckId, CheckState> select(Connection connection, Selection selection) throws SQLException {
        List<CheckState> selected = new ArrayList<>();
        Where where = Where.of(selection);
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + Rows.STATE_COLUMNS + " FROM check_state" + where.sql())) {
            where.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    CheckState state = Rows.state(rows);
                    if (selection.includes(state.check())) {
                        selected.add(state);
                    }
                }
            }
        }
        selected.sort(Comparator.comparing(CheckState::check));
        Map<CheckId, CheckState> states = new LinkedHashMap<>();
        selected.forEach(state -> states.put(state.check(), state));
        return states;
    }

    /** The package condition of a selection, if it names a package. */
    private record Where(Optional<String> packageId) {

        static Where of(Selection selection) {
            return new Where(selection.packageId());
        }

        String sql() {
            return packageId.isPresent() ? " WHERE package_id = ?" : "";
        }

        void bind(PreparedStatement statement) throws SQLException {
            if (packageId.isPresent()) {
                statement.setString(1, packageId.get());
            }
        }
    }
}
