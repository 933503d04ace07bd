package dev.medic.engine.internal.policy;

import java.util.Optional;

import dev.medic.engine.CheckState;
import dev.medic.engine.Reason;

/**
 * What the policy says about a confirmed failure: a reason not to repair it now, or go ahead.
 *
 * @param reason    why it stays unresolved; empty when the repair may run
 * @param message   the record's message when it stays unresolved
 * @param state     the check's state after the decision (the decision can give up on it)
 * @param blockedBy the failing dependency, for BLOCKED
 */
public record Verdict(Optional<Reason> reason, String message, CheckState state, String blockedBy) {

    static Verdict unresolved(Reason reason, String message, CheckState state) {
        return new Verdict(Optional.of(reason), message, state, "");
    }

    static Verdict repair(CheckState state) {
        return new Verdict(Optional.empty(), "", state, "");
    }

    /** True when the repair may run. */
    public boolean repairs() {
        return reason.isEmpty();
    }
}
