package dev.medic.cli.command;

import java.util.concurrent.Callable;

import dev.medic.engine.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code medic package}: the unit operators write, share and install. */
@Command(name = "package", mixinStandardHelpOptions = true,
    description = "Create a package project, or install, list, inspect and remove installed packages.",
    subcommands = {PackageNewCommand.class, PackageInstallCommand.class, PackageListCommand.class,
        PackageInfoCommand.class, PackageRemoveCommand.class})
public final class PackageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
