package dev.medic.influxdb.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.medic.engine.CheckRecord;
import dev.medic.engine.Measurement;
import dev.medic.engine.RepairRecord;
import dev.medic.engine.RunRecord;

/**
 * Turns the engine's events into line protocol, in the schema docs/metrics.md describes. Every
 * timestamp comes from the event itself, so a point written twice overwrites itself.
 */
public final class Points {

    public static final String CHECK = "medic_check";
    public static final String REPAIR = "medic_repair";
    public static final String STAT = "medic_stat";
    public static final String RUN = "medic_run";
    public static final String SPOOL = "medic_spool";

    /** Longer messages are cut: InfluxDB 1.x refuses string fields over 64 KB, and dashboards show the start. */
    static final int MAX_MESSAGE = 4000;

    /** Tags every stat point carries; a measurement's own tag of the same name is written with a {@code tag_} prefix. */
    private static final Set<String> STAT_TAGS = Set.of("host", "environment", "package", "source", "stat");

    private final String host;
    private final String environment;

    public Points(String host, String environment) {
        this.host = host;
        this.environment = environment;
    }

    public String check(CheckRecord check) {
        return base(CHECK)
            .tag("package", check.check().packageId())
            .tag("check", check.check().name())
            .tag("outcome", check.outcome().name())
            .tag("reason", check.reason().name())
            .tag("health", check.state().name())
            .field("state", check.outcome().state())
            .field("duration_ms", check.duration().toMillis())
            .field("attempts", check.attempts())
            .field("message", cut(check.message()))
            .field("repair", check.repair())
            .field("flapping", check.flapping() ? 1 : 0)
            .field("blocked_by", check.blockedBy())
            .field("maintenance", check.maintenance())
            .at(check.startedAt());
    }

    /** {@code success} is 1 only for SUCCEEDED; NOT_APPLICABLE is 0 and keeps its own {@code result}, so that it can be left out of attempt counts. */
    public String repair(RepairRecord repair) {
        return base(REPAIR)
            .tag("package", repair.check().packageId())
            .tag("check", repair.check().name())
            .tag("repair", repair.repair())
            .tag("result", repair.outcome().name())
            .field("success", repair.outcome().isSuccess() ? 1 : 0)
            .field("duration_ms", repair.duration().toMillis())
            .field("message", cut(repair.message()))
            .at(repair.startedAt());
    }

    /** Empty for NaN and infinities, which line protocol cannot carry. */
    public Optional<String> stat(Measurement measurement) {
        if (!Double.isFinite(measurement.value())) {
            return Optional.empty();
        }
        LineProtocol point = base(STAT)
            .tag("package", measurement.packageId())
            .tag("source", measurement.source())
            .tag("stat", measurement.name());
        measurement.tags().forEach((key, value) -> point.tag(STAT_TAGS.contains(key) ? "tag_" + key : key, value));
        return Optional.of(point.field("value", measurement.value()).at(measurement.time()));
    }

    public String run(RunRecord run) {
        return base(RUN)
            .tag("mode", run.mode().name().toLowerCase(Locale.ROOT))
            .field("checks", run.checks())
            .field("healthy", run.healthy())
            .field("repaired", run.repaired())
            .field("unresolved", run.unresolved())
            .field("skipped", run.skipped())
            .field("duration_ms", run.duration().toMillis())
            .field("interval_s", run.interval().toSeconds())
            .at(run.startedAt());
    }

    /** The spool's state, written with each run record and at its timestamp. */
    public String spool(RunRecord run, long pending, long dropped, long rejected) {
        return base(SPOOL)
            .field("pending", pending)
            .field("dropped", dropped)
            .field("rejected", rejected)
            .at(run.startedAt());
    }

    private LineProtocol base(String measurement) {
        return LineProtocol.point(measurement).tag("host", host).tag("environment", environment);
    }

    private static String cut(String message) {
        if (message.length() <= MAX_MESSAGE) {
            return message;
        }
        int end = Character.isHighSurrogate(message.charAt(MAX_MESSAGE - 1)) ? MAX_MESSAGE - 1 : MAX_MESSAGE;
        return message.substring(0, end) + "…";
    }
}
