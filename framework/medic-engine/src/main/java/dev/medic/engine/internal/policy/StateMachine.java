package dev.medic.engine.internal.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.medic.engine.CheckState;
import dev.medic.engine.HealthState;
import dev.medic.engine.config.CheckOptions;
import dev.medic.engine.config.Option;

/**
 * The transitions of a check's {@link CheckState}: pure functions of the state, the options and
 * the time, so that every rule can be tested with a manual clock. docs/healing.md lists them.
 */
public final class StateMachine {

    private StateMachine() {
    }

    /**
     * The check passed (a first execution, a recheck or a retest). Consecutive failures and
     * the backoff count reset; FAILING becomes HEALTHY; GIVEN_UP becomes HEALTHY once the check
     * has passed {@code recover-after} times in a row, which also clears its repair history.
     */
    public static CheckState passed(CheckState state, Instant now, CheckOptions options) {
        int passes = state.consecutivePasses() + 1;
        HealthState next = state.state();
        List<Instant> repairs = state.repairs();
        if (state.state() == HealthState.FAILING) {
            next = HealthState.HEALTHY;
        } else if (state.state() == HealthState.GIVEN_UP && passes >= options.get(Option.RECOVER_AFTER)) {
            next = HealthState.HEALTHY;
            repairs = List.of();
        }
        return new CheckState(state.check(), next, next == state.state() ? state.since() : now, 0, passes,
            recent(repairs, now, options.get(Option.REPAIR_WINDOW)), 0, changes(state, next, now, options));
    }

    /** A failure was confirmed: consecutive passes reset, failures count up, HEALTHY becomes FAILING. */
    public static CheckState confirmedFailure(CheckState state, Instant now, CheckOptions options) {
        HealthState next = state.state() == HealthState.HEALTHY ? HealthState.FAILING : state.state();
        return new CheckState(state.check(), next, next == state.state() ? state.since() : now,
            state.consecutiveFailures() + 1, 0, recent(state.repairs(), now, options.get(Option.REPAIR_WINDOW)),
            state.repairsSinceHealthy(), changes(state, next, now, options));
    }

    /** A repair was attempted now; it counts toward the repair limit and the backoff. */
    public static CheckState repairAttempted(CheckState state, Instant now, CheckOptions options) {
        List<Instant> repairs = new ArrayList<>(recent(state.repairs(), now, options.get(Option.REPAIR_WINDOW)));
        repairs.add(now);
        return new CheckState(state.check(), state.state(), state.since(), state.consecutiveFailures(),
            state.consecutivePasses(), repairs, state.repairsSinceHealthy() + 1, state.stateChanges());
    }

    /** The repair limit is reached: no more repairs until the check recovers or is reset. */
    public static CheckState givenUp(CheckState state, Instant now) {
        return new CheckState(state.check(), HealthState.GIVEN_UP, now, state.consecutiveFailures(),
            state.consecutivePasses(), state.repairs(), state.repairsSinceHealthy(), state.stateChanges());
    }

    /** How many repairs were attempted within the repair window before now. */
    public static int repairsInWindow(CheckState state, Instant now, CheckOptions options) {
        return recent(state.repairs(), now, options.get(Option.REPAIR_WINDOW)).size();
    }

    /**
     * When the next repair may be attempted: the last attempt plus {@code repair-backoff},
     * doubled for each attempt since the check last passed beyond the first. Empty when no
     * backoff applies (no attempt since the check last passed, or no backoff configured).
     */
    public static Optional<Instant> nextRepairAllowed(CheckState state, CheckOptions options) {
        Duration backoff = options.get(Option.REPAIR_BACKOFF);
        if (state.repairsSinceHealthy() == 0 || backoff.isZero() || state.lastRepair().isEmpty()) {
            return Optional.empty();
        }
        int doublings = Math.min(state.repairsSinceHealthy() - 1, 20);
        Duration wait = backoff.multipliedBy(1L << doublings);
        Duration cap = options.get(Option.REPAIR_WINDOW);
        return Optional.of(state.lastRepair().get().plus(wait.compareTo(cap) > 0 ? cap : wait));
    }

    /** Whether the check changed state at least {@code flap-threshold} times within the flap window. */
    public static boolean flapping(CheckState state, Instant now, CheckOptions options) {
        return recent(state.stateChanges(), now, options.get(Option.FLAP_WINDOW)).size() >= options.get(Option.FLAP_THRESHOLD);
    }

    /** A flip between HEALTHY and FAILING (either way, or out of GIVEN_UP) is a state change for flapping. */
    private static List<Instant> changes(CheckState state, HealthState next, Instant now, CheckOptions options) {
        List<Instant> changes = new ArrayList<>(recent(state.stateChanges(), now, options.get(Option.FLAP_WINDOW)));
        if (next != state.state()) {
            changes.add(now);
        }
        return changes;
    }

    private static List<Instant> recent(List<Instant> times, Instant now, Duration window) {
        Instant oldest = now.minus(window);
        return times.stream().filter(time -> time.isAfter(oldest)).toList();
    }
}
