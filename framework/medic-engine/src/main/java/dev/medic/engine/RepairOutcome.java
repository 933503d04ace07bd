package dev.medic.engine;

/** How one repair attempt ended. Only {@link #SUCCEEDED} lets the healing loop go on to the retest. */
public enum RepairOutcome {

    /** The repair returned a succeeded result. */
    SUCCEEDED,

    /** The repair returned a failed result. */
    FAILED,

    /** The repair had nothing to do for this failure; recorded as NO_REPAIR, not counted as an attempt. */
    NOT_APPLICABLE,

    /** The repair threw, or could not be created. */
    THREW,

    /** The repair was still running at its deadline and was abandoned. */
    TIMED_OUT;

    /** True only for {@link #SUCCEEDED}. */
    public boolean isSuccess() {
        return this == SUCCEEDED;
    }
}
