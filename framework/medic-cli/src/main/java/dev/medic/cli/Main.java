package dev.medic.cli;

import java.io.PrintWriter;

import dev.medic.engine.Medic;
import dev.medic.store.sqlite.SqliteStore;

/** Starts the {@code medic} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("run") || args[0].equals("check"))) {
            // Load the engine and the store on another core while picocli parses the arguments.
            Thread warmUp = new Thread(() -> {
                Medic.warmUp();
                SqliteStore.warmUp();
            }, "medic-warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
        }
        int code = MedicCommand.execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        // Exit explicitly: a check or repair abandoned at its timeout may still hold a thread.
        System.exit(code);
    }
}
