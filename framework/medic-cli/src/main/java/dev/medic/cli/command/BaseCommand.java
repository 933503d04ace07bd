package dev.medic.cli.command;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import dev.medic.cli.internal.ConfigLocator;
import dev.medic.cli.internal.Logging;
import dev.medic.cli.internal.Session;
import dev.medic.cli.output.Json;
import dev.medic.cli.output.Style;
import dev.medic.config.ConfigException;
import dev.medic.config.ConfigProblem;
import dev.medic.engine.ExitCodes;
import dev.medic.store.sqlite.StoreException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command shares: reading the configuration, logging, and turning a bad
 * configuration into exit code 2 and a store that cannot be opened into exit code 3.
 */
abstract class BaseCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    /** How to find the configuration; replaced by tests. */
    static ConfigLocator locator = ConfigLocator.forThisProcess();

    @Override
    public final Integer call() {
        Logging.configure(common.verbosity(), err());
        try {
            return execute(Session.open(common.config(), locator));
        } catch (ConfigException e) {
            return usageError(e.problems());
        } catch (StoreException e) {
            err().println("error: " + e.getMessage());
            return ExitCodes.INTERNAL;
        }
    }

    /** Runs the command with a valid configuration and returns its exit code. */
    abstract int execute(Session session) throws ConfigException;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    Style style() {
        return spec.commandLine().getColorScheme().ansi().enabled() ? Style.detect(System.getenv()) : Style.plain();
    }

    void printJson(Object view) {
        out().println(Json.write(view));
        out().flush();
    }

    int usageError(List<ConfigProblem> problems) {
        problems.forEach(problem -> err().println("error: " + problem));
        err().println(problems.size() == 1 ? "1 problem; nothing was run." : problems.size() + " problems; nothing was run.");
        err().flush();
        return ExitCodes.USAGE;
    }
}
