package dev.medic.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.concurrent.Callable;

import dev.medic.cli.command.CheckCommand;
import dev.medic.cli.command.DaemonCommand;
import dev.medic.cli.command.HistoryCommand;
import dev.medic.cli.command.ListCommand;
import dev.medic.cli.command.PackageCommand;
import dev.medic.cli.command.ResetCommand;
import dev.medic.cli.command.RunCommand;
import dev.medic.cli.command.StatusCommand;
import dev.medic.cli.command.ValidateCommand;
import dev.medic.engine.ExitCodes;
import dev.medic.engine.Medic;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code medic} command and its subcommands. */
@Command(name = "medic", mixinStandardHelpOptions = true, versionProvider = MedicCommand.Version.class,
    description = "Self-healing checks: run state checks written as JUnit tests, repair what fails, retest, "
        + "and record honest outcomes.",
    footer = {"", "Exit codes: 0 healthy or repaired, 1 unresolved, 2 bad usage or configuration, 3 Medic failed.",
        "Documentation: docs/cli.md"})
public final class MedicCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** The subcommands, in the order help lists them. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("run", RunCommand::new);
        commands.put("check", CheckCommand::new);
        commands.put("list", ListCommand::new);
        commands.put("status", StatusCommand::new);
        commands.put("history", HistoryCommand::new);
        commands.put("reset", ResetCommand::new);
        commands.put("daemon", DaemonCommand::new);
        commands.put("validate", ValidateCommand::new);
        commands.put("package", PackageCommand::new);
        return commands;
    }

    /** Runs a command line and returns its exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new MedicCommand());
        // Building a command's model is reflection-heavy; a one-shot run needs only its own.
        if (args.length > 0 && SUBCOMMANDS.containsKey(args[0])) {
            commandLine.addSubcommand(args[0], SUBCOMMANDS.get(args[0]).get());
        } else {
            SUBCOMMANDS.forEach((name, command) -> commandLine.addSubcommand(name, command.get()));
        }
        commandLine
            .setOut(out)
            .setErr(err)
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setExecutionExceptionHandler((exception, line, parseResult) -> {
                line.getErr().println("error: Medic failed: " + exception);
                line.getErr().flush();
                return ExitCodes.INTERNAL;
            });
        return commandLine.execute(args);
    }

    /** Prints the Medic version and the Java runtime. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"medic " + Medic.version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
