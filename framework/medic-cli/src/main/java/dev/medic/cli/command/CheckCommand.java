package dev.medic.cli.command;

import dev.medic.engine.RunMode;
import picocli.CommandLine.Command;

/** {@code medic check}: the rerun after a manual fix. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Run checks and record the outcomes without repairing anything: the rerun after a fix by hand.",
        "A check that passes again clears its alert. Exit code 0 when all pass, 1 when one still fails, "
            + "2 on bad usage."})
public final class CheckCommand extends RunChecksCommand {

    @Override
    RunMode mode() {
        return RunMode.CHECK;
    }
}
