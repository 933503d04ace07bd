package dev.medic.engine;

/** What a run does with failing checks. */
public enum RunMode {

    /** Run checks, repair the failing ones, retest, then collect stats ({@code medic run}). */
    RUN,

    /** Run checks and record them, never repair ({@code medic check}, the rerun after a manual fix). */
    CHECK,

    /** Run the checks that are due and repair the failing ones; stats run on their own schedule ({@code medic daemon}). */
    DAEMON;

    /** True when failing checks may be repaired. */
    public boolean repairs() {
        return this != CHECK;
    }
}
