package dev.medic.cli.command;

import java.util.List;

import dev.medic.api.CheckId;
import dev.medic.cli.internal.Session;
import dev.medic.engine.ExitCodes;
import dev.medic.store.sqlite.SqliteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code medic reset}: forget the healing policy's counters, after a human has dealt with the cause. */
@Command(name = "reset", mixinStandardHelpOptions = true,
    description = {"Forget the healing policy's state of the selected checks: consecutive failures, the repair history",
        "and GIVEN_UP are cleared, and the next run starts them afresh. The history of outcomes is kept."})
public final class ResetCommand extends BaseCommand {

    @Mixin
    SelectionOptions selectionOptions;

    @Override
    int execute(Session session) {
        try (SqliteStore store = session.openStore()) {
            List<CheckId> reset = store.resetStates(selectionOptions.selection());
            if (reset.isEmpty()) {
                out().println("Nothing to reset: no selected check has policy state.");
            } else {
                out().println("reset " + reset.size() + (reset.size() == 1 ? " check:" : " checks:"));
                reset.forEach(check -> out().println("  " + check));
            }
            out().flush();
            return ExitCodes.OK;
        }
    }
}
