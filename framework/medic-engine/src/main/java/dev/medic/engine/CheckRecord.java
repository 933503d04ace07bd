package dev.medic.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import dev.medic.api.CheckId;

/**
 * The recorded result of one check in one run.
 *
 * @param runId       the run this result belongs to
 * @param check       the check
 * @param outcome     how the check ended
 * @param reason      why it is unresolved; {@link Reason#NONE} otherwise
 * @param startedAt   when the first execution of the check started; also the metric timestamp
 * @param duration    from the start of the first execution to the end of the last retest
 * @param attempts    how many times the check was executed (first run, rechecks, retests)
 * @param message     the failure, skip or repair message; empty when healthy at once
 * @param repair      the simple name of the paired repair class; empty when none
 * @param state       where the check stands after this run, as the healing policy tracks it
 * @param flapping    whether the check changed state more often than the flap threshold allows
 * @param blockedBy   the failing check this one depends on ({@code package/Check.name}); empty when none
 * @param maintenance the maintenance window open during the run; empty when none
 */
public record CheckRecord(String runId, CheckId check, Outcome outcome, Reason reason, Instant startedAt,
        Duration duration, int attempts, String message, String repair, HealthState state, boolean flapping,
        String blockedBy, String maintenance) {

    public CheckRecord {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(state, "state");
        message = message == null ? "" : message;
        repair = repair == null ? "" : repair;
        blockedBy = blockedBy == null ? "" : blockedBy;
        maintenance = maintenance == null ? "" : maintenance;
        if ((outcome == Outcome.UNRESOLVED) != (reason != Reason.NONE)) {
            throw new IllegalArgumentException("outcome " + outcome + " does not go with reason " + reason);
        }
    }

    /**
     * A record without policy annotations: the state follows from the outcome (FAILING when
     * unresolved, HEALTHY otherwise), not flapping, not blocked, no maintenance window.
     */
    public CheckRecord(String runId, CheckId check, Outcome outcome, Reason reason, Instant startedAt,
            Duration duration, int attempts, String message, String repair) {
        this(runId, check, outcome, reason, startedAt, duration, attempts, message, repair,
            outcome == Outcome.UNRESOLVED ? HealthState.FAILING : HealthState.HEALTHY, false, "", "");
    }
}
