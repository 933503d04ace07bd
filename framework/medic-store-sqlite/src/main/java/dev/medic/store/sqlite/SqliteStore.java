package dev.medic.store.sqlite;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.medic.api.CheckId;
import dev.medic.engine.CheckRecord;
import dev.medic.engine.CheckState;
import dev.medic.engine.CheckStatus;
import dev.medic.engine.HistoryQuery;
import dev.medic.engine.Measurement;
import dev.medic.engine.RepairRecord;
import dev.medic.engine.RunStart;
import dev.medic.engine.RunProblem;
import dev.medic.engine.RunRecord;
import dev.medic.engine.Selection;
import dev.medic.engine.spi.Store;
import dev.medic.store.sqlite.internal.Database;
import dev.medic.store.sqlite.internal.NativeLibraryCache;
import dev.medic.store.sqlite.internal.EventWriter;
import dev.medic.store.sqlite.internal.HistoryReader;
import dev.medic.store.sqlite.internal.PolicyStates;

/**
 * Keeps Medic's history in one SQLite file on this host; the default store.
 *
 * <p>Every event is written in its own transaction and committed before the listener method
 * returns, so a runner killed mid-run leaves a readable file holding everything recorded so far.
 * The file uses write-ahead logging with {@code synchronous=NORMAL}: a killed process loses
 * nothing it committed, and a power failure may lose the last events but does not damage the file.
 * Other processes, such as a second runner or {@code medic history}, may open the same file; a
 * writer waits up to five seconds for another's write to end.
 *
 * <p>Instants and durations are kept to the millisecond, in the healing policy's
 * {@link CheckState}s too. Records come newest first by their start time, and records that started
 * in the same millisecond in the order they arrived, latest first.
 *
 * <p>The healing policy's states ({@link #states}, {@link #resetStates}) come in {@link CheckId}
 * order. {@link #saveState} and {@link #resetStates} each commit their own transaction before
 * returning.
 *
 * <p>A run whose {@code runFinished} never arrived (its runner was killed, or it is still going) is
 * still returned by {@link #runs(HistoryQuery)}: with a zero duration and the counts of the
 * check records it did write.
 *
 * <p>A run's checks, repairs, measurements and problems must follow its {@code runStarted}, as the
 * engine guarantees; an event for a run this file has never seen is refused with a
 * {@link StoreException}. Every failure is a {@link StoreException} naming the file.
 *
 * <p>All methods are synchronized, so one instance may be shared between threads.
 */
public final class SqliteStore implements Store {

    private final Database database;
    private final EventWriter writer;
    private final HistoryReader reader;
    private final PolicyStates states;
    /** States saved but not yet written: each goes into its check record's transaction. */
    private final Map<CheckId, CheckState> unwritten = new java.util.LinkedHashMap<>();
    private boolean closed;

    private SqliteStore(Database database) {
        this.database = database;
        this.writer = new EventWriter(database);
        this.reader = new HistoryReader(database);
        this.states = new PolicyStates(database);
    }

    /**
     * Opens the history file, creating it and its parent directories when missing and bringing an
     * older schema up to date.
     *
     * @throws StoreException when the directory cannot be created, the file is not a Medic history
     *                        database, was written by a newer Medic, or cannot be opened
     */
    public static SqliteStore open(Path file) {
        NativeLibraryCache.prepare();
        return new SqliteStore(Database.open(file));
    }

    /**
     * Loads SQLite's driver and native library ahead of {@link #open(Path)}, so that a caller can
     * do it on another thread while it is busy with something else. Failures are left for
     * {@code open} to report.
     */
    public static void warmUp() {
        try {
            NativeLibraryCache.prepare();
            org.sqlite.SQLiteJDBCLoader.initialize();
        } catch (Exception | LinkageError e) {
            // open() reports it with the file's name
        }
    }

    /** The history file, as an absolute path. */
    public Path file() {
        return database.file();
    }

    @Override
    public synchronized void runStarted(RunStart start) {
        writer.runStarted(start);
    }

    @Override
    public synchronized void repairFinished(RepairRecord repair) {
        writer.repairFinished(repair);
    }

    @Override
    public synchronized void checkFinished(CheckRecord check) {
        writer.checkFinished(check, java.util.Optional.ofNullable(unwritten.remove(check.check())));
    }

    @Override
    public synchronized void measured(Measurement measurement) {
        writer.measured(measurement);
    }

    @Override
    public synchronized void problem(RunProblem problem) {
        writer.problem(problem);
    }

    @Override
    public synchronized void runFinished(RunRecord run) {
        writeStates();
        writer.runFinished(run);
    }

    @Override
    public synchronized List<CheckStatus> status(Selection selection) {
        writeStates();
        return reader.status(selection);
    }

    @Override
    public synchronized List<CheckRecord> checks(HistoryQuery query) {
        return reader.checks(query);
    }

    @Override
    public synchronized List<RepairRecord> repairs(HistoryQuery query) {
        return reader.repairs(query);
    }

    @Override
    public synchronized List<RunRecord> runs(HistoryQuery query) {
        return reader.runs(query);
    }

    @Override
    public synchronized Map<CheckId, CheckState> states(Selection selection) {
        writeStates();
        return states.states(selection);
    }

    /**
     * Keeps the state until the check's record arrives ({@link #checkFinished}), and writes both
     * in one transaction: a record and the state it produced are never seen apart, and a check
     * costs one transaction instead of two. A state whose record never comes is written at the
     * end of the run, before any read, and on close.
     */
    @Override
    public synchronized void saveState(CheckState state) {
        if (closed) {
            throw new StoreException("cannot keep the healing state of " + state.check() + ": " + database.file()
                + " is closed");
        }
        unwritten.put(state.check(), state);
    }

    @Override
    public synchronized List<CheckId> resetStates(Selection selection) {
        writeStates();
        return states.reset(selection);
    }

    private void writeStates() {
        while (!unwritten.isEmpty()) {
            CheckState next = unwritten.values().iterator().next();
            unwritten.remove(next.check());
            states.save(next);
        }
    }

    /** Closes the file; closing twice does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writeStates();
        } finally {
            database.close();
        }
    }
}
