package dev.medic.store.sqlite;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.medic.api.CheckId;
import dev.medic.engine.CheckRecord;
import dev.medic.engine.CheckState;
import dev.medic.engine.HealthState;
import dev.medic.engine.HistoryQuery;
import dev.medic.engine.Outcome;
import dev.medic.engine.Reason;
import dev.medic.engine.RepairOutcome;
import dev.medic.engine.RepairRecord;
import dev.medic.engine.RunMode;
import dev.medic.engine.RunRecord;
import dev.medic.engine.Selection;

/** Records for the tests, with whole-millisecond instants because the store keeps milliseconds. */
final class Events {

    static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

    private Events() {
    }

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    static CheckId id(String packageId, String name) {
        return new CheckId(packageId, name);
    }

    static CheckRecord check(String runId, CheckId id, Outcome outcome, Instant startedAt) {
        Reason reason = outcome == Outcome.UNRESOLVED ? Reason.REPAIR_FAILED : Reason.NONE;
        String repair = outcome == Outcome.REPAIRED || outcome == Outcome.UNRESOLVED ? "Fix" + id.methodName() : "";
        return new CheckRecord(runId, id, outcome, reason, startedAt, Duration.ofMillis(250), 1,
            outcome == Outcome.HEALTHY ? "" : id + " was " + outcome, repair);
    }

    /** The record {@link #check} gives, with the healing policy's annotations. */
    static CheckRecord annotated(CheckRecord record, HealthState state, boolean flapping, String blockedBy,
            String maintenance) {
        return new CheckRecord(record.runId(), record.check(), record.outcome(), record.reason(), record.startedAt(),
            record.duration(), record.attempts(), record.message(), record.repair(), state, flapping, blockedBy,
            maintenance);
    }

    /** A state with every field set, its instants counted in minutes from {@link #T0}. */
    static CheckState state(CheckId id, HealthState health, int since, List<Integer> repairs, List<Integer> changes) {
        return new CheckState(id, health, at(since), repairs.size() + 1, health == HealthState.HEALTHY ? 2 : 0,
            repairs.stream().map(Events::at).toList(), repairs.size(), changes.stream().map(Events::at).toList());
    }

    static RepairRecord repair(String runId, CheckId id, RepairOutcome outcome, Instant startedAt) {
        return new RepairRecord(runId, id, "Fix" + id.methodName(), outcome, startedAt, Duration.ofMillis(40),
            "repair " + outcome, Map.of("attempt", runId), List.of("fixing " + id));
    }

    static RunRecord run(String runId, Instant startedAt) {
        return new RunRecord(runId, RunMode.RUN, "host-a", "prod", startedAt, Duration.ofSeconds(3), 1, 0, 0, 0);
    }

    static HistoryQuery query(Selection selection, Instant since, int limit) {
        return new HistoryQuery(selection, java.util.Optional.ofNullable(since), limit);
    }

    static HistoryQuery all() {
        return query(Selection.all(), null, 1000);
    }
}
