package dev.medic.api;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * What a {@link Repair} knows about the failure it is asked to fix.
 */
public interface RepairContext {

    /** The check that failed. */
    CheckId check();

    /** The failure text of the check: the message of the assertion that failed. Never null. */
    String failureMessage();

    /** The throwable the check failed with, when there was one. */
    Optional<Throwable> failure();

    /** The settings of the check: the package's defaults overridden by the user's configuration. */
    Settings settings();

    /**
     * A directory this package may keep files in (pid files, logs, downloads). It exists and
     * belongs to Medic's state directory, so it survives between runs.
     */
    Path stateDirectory();

    /** When the repair's timeout runs out. A repair still running then is interrupted. */
    Instant deadline();

    /**
     * A logger for the repair. Lines logged here go to Medic's log and into the repair record.
     */
    System.Logger log();
}
