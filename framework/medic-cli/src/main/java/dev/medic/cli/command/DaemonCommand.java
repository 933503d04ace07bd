package dev.medic.cli.command;

import java.io.IOException;
import java.time.Clock;

import dev.medic.cli.daemon.Daemon;
import dev.medic.cli.internal.Session;
import dev.medic.engine.ExitCodes;
import picocli.CommandLine.Command;

/** {@code medic daemon}: the long-running scheduler. */
@Command(name = "daemon", mixinStandardHelpOptions = true,
    description = {"Run each check and stats method at its own interval (or cron schedule), heal what fails, and",
        "pick up configuration and package changes without a restart (SIGHUP or a changed file). SIGTERM or SIGINT",
        "stops it cleanly: running repairs finish within the shutdown grace, the history and the metrics spool are",
        "flushed, and it exits 0. Exit code 2 when the configuration is wrong or a daemon already runs."})
public final class DaemonCommand extends BaseCommand {

    @Override
    int execute(Session session) {
        try {
            return new Daemon(common.config(), locator, out(), err(), Clock.systemUTC()).run(session);
        } catch (IOException e) {
            err().println("error: " + e.getMessage());
            return ExitCodes.INTERNAL;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.INTERNAL;
        }
    }
}
