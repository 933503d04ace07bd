package dev.medic.engine.spi;

import java.util.List;
import java.util.Map;

import dev.medic.api.CheckId;

import dev.medic.engine.CheckRecord;
import dev.medic.engine.CheckState;
import dev.medic.engine.CheckStatus;
import dev.medic.engine.HistoryQuery;
import dev.medic.engine.RepairRecord;
import dev.medic.engine.RunRecord;
import dev.medic.engine.Selection;

/**
 * Keeps the history of runs on this host and answers questions about it.
 *
 * <p>A store receives every event as a {@link RunListener} and must persist each one before the
 * call returns, so that a runner killed mid-run leaves a readable history of what happened so far.
 * Policy states are the one exception, see {@link #saveState}.
 */
public interface Store extends RunListener, AutoCloseable {

    /** The last record of every selected check, with its last failure and last repair. */
    List<CheckStatus> status(Selection selection);

    /** Check records, newest first. */
    List<CheckRecord> checks(HistoryQuery query);

    /** Repair records, newest first. */
    List<RepairRecord> repairs(HistoryQuery query);

    /** Run records, newest first. */
    List<RunRecord> runs(HistoryQuery query);

    /**
     * The healing policy's state of every check it keeps one for, among the selected ones, in
     * check id order. Instants may come back truncated to the millisecond.
     */
    Map<CheckId, CheckState> states(Selection selection);

    /**
     * Keeps a check's policy state, replacing the one it had. The engine saves a check's state
     * just before the check's record ({@link #checkFinished}); a store may write the two together,
     * in one transaction, but must have persisted the state by the time that record's call, the
     * run's end, a {@link #states} read or {@link #close} returns.
     */
    void saveState(CheckState state);

    /**
     * Forgets the policy state of the selected checks, as {@code medic reset} does: counters,
     * repair history and GIVEN_UP are cleared, and the next run starts them afresh.
     *
     * @return the checks whose state was forgotten, in check id order
     */
    List<CheckId> resetStates(Selection selection);

    /** Releases the store's resources. */
    @Override
    void close();
}
