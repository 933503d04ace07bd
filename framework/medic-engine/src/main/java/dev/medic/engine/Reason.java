package dev.medic.engine;

/**
 * Why a check is {@link Outcome#UNRESOLVED}; {@link #NONE} for every other outcome.
 */
public enum Reason {

    /** Not unresolved. */
    NONE,

    /** The check has no repair paired with it. */
    NO_REPAIR,

    /** The repair threw, timed out, could not be created, or reported failure. */
    REPAIR_FAILED,

    /** The repair reported success but the retest still failed. */
    STILL_FAILING,

    /** Repairs are switched off for this check (report-only). */
    SUPPRESSED,

    /** The run only checks ({@code medic check}) and never repairs. */
    CHECK_ONLY,

    /** The package could not be loaded or its checks could not be discovered. */
    LOAD_FAILED
}
