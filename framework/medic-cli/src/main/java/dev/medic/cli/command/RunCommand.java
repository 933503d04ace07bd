package dev.medic.cli.command;

import dev.medic.engine.RunMode;
import picocli.CommandLine.Command;

/** {@code medic run}: heal. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run checks, repair the ones that fail, retest them, collect stats, and record every outcome.",
        "Exit code 0 when everything is healthy or repaired, 1 when a check is still unresolved, "
            + "2 on bad usage or configuration."})
public final class RunCommand extends RunChecksCommand {

    @Override
    RunMode mode() {
        return RunMode.RUN;
    }
}
