package dev.medic.engine.spi;

import dev.medic.engine.CheckRecord;
import dev.medic.engine.Measurement;
import dev.medic.engine.RepairRecord;
import dev.medic.engine.RunStart;
import dev.medic.engine.RunProblem;
import dev.medic.engine.RunRecord;

/**
 * Receives the events of a run: stores, metrics sinks and reporters implement it.
 *
 * <p>The engine calls listeners from one thread at a time. A listener must not block for long,
 * and whatever it throws is caught, logged and otherwise ignored: no listener can stop healing.
 * A repair's record arrives before the record of the check it was run for.
 */
public interface RunListener {

    /** A run has started. */
    default void runStarted(RunStart start) {
    }

    /** A repair attempt has ended. */
    default void repairFinished(RepairRecord repair) {
    }

    /** A check has its final outcome for this run. */
    default void checkFinished(CheckRecord check) {
    }

    /** A stats method or a check recorded a measurement. */
    default void measured(Measurement measurement) {
    }

    /** Something went wrong outside any single check: a package, a stats method, a listener. */
    default void problem(RunProblem problem) {
    }

    /** A run has ended; its summary doubles as the runner's heartbeat. */
    default void runFinished(RunRecord run) {
    }
}
