package dev.medic.store.sqlite;

import static dev.medic.store.sqlite.Events.T0;
import static dev.medic.store.sqlite.Events.at;
import static dev.medic.store.sqlite.Events.check;
import static dev.medic.store.sqlite.Events.id;

import java.io.IOException;
import java.nio.file.Path;

import dev.medic.engine.CheckRecord;
import dev.medic.engine.Outcome;
import dev.medic.engine.RunMode;
import dev.medic.engine.RunStart;

/**
 * A runner that writes part of a run and then waits to be killed: {@code WritingRunner <file> <checks>}.
 * It never closes the store, as a runner killed mid-run would not.
 */
public final class WritingRunner {

    static final String RUN_ID = "killed-run";
    static final String WRITTEN = "written";

    private WritingRunner() {
    }

    static CheckRecord record(int index) {
        return check(RUN_ID, id("disk", "DiskChecks.check" + index), index % 2 == 0 ? Outcome.HEALTHY : Outcome.UNRESOLVED,
            at(index));
    }

    public static void main(String[] args) throws IOException {
        SqliteStore store = SqliteStore.open(Path.of(args[0]));
        store.runStarted(new RunStart(RUN_ID, RunMode.RUN, "test-host", "test", T0));
        int checks = Integer.parseInt(args[1]);
        for (int i = 0; i < checks; i++) {
            store.checkFinished(record(i));
        }
        System.out.println(WRITTEN);
        System.out.flush();
        // Waiting on stdin rather than sleeping: if the test JVM dies first, the pipe closes and this exits.
        while (System.in.read() >= 0) {
            // keep waiting for the kill
        }
    }
}
