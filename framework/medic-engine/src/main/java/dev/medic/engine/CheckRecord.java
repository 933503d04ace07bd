package dev.medic.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import dev.medic.api.CheckId;

/**
 * The recorded result of one check in one run.
 *
 * @param runId     the run this result belongs to
 * @param check     the check
 * @param outcome   how the check ended
 * @param reason    why it is unresolved; {@link Reason#NONE} otherwise
 * @param startedAt when the first execution of the check started; also the metric timestamp
 * @param duration  from the start of the first execution to the end of the last retest
 * @param attempts  how many times the check was executed (first run, retests)
 * @param message   the failure, skip or repair message; empty when healthy at once
 * @param repair    the simple name of the paired repair class; empty when none
 */
public record CheckRecord(String runId, CheckId check, Outcome outcome, Reason reason, Instant startedAt,
        Duration duration, int attempts, String message, String repair) {

    public CheckRecord {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(duration, "duration");
        message = message == null ? "" : message;
        repair = repair == null ? "" : repair;
        if ((outcome == Outcome.UNRESOLVED) != (reason != Reason.NONE)) {
            throw new IllegalArgumentException("outcome " + outcome + " does not go with reason " + reason);
        }
    }
}
