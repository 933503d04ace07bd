package dev.medic.engine;

/** The exit codes of every {@code medic} command, documented in docs/cli.md. */
public final class ExitCodes {

    /** Everything is healthy, repaired or skipped; or a command other than a run succeeded. */
    public static final int OK = 0;

    /** At least one check is unresolved (or a package could not be loaded). */
    public static final int UNRESOLVED = 1;

    /** Bad usage or configuration; nothing ran. */
    public static final int USAGE = 2;

    /** Medic itself failed (for example, the store could not be opened). */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
