package dev.medic.engine;

/**
 * Where a check stands between runs, as the healing policy tracks it. docs/healing.md lists
 * every transition and what triggers it.
 */
public enum HealthState {

    /** The check passes (or has never failed a confirmed failure). */
    HEALTHY,

    /** The check's failure is confirmed; repairs are allowed as the policy says. */
    FAILING,

    /** The repair limit was reached: no more repairs until the check passes enough times in a row, or {@code medic reset}. */
    GIVEN_UP
}
