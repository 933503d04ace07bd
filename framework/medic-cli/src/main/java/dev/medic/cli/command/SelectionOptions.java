package dev.medic.cli.command;

import dev.medic.engine.Selection;
import picocli.CommandLine.Option;

/** Options that narrow a command to one package or to checks matching a pattern. */
public final class SelectionOptions {

    @Option(names = {"-p", "--package"}, paramLabel = "ID", description = "Only this package.")
    String packageId;

    @Option(names = "--check", paramLabel = "NAME",
        description = "Only checks whose name or method name matches; * matches any characters (DemoChecks.*).")
    String check;

    Selection selection() {
        return Selection.of(packageId, check);
    }
}
