package dev.medic.influxdb;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.medic.api.CheckId;
import dev.medic.engine.CheckRecord;
import dev.medic.engine.Measurement;
import dev.medic.engine.Outcome;
import dev.medic.engine.Reason;
import dev.medic.engine.RepairOutcome;
import dev.medic.engine.RepairRecord;
import dev.medic.engine.RunMode;
import dev.medic.engine.RunRecord;

/** Engine events as a run produces them, for feeding a sink directly. */
final class Events {

    static final Instant T0 = Instant.parse("2026-11-21T09:00:00.123Z");

    private Events() {
    }

    static CheckRecord check(String name, Outcome outcome, Reason reason, Instant startedAt, String message) {
        return new CheckRecord("run-1", new CheckId("demo", name), outcome, reason, startedAt, Duration.ofMillis(42),
            outcome == Outcome.REPAIRED ? 2 : 1, message, outcome == Outcome.REPAIRED ? "Fix" : "");
    }

    static CheckRecord healthy(String name, Instant startedAt) {
        return check(name, Outcome.HEALTHY, Reason.NONE, startedAt, "");
    }

    static RepairRecord repair(String check, RepairOutcome outcome, Instant startedAt, String message) {
        return new RepairRecord("run-1", new CheckId("demo", check), "Fix", outcome, startedAt, Duration.ofMillis(7),
            message, Map.of(), List.of());
    }

    static Measurement stat(String name, double value, Map<String, String> tags, Instant time) {
        return new Measurement("run-1", "demo", "DemoChecks.stats", name, value, tags, time);
    }

    static RunRecord run(Instant startedAt, int healthy, int repaired, int unresolved, int skipped) {
        return new RunRecord("run-1", RunMode.RUN, "test-host", "test", startedAt, Duration.ofMillis(900), healthy, repaired,
            unresolved, skipped, Duration.ofMinutes(5));
    }
}
