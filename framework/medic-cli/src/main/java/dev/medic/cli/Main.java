package dev.medic.cli;

import java.io.PrintWriter;

/** Starts the {@code medic} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = MedicCommand.execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        // Exit explicitly: a check or repair abandoned at its timeout may still hold a thread.
        System.exit(code);
    }
}
