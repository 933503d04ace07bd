package dev.medic.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.medic.api.CheckId;

/**
 * The recorded result of one repair attempt.
 *
 * @param runId     the run this attempt belongs to
 * @param check     the check the repair was run for
 * @param repair    the simple name of the repair class
 * @param outcome   how the attempt ended
 * @param startedAt when the repair started; also the metric timestamp
 * @param duration  how long it ran
 * @param message   the repair's own message, or the exception it threw
 * @param details   the details the repair reported
 * @param log       the lines the repair logged (at most a few hundred)
 */
public record RepairRecord(String runId, CheckId check, String repair, RepairOutcome outcome, Instant startedAt,
        Duration duration, String message, Map<String, String> details, List<String> log) {

    public RepairRecord {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(repair, "repair");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(duration, "duration");
        message = message == null ? "" : message;
        details = details == null ? Map.of() : Map.copyOf(details);
        log = log == null ? List.of() : List.copyOf(log);
    }
}
