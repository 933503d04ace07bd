package dev.medic.engine;

/**
 * Why a check is {@link Outcome#UNRESOLVED}; {@link #NONE} for every other outcome.
 */
public enum Reason {

    /** Not unresolved. */
    NONE,

    /** The check has no repair paired with it. */
    NO_REPAIR,

    /** The failure is confirmed, but fewer times in a row than the policy's threshold for a repair. */
    BELOW_THRESHOLD,

    /** A check it depends on is failing; the record names it. */
    BLOCKED,

    /** A repair was attempted recently; the next one waits for the backoff to pass. */
    BACKOFF,

    /** Another Medic process was repairing this check and still held its repair lock. */
    HEALING_ELSEWHERE,

    /** The repair limit was reached; no repairs until the check recovers or {@code medic reset}. */
    GIVEN_UP,

    /** The repair threw, timed out, could not be created, or reported failure. */
    REPAIR_FAILED,

    /** The repair reported success but the retest still failed. */
    STILL_FAILING,

    /** Repairs are switched off for this check: report-only, or a maintenance window (which the record names). */
    SUPPRESSED,

    /** The run only checks ({@code medic check}) and never repairs. */
    CHECK_ONLY,

    /** The package could not be loaded or its checks could not be discovered. */
    LOAD_FAILED
}
