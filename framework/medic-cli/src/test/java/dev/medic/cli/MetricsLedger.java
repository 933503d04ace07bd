package dev.medic.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.medic.influxdb.testing.InfluxServer;
import dev.medic.store.sqlite.internal.TextCodec;

/**
 * The identities of metric points, as the runner's own SQLite history says they were produced and
 * as InfluxDB holds them: measurement, the tags that name the point, and its timestamp. The store
 * gets every event the sink gets, so the two lists must be equal: nothing lost, nothing doubled.
 */
final class MetricsLedger {

    private static final Set<String> NOT_OWN_TAGS = Set.of("name", "time", "host", "environment", "package", "source",
        "stat", "value");

    private MetricsLedger() {
    }

    /** One identity per point the runner produced, from its history; runs killed before their end have no run point. */
    static List<String> produced(Path history) throws SQLException {
        List<String> points = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + history); Statement sql = db.createStatement()) {
            read(sql, "SELECT package_id, check_name, outcome, reason, started_at FROM check_results", row ->
                points.add(String.join("|", "medic_check", row.getString(1), row.getString(2), row.getString(3),
                    row.getString(4), row.getString(5))));
            read(sql, "SELECT package_id, check_name, repair, outcome, started_at FROM repairs", row ->
                points.add(String.join("|", "medic_repair", row.getString(1), row.getString(2), row.getString(3),
                    row.getString(4), row.getString(5))));
            read(sql, "SELECT package_id, source, name, tags, time FROM measurements", row ->
                points.add(String.join("|", "medic_stat", row.getString(1), row.getString(2), row.getString(3),
                    new TreeMap<>(TextCodec.decodeMap(row.getString(4))).toString(), row.getString(5))));
            read(sql, "SELECT mode, started_at FROM runs WHERE finished_at IS NOT NULL", row -> {
                points.add(String.join("|", "medic_run", row.getString(1).toLowerCase(Locale.ROOT), row.getString(2)));
                points.add(String.join("|", "medic_spool", row.getString(2)));
            });
        }
        return points;
    }

    /** Every field of every check result in the history, as the medic_check point should carry it. */
    static List<String> producedCheckFields(Path history) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + history); Statement sql = db.createStatement()) {
            read(sql, "SELECT check_name, outcome, attempts, duration_ms, message, repair, started_at FROM check_results",
                row -> rows.add(String.join("|", row.getString(1), row.getString(2),
                    "state=" + (row.getString(2).equals("UNRESOLVED") ? 1 : 0), "attempts=" + row.getString(3),
                    "duration_ms=" + row.getString(4), "message=" + row.getString(5), "repair=" + row.getString(6),
                    row.getString(7))));
        }
        return rows;
    }

    /** Every field of every medic_check point, in the form of {@link #producedCheckFields(Path)}. */
    static List<String> storedCheckFields(InfluxServer influx, String database) throws IOException {
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> row : influx.query(database, "SELECT * FROM medic_check")) {
            rows.add(String.join("|", text(row, "check"), text(row, "outcome"), "state=" + text(row, "state"),
                "attempts=" + text(row, "attempts"), "duration_ms=" + text(row, "duration_ms"),
                "message=" + text(row, "message"), "repair=" + text(row, "repair"), text(row, "time")));
        }
        return rows;
    }

    /** One identity per point InfluxDB holds in the database. */
    static List<String> stored(InfluxServer influx, String database) throws IOException {
        List<String> points = new ArrayList<>();
        for (Map<String, Object> row : influx.query(database, "SELECT * FROM medic_check")) {
            points.add(String.join("|", "medic_check", text(row, "package"), text(row, "check"), text(row, "outcome"),
                text(row, "reason"), text(row, "time")));
        }
        for (Map<String, Object> row : influx.query(database, "SELECT * FROM medic_repair")) {
            points.add(String.join("|", "medic_repair", text(row, "package"), text(row, "check"), text(row, "repair"),
                text(row, "result"), text(row, "time")));
        }
        for (Map<String, Object> row : influx.query(database, "SELECT * FROM medic_stat")) {
            Map<String, String> own = new TreeMap<>();
            row.forEach((key, value) -> {
                if (!NOT_OWN_TAGS.contains(key) && value != null) {
                    own.put(key, value.toString());
                }
            });
            points.add(String.join("|", "medic_stat", text(row, "package"), text(row, "source"), text(row, "stat"),
                own.toString(), text(row, "time")));
        }
        for (Map<String, Object> row : influx.query(database, "SELECT * FROM medic_run")) {
            points.add(String.join("|", "medic_run", text(row, "mode"), text(row, "time")));
        }
        for (Map<String, Object> row : influx.query(database, "SELECT * FROM medic_spool")) {
            points.add(String.join("|", "medic_spool", text(row, "time")));
        }
        return points;
    }

    private static String text(Map<String, Object> row, String column) {
        return String.valueOf(row.get(column));
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private static void read(Statement sql, String query, RowReader reader) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                reader.read(rows);
            }
        }
    }
}
