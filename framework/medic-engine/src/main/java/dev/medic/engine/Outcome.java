package dev.medic.engine;

/**
 * How a check ended after Medic was done with it. A closed set: it becomes a metric tag, an exit
 * code and an alert condition.
 */
public enum Outcome {

    /** The check passed. */
    HEALTHY(0),

    /** The check failed, its repair succeeded and the retest passed. */
    REPAIRED(0),

    /** The check failed and still fails; the {@link Reason} says why. */
    UNRESOLVED(1),

    /** The check does not apply on this host (a failed assumption, or disabled). */
    SKIPPED(0);

    private final int state;

    Outcome(int state) {
        this.state = state;
    }

    /** The metric state: 1 when something is still broken, 0 otherwise. */
    public int state() {
        return state;
    }
}
